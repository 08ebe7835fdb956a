"""The anchors a page offers, read from its Markdown source without building the site.

A page's anchors are its headings (slugged as ``mkdocs.yml`` configures the toc
extension: pymdownx's slugify, lower case) and the entries its markers show
(``phrase-…``, ``standard-…``). Each anchor maps to the title a link to it would show.
"""

from __future__ import annotations

import re

from pymdownx.slugs import slugify

from .markers import find_markers

_slug = slugify(case="lower")
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*#*\s*$")
_EXPLICIT_ID = re.compile(r"#([\w-]+)")
_INLINE = [(re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"[*_`]"), "")]


def heading_text(markdown_heading: str) -> str:
    """The plain text of a heading as the toc extension sees it (links and emphasis dropped)."""
    for pattern, repl in _INLINE:
        markdown_heading = pattern.sub(repl, markdown_heading)
    return markdown_heading.strip()


def heading_anchors(markdown: str) -> dict[str, str]:
    """anchor → heading text, with the toc extension's ``_1``, ``_2`` suffixes for repeats."""
    anchors: dict[str, str] = {}
    in_fence = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if not match:
            continue
        text = heading_text(match.group("text"))
        explicit = _EXPLICIT_ID.search(match.group("attrs") or "")
        anchor = explicit.group(1) if explicit else _slug(text, "-")
        base, n = anchor, 0
        while anchor in anchors:
            n += 1
            anchor = f"{base}_{n}"
        anchors[anchor] = text
    return anchors


def page_anchors(markdown: str, entity_titles: dict[tuple[str, str], str], shows) -> dict[str, str]:
    """Heading anchors plus ``kind-id`` for every entry the page's markers show.

    ``shows(marker)`` lists the (kind, id) pairs a marker puts on the page and
    ``entity_titles`` names them; both come from the caller, who has the data.
    """
    anchors = heading_anchors(markdown)
    for marker in find_markers(markdown):
        for kind, entity_id in shows(marker):
            anchors[f"{kind}-{entity_id}"] = entity_titles.get((kind, entity_id), entity_id)
    return anchors

