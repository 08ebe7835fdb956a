"""The glossary as a definition list, each term with its names in the other languages, and the
table of house renderings (``usage`` in data/glossary.yml).

Drawn by handbook/templates/blocks/glossary.html and usage.html.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..book import Handbook
from ..models import Term, Usage
from ..nav import LANGS
from ..templating import render
from ..words import word
from .common import Context

# How a language orders its glossary (the trait ``term_order`` in i18n/): alphabetically, or as
# data/glossary.yml lists the terms (by topic) where the language has no alphabet to sort by.
ORDERS = {
    "alphabetical": lambda terms, lang: sorted(terms, key=lambda term: term.term(lang).casefold()),
    "as_listed": lambda terms, lang: list(terms),
}


@dataclass(frozen=True)
class UsageRow:
    entry: Usage
    not_used: str  # the variants not to use, every language's


def _in_order(terms: list[Term], lang: str) -> list[Term]:
    return ORDERS[word("term_order", lang)](terms, lang)


def glossary(hb: Handbook, ctx: Context) -> str:
    lang = ctx.lang
    return render("blocks/glossary.html", lang=lang, terms=_in_order(hb.glossary.terms, lang),
                  others=[other for other in LANGS if other != lang])


def _not_used(entry: Usage) -> str:
    """Every language's variants not to use, in the languages' order."""
    if entry.deprecated is None:
        return ""
    return " · ".join(variant for code in LANGS for variant in getattr(entry.deprecated, code))


def usage(hb: Handbook, ctx: Context) -> str:
    """One row per house rendering: every language's, the variants not to use, why."""
    rows = [UsageRow(entry, _not_used(entry)) for entry in hb.glossary.usage]
    return render("blocks/usage.html", lang=ctx.lang, langs=LANGS, rows=rows)
