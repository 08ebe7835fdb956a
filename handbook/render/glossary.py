"""The glossary as a definition list, each term with its other-language name."""

from __future__ import annotations

from ..load import Handbook
from .common import Context, esc


def glossary(hb: Handbook, ctx: Context) -> str:
    lang = ctx.lang
    other = "en" if lang == "zh" else "zh"
    terms = sorted(hb.glossary.terms, key=lambda term: term.term.en.casefold()) if lang == "en" else hb.glossary.terms
    items = "\n".join(
        f'<dt id="term-{term.id}">{esc(term.term(lang))} <span class="hb-muted" lang="{other}">'
        f"{esc(term.term(other))}</span></dt>\n<dd>{esc(term.definition(lang))}</dd>"
        for term in terms
    )
    return f'<dl class="hb-glossary">\n{items}\n</dl>'
