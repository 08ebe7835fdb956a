"""The glossary as a definition list, each term with its other-language name, and the
table of house renderings (``usage`` in data/glossary.yml)."""

from __future__ import annotations

from ..book import Handbook
from .common import Context, added_if, esc
from ..words import word


def _note(entry, lang: str) -> str:
    return f'<p class="hb-glossary__note">{esc(entry.note(lang))}</p>' if entry.note else ""


def glossary(hb: Handbook, ctx: Context) -> str:
    lang = ctx.lang
    other = "en" if lang == "zh" else "zh"
    terms = sorted(hb.glossary.terms, key=lambda term: term.term.en.casefold()) if lang == "en" else hb.glossary.terms
    items = "\n".join(
        f'<dt id="term-{term.id}">{esc(term.term(lang))} <span class="hb-muted" lang="{other}">'
        f"{esc(term.term(other))}</span>{added_if(term, 'term', lang)}</dt>\n"
        f"<dd>{esc(term.definition(lang))}{added_if(term, 'definition', lang)}{_note(term, lang)}</dd>"
        for term in terms
    )
    return f'<dl class="hb-glossary">\n{items}\n</dl>'


def usage(hb: Handbook, ctx: Context) -> str:
    """One row per house rendering: both languages, the variants not to use, why."""
    lang = ctx.lang
    rows = []
    for entry in hb.glossary.usage:
        variants = [] if entry.deprecated is None else [*entry.deprecated.zh, *entry.deprecated.en]
        rows.append(
            f'<tr id="usage-{entry.id}"><td lang="zh">{esc(entry.preferred.zh)}</td><td lang="en">{esc(entry.preferred.en)}</td>'
            f"<td>{esc(' · '.join(variants)) or '—'}</td><td>{esc(entry.note(lang)) if entry.note else ''}</td></tr>"
        )
    head = "".join(f'<th scope="col">{word(k, lang)}</th>' for k in ("usage_zh", "usage_en", "usage_not", "usage_note"))
    return f'<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"
