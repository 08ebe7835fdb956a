"""A page's meta description, taken from its opening paragraph.

Search engines and link previews show the description under the title; the
site-wide one says nothing about the page. The first paragraph at the top level
of the content (not inside the learning-objectives box) is the page's own
summary, so it is used, shortened to what a results page shows.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .words import word

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _FirstParagraph(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.inside = False  # within the first top-level <p>
        self.done = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        if tag == "p" and self.depth == 0 and not self.done:
            self.inside = True
        self.depth += 1

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        self.depth -= 1
        if self.inside and self.depth == 0:
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)


def describe(html: str, lang: str) -> str:
    """The first top-level paragraph of ``html`` as plain text, cut at what a results page shows
    before cutting (the catalogue's ``description_limit``: about 80 Chinese characters or 160 Latin ones)."""
    parser = _FirstParagraph()
    for start in range(0, len(html), 2048):  # the opening paragraph is near the top: stop there
        parser.feed(html[start : start + 2048])
        if parser.done:
            break
    text = re.sub(r"\s+", " ", "".join(parser.text)).strip()
    limit = int(word("description_limit", lang))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if word("writing", lang) == "cjk":  # prefer ending at a full stop or comma
        stop = max(cut.rfind(p) for p in "。；，")
        cut = cut[: stop + 1] if stop > limit // 2 else cut
        return cut.rstrip("，；") + ("" if cut.endswith("。") else "……")
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + "…"
