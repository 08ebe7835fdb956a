"""Write one language's search index into ``<site>/search/<lang>/``.

A document is a section of a page (its top, or an h2/h3; its URL is the anchor, the page's URL
is in the page list) or a data record (its URL from the site root). The browser fetches:

- ``docs.json`` first (the one name without a hash): every document's URL, title, page and kind,
  the pages, the stop words and synonym groups, the pages offered when nothing matches, and
  the hashed names of the other files;
- the term shards a query needs: term → [document, score, …] (each document number as
  the difference from the one before), a term's shard
  chosen by :func:`shard_of` (search.js has the same function);
- the text chunk holding a shown result's text (for its excerpt);
- the vocabulary of English terms, only when a word is found nowhere (typo tolerance).

A term's score in a document adds up where it stands: the document's own title (or a
situation's phrasings) weighs most, the page title next, body text least, with diminishing
returns for repeats. Ranking itself (coverage, synonyms, titles that equal the query,
overviews) is done at query time in search.js.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..models import GlossaryFile, SearchFile
from ..search_records import Record
from .sections import Page
from .terms import LATIN, normalize, stem, terms

SHARDS = 256  # a query of a few words fetches a few KiB
CHUNK_CHARS = 800  # excerpt texts come in files of about this many characters
EXCERPT_CHARS = 600  # of a section's text, enough to find the words in (all of it would double the offline copy)
TITLE, PAGE_TITLE, BODY = 30, 8, 10  # body: at most BODY, less in a long section (BM25's saturation)
K1, B = 1.2, 0.75


@dataclass(frozen=True)
class PageDoc:
    url: str  # site-root-relative, no leading slash ("" is the home page)
    page: Page
    overview: int  # 0, or 1: the home page or a section's index page, or 2: a page that retells others
    part: str = ""  # the nav section it is in ("Case studies"): what kind of page it is


def shard_of(term: str) -> int:
    """A term's shard: a 31-multiplier hash over UTF-16 code units, as search.js computes it."""
    units = term.encode("utf-16-le")
    h = 0
    for i in range(0, len(units), 2):
        h = (h * 31 + (units[i] | units[i + 1] << 8)) & 0xFFFFFFFF
    return h % SHARDS


def synonym_groups(search: SearchFile, glossary: GlossaryFile, lang: str) -> list[list[str]]:
    """The file's groups, then each glossary term with its deprecated variants."""
    groups = [list(g) for g in search.synonyms(lang)]
    for term in glossary.terms:
        variants = getattr(term.deprecated, lang) if term.deprecated else []
        if variants:
            groups.append([term.term(lang), *variants])
    return groups


def _score(title: list[str], page_title: list[str], body: list[str], average: float) -> dict[str, int]:
    scores: dict[str, float] = defaultdict(float)
    for t in set(title):
        scores[t] += TITLE
    for t in set(page_title):
        scores[t] += PAGE_TITLE
    counts: dict[str, int] = defaultdict(int)
    for t in body:
        counts[t] += 1
    norm = K1 * (1 - B + B * len(body) / average)  # a word in a long section says less about it
    for t, n in counts.items():
        scores[t] += BODY * n * (K1 + 1) / (n + norm) / (K1 + 1)
    return {t: max(1, round(s)) for t, s in scores.items()}


def _write(folder: Path, stem_: str, data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    name = f"{stem_}.{hashlib.sha256(text.encode()).hexdigest()[:10]}.json"
    (folder / name).write_text(text, encoding="utf-8")
    return name


def write_index(folder: Path, pages: list[PageDoc], records: list[Record], search: SearchFile,
                glossary: GlossaryFile, lang: str, titles: dict[str, str]) -> None:
    """``titles`` maps a page's docs path (e.g. communication/phone-etiquette.md) to its URL and title,
    for the pages offered when nothing matches."""
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[list] = []
    postings: dict[str, list[int]] = defaultdict(list)
    last: dict[str, int] = {}
    chunks: list[dict[int, str]] = [{}]

    def add(url: str, title: str, page: int, kind: str, text: str, scores: dict[str, int], meta=None) -> None:
        number = len(docs)
        for term, score in sorted(scores.items()):
            postings[term] += [number - last.get(term, 0), score]
            last[term] = number
        if sum(map(len, chunks[-1].values())) >= CHUNK_CHARS:
            chunks.append({})
        chunks[-1][number] = text[:EXCERPT_CHARS]
        docs.append([url, title, page, kind, len(chunks) - 1] + ([meta] if meta else []))

    bodies = [[terms(section.body) for section in entry.page.sections] for entry in pages]
    lengths = [len(body) for page_bodies in bodies for body in page_bodies]
    average = max(1.0, sum(lengths) / max(len(lengths), 1))
    page_rows = []
    for p, entry in enumerate(pages):
        page_title = terms(entry.page.title)
        page_rows.append([entry.url, entry.page.title, entry.overview])
        for s, section in enumerate(entry.page.sections):
            around = terms(entry.part) if s == 0 else page_title  # the page top: its part; a section: its page
            scores = _score(terms(section.heading), around, bodies[p][s], average)
            add(section.anchor or "", section.heading, p, "page", section.body, scores)
    for record in records:
        title = terms(" ".join([record.title, *record.titles]))
        meta = {k: (v.lstrip("/") if k == "link" else v) for k, v in record.meta.items()}
        body = " ".join(record.body)
        add(record.url.lstrip("/"), record.title, -1, record.kind, body, _score(title, [], terms(body), average), meta)

    shards: list[dict[str, list[int]]] = [{} for _ in range(SHARDS)]
    for term in sorted(postings):
        shards[shard_of(term)][term] = postings[term]
    vocabulary = sorted(t for t in postings if LATIN.fullmatch(t) and not t.isdigit())
    entry = {
        "docs": docs,
        "pages": page_rows,
        "stop": sorted({stem(w) if w.isascii() else w for w in map(normalize, search.stop_words(lang))}),
        "synonyms": [[normalize(w) for w in group] for group in synonym_groups(search, glossary, lang)],
        "popular": [titles[path] for path in search.popular],
        "finder": next(f"{p.url}#{p.page.finder}" for p in pages if p.page.finder),
        "shards": [_write(folder, f"shard-{i}", shard) for i, shard in enumerate(shards)],
        "texts": [_write(folder, f"text-{i}", chunk) for i, chunk in enumerate(chunks)],
        "vocabulary": _write(folder, "vocabulary", vocabulary),
    }
    (folder / "docs.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

