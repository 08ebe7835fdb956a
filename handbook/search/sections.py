"""A built page as search sees it: its title and its sections (the top of the page, then one
per h2/h3 with an id), each with its heading and plain text.

Only the article (Material's ``.md-content__inner``) is read. Blocks that are indexed as
records of their own (phrase cards, standards, ...) and anything marked ``data-search-ignore``
(the same words on every page) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

ROOT_CLASS = "md-content__inner"
IGNORE_ATTR = "data-search-ignore"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADINGS = {"h1", "h2", "h3"}


@dataclass
class Section:
    anchor: str | None  # None: the top of the page
    heading: str
    text: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return " ".join(" ".join(self.text).split())


@dataclass
class Page:
    title: str
    sections: list[Section]
    finder: str | None = None  # the anchor of the section that holds the situation finder


FINDER_CLASS = "hb-situations"


class _Reader(HTMLParser):
    def __init__(self, skip_classes: tuple[str, ...]):
        super().__init__(convert_charrefs=True)
        self.skip_classes = set(skip_classes)
        self.depth = 0  # open elements inside the article; 0: outside it
        self.skipping = 0  # depth at which a skipped element opened; 0: not skipping
        self.heading: tuple[str, str | None, list[str]] | None = None
        self.title = ""
        self.sections = [Section(None, "")]
        self.finder: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if not self.depth:
            if ROOT_CLASS in classes:
                self.depth = 1
            return
        if tag in VOID:
            return
        self.depth += 1
        if self.skipping:
            return
        if classes & self.skip_classes or IGNORE_ATTR in attributes or tag in ("script", "style", "svg"):
            self.skipping = self.depth
            if FINDER_CLASS in classes:
                self.finder = self.sections[-1].anchor
        elif tag in HEADINGS:
            self.heading = (tag, attributes.get("id"), [])

    def handle_endtag(self, tag):
        if not self.depth or tag in VOID:
            return
        if self.skipping == self.depth:
            self.skipping = 0
        elif self.heading and tag == self.heading[0] and not self.skipping:
            level, anchor, words = self.heading
            text = " ".join("".join(words).split())
            if level == "h1":
                self.title = text
                self.sections[0].heading = text
            elif anchor:
                self.sections.append(Section(anchor, text))
            else:
                self.sections[-1].text.append(text)
            self.heading = None
        self.depth -= 1

    def handle_data(self, data):
        if not self.depth or self.skipping:
            return
        if self.heading:
            self.heading[2].append(data)
        else:
            self.sections[-1].text.append(data)


def read_page(html: str, skip_classes: tuple[str, ...]) -> Page:
    """The page's title and sections; sections with no text of their own are kept (their
    heading alone may be what a reader types)."""
    reader = _Reader(tuple(c.lstrip(".") for c in skip_classes))
    # The header, the navigation and the table of contents come before the article: skip them
    # unparsed (they are most of the page).
    reader.feed(html[html.rfind("<", 0, max(html.find(f'class="{ROOT_CLASS}'), 0)) :])
    reader.close()
    return Page(reader.title, reader.sections, reader.finder)
