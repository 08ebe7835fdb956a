"""Example and tip boxes say whose they are (handbook/sources.py): a box the handbook wrote
(``hb-handbook``) gets the 本手册补充 / Handbook addition badge in its title, one that retells
the course (``hb-course``) a 课程内容 / From the course tag; ``hb-guide`` boxes (using the
handbook) get neither. The same words reach paper and the trainer PDFs, which print the pages."""

from __future__ import annotations

import re

from handbook.templating import render

# <div class="admonition tip hb-handbook"><p class="admonition-title">…</p> and
# <details class="example hb-course"><summary>…</summary> (pymdownx.details)
TITLE = re.compile(
    r'(<div class="admonition (?:example|tip) (?P<a>hb-handbook|hb-course)">\s*<p class="admonition-title">.*?)(</p>)'
    r'|(<details class="(?:example|tip) (?P<d>hb-handbook|hb-course)"[^>]*>\s*<summary>.*?)(</summary>)',
    re.S,
)


def on_page_content(html, page, config, files):
    lang = config.plugins["i18n"].current_language

    def mark(match: re.Match) -> str:
        source = match["a"] or match["d"]
        head, end = (match.group(1), match.group(3)) if match["a"] else (match.group(4), match.group(6))
        return f'{head}{render("box-source.html", source=source, lang=lang)}{end}'

    return TITLE.sub(mark, html)
