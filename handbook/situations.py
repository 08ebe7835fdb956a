"""Check that every situation's answers point at a page and section that exist, in both languages.

The pages are read from ``docs/<lang>/`` (Markdown, no build): an answer may name
a heading's anchor or an entry a marker on that page shows (``phrase-…``).
"""

from __future__ import annotations

from pathlib import Path

from .anchors import page_anchors
from .markers import MarkerError
from .models import SituationsFile
from .nav import LANGS
from .render import shows
from .words import word


def entity_titles(hb, lang: str) -> dict[tuple[str, str], str]:
    """(kind, id) → the entry's title in ``lang``, for every entry a marker can show."""
    phrase = word("phrase_card", lang) + word("colon", lang)
    titles = {("role", r.id): r.title(lang) for r in hb.roles.roles}
    titles |= {("standard", s.id): s.title(lang) for s in hb.standards.standards}
    titles |= {("phrase", p.id): phrase + p.situation(lang).rstrip("。.") for p in hb.phrases.phrases}
    titles |= {("blueprint", b.id): b.title(lang) for b in hb.blueprints.values()}
    titles |= {("term", term.id): term.term(lang) for term in hb.glossary.terms}
    return titles


def resolve_answers(hb, situations: SituationsFile, docs_dir: Path):
    """The title of every answer's target, keyed (lang, page, anchor); and (field path, what is
    wrong) for every answer that points nowhere. A page without anchor is titled by its first heading."""
    problems = []
    titles_by_target: dict[tuple[str, str, str | None], str] = {}
    anchors: dict[tuple[str, str], dict[str, str] | None] = {}
    for lang in LANGS:
        titles = entity_titles(hb, lang)
        for s, situation in enumerate(situations.situations):
            for a, answer in enumerate(situation.answers):
                path = ("situations", s, "answers", a)
                key = (lang, answer.page)
                if key not in anchors:
                    page = docs_dir / lang / answer.page
                    try:
                        markdown = page.read_text(encoding="utf-8")
                        anchors[key] = page_anchors(markdown, titles, lambda m: shows(m, hb))
                    except FileNotFoundError:
                        anchors[key] = None
                    except MarkerError:
                        anchors[key] = {}  # the build reports the page's bad marker itself
                if anchors[key] is None:
                    problems.append(((*path, "page"), f"no page docs/{lang}/{answer.page}; "
                                                      f"give a path under docs/{lang}/"))
                    continue
                anchor = answer.anchor_in(lang)
                if anchor is not None and anchor not in anchors[key]:
                    field = (*path, "anchor", lang) if not isinstance(answer.anchor, str) else (*path, "anchor")
                    problems.append((field, f"docs/{lang}/{answer.page} has no section #{anchor}; "
                                            "use a heading's anchor or an entry the page shows"))
                    continue
                page_title = next(iter(anchors[key].values()), answer.page)
                titles_by_target[(lang, answer.page, anchor)] = anchors[key][anchor] if anchor else page_title
    return titles_by_target, problems

