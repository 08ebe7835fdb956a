"""Give every page its own meta description (Material prints ``page.meta.description``).

A ``description:`` in a page's front matter wins; otherwise the opening
paragraph is used (:mod:`handbook.describe`).
"""

from __future__ import annotations

from handbook.describe import describe


def on_page_content(html, page, config, files):
    if not page.meta.get("description"):
        page.meta["description"] = describe(html, config.plugins["i18n"].current_language)
    return html
