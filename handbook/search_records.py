"""Search records for what the handbook keeps as data: each is a result of its own.

Pages are indexed as built (:mod:`handbook.search.sections`). Generated blocks are left out of
that (see :data:`PAGE_EXCLUDES`) and indexed here instead, one record per entry, under the
entry's own title and at its own anchor:

- situations are best bets: their phrasings weigh as much as their title, they link to their first answer;
- phrase cards carry their "say" line, so a result can offer it for copying;
- standards and glossary terms become results titled by their name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .homes import Homes
from .book import Handbook
from .nav import LANGS
from .templating import macro

# Blocks indexed as records instead of as part of the page that shows them (the call page's
# stages are phrase cards and standards again).
PAGE_EXCLUDES = (".hb-phrase", ".hb-standard", ".hb-glossary", ".hb-situations", ".hb-call", ".headerlink",
                 ".hb-pdf-link")


@dataclass(frozen=True)
class Record:
    url: str  # site-root-relative, with the anchor
    kind: str  # situation, phrase, standard or term
    title: str
    titles: list[str] = field(default_factory=list)  # other wordings that weigh as much as the title
    body: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def records(hb: Handbook, lang: str, homes: Homes, page_urls: dict[str, str]) -> Iterator[Record]:
    """Every record of one language. ``homes`` and ``page_urls`` give site-root-relative URLs."""
    for s in hb.situations.situations:
        best = s.answers[0]
        anchor = best.anchor_in(lang)
        link = page_urls[best.page] + (f"#{anchor}" if anchor else "")
        # Several situations share an answer: the record's own URL is a unique key under the
        # home page, the result links to meta "link". The phrasings are what staff type.
        yield Record(f"{page_urls['index.md']}#situation-{s.id}", "situation", s.situation(lang), s.phrasings(lang),
                     meta={"answer": hb.answer_titles[(lang, best.page, anchor)], "link": link})
    for p in hb.phrases.phrases:
        if ("phrase", p.id) in homes:
            body = [p.say(lang), p.why(lang)] + ([p.avoid(lang)] if p.avoid else [])
            # The line itself is what staff type when they half remember it.
            yield Record(f"{homes['phrase', p.id]}#phrase-{p.id}", "phrase", p.situation(lang), [p.say(lang)], body,
                         meta={"line": macro("phrase_line", p, "say", lang, mark=False)})
    for s in hb.standards.standards:
        if ("standard", s.id) in homes:
            body = [s.specific(lang), s.measure.what(lang), s.time_bound(lang)]
            yield Record(f"{homes['standard', s.id]}#standard-{s.id}", "standard", s.title(lang), body=body)
    for term in hb.glossary.terms:
        if ("term", term.id) in homes:
            others = [term.term(other) for other in LANGS if other != lang]
            yield Record(f"{homes['term', term.id]}#term-{term.id}", "term", term.term(lang),
                         body=others + [term.definition(lang)])
