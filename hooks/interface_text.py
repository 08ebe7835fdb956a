"""Interface words that Markdown extensions write in English, in the page's language.

The toc and footnotes extensions take one title for the whole build, but the
Chinese pages must not carry English interface text (heading links, footnote
back-links). English pages keep the extensions' own words.
"""

from __future__ import annotations

import re

_TITLES = {
    "zh": [
        (re.compile(r'title="Permanent link"'), 'title="本节链接"'),
        (re.compile(r'title="Jump back to footnote (\d+) in the text"'), r'title="返回正文中的脚注 \1"'),
    ],
}


def on_page_content(html, page, config, files):
    for pattern, replacement in _TITLES.get(config.plugins["i18n"].current_language, []):
        html = pattern.sub(replacement, html)
    return html
