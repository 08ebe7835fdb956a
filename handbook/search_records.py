"""Search records for what the handbook keeps as data: each is a result of its own.

Pages are indexed by Pagefind as built. Generated blocks are left out of that
(see :data:`PAGE_EXCLUDES`) and indexed here instead, one small HTML document
per entry, under the entry's own title and at its own anchor:

- situations are best bets: their phrasings weigh most, they link to their first answer;
- phrase cards carry their "say" line as metadata, so a result can offer it for copying;
- standards and glossary terms become results titled by their name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from .homes import Homes
from .load import Handbook
from .render.labels import t

# Blocks indexed as records instead of as part of the page that shows them (the call page's
# stages are phrase cards and standards again).
PAGE_EXCLUDES = (".hb-phrase", ".hb-standard", ".hb-glossary", ".hb-situations", ".hb-call", ".headerlink",
                 ".hb-pdf-link")
# Pagefind reads the page's content from here (Material's article), so records use it too.
ROOT_SELECTOR = ".md-content__inner"


@dataclass(frozen=True)
class Record:
    url: str  # site-root-relative, with the anchor
    html: str


def _doc(lang: str, kind: str, title: str, body: list[str], meta: dict[str, str] | None = None,
         weight: int = 7, body_weight: int = 1) -> str:
    # The kind is metadata, not a Pagefind filter: filters are written in a different order each
    # build, and builds are reproducible (tests/test_build_script.py).
    metas = "".join(f'<span data-pagefind-meta="{k}:{escape(v)}"></span>' for k, v in {"kind": kind, **(meta or {})}.items())
    paragraphs = "".join(f'<p data-pagefind-weight="{body_weight}">{escape(text)}</p>' for text in body)
    return (f'<html lang="{lang}"><body><div class="{ROOT_SELECTOR[1:]}">'
            f'{metas}'
            f'<h1 data-pagefind-weight="{weight}">{escape(title)}</h1>{paragraphs}</div></body></html>')


def records(hb: Handbook, lang: str, homes: Homes, page_urls: dict[str, str]) -> Iterator[Record]:
    """Every record of one language. ``homes`` and ``page_urls`` give site-root-relative URLs."""
    for s in hb.situations.situations:
        best = s.answers[0]
        anchor = best.anchor_in(lang)
        link = page_urls[best.page] + (f"#{anchor}" if anchor else "")
        meta = {"answer": hb.answer_titles[(lang, best.page, anchor)], "link": link}
        # Pagefind keeps one record per URL, and several situations share an answer: the record's
        # own URL is a unique key under the home page, the result links to meta "link".
        # The phrasings are what staff type: they weigh as much as the title.
        yield Record(f"{page_urls['index.md']}#situation-{s.id}",
                     _doc(lang, "situation", s.situation(lang), s.phrasings(lang), meta, weight=10, body_weight=10))
    for p in hb.phrases.phrases:
        if ("phrase", p.id) not in homes:
            continue
        body = [p.say(lang), p.why(lang)] + ([p.avoid(lang)] if p.avoid else [])
        meta = {"say": p.say(lang), "group": t(p.group.value, lang)}
        yield Record(f"{homes['phrase', p.id]}#phrase-{p.id}", _doc(lang, "phrase", p.situation(lang), body, meta))
    for s in hb.standards.standards:
        if ("standard", s.id) in homes:
            body = [s.specific(lang), s.measure.what(lang), s.time_bound(lang)]
            yield Record(f"{homes['standard', s.id]}#standard-{s.id}", _doc(lang, "standard", s.title(lang), body))
    for term in hb.glossary.terms:
        if ("term", term.id) in homes:
            other = term.term("en" if lang == "zh" else "zh")
            # A definition is short, so it would outrank the chapter that teaches the term: its
            # title weighs no more than a chapter's section headings.
            yield Record(f"{homes['term', term.id]}#term-{term.id}",
                         _doc(lang, "term", term.term(lang), [other, term.definition(lang)], weight=3))
