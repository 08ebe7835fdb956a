"""Give every page its own meta description (Material prints ``page.meta.description``).

A ``description:`` in a page's front matter wins; otherwise the opening
paragraph is used (:mod:`handbook.describe`), escaped here because Material
prints the value into an attribute as it is.
"""

from __future__ import annotations

import html as html_lib

from handbook.describe import describe


def on_page_content(html, page, config, files):
    if not page.meta.get("description"):
        text = describe(html, config.plugins["i18n"].current_language)
        page.meta["description"] = html_lib.escape(text, quote=True)
    return html
