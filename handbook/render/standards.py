"""SMART standard cards and the filterable summary list of all standards.

Drawn by handbook/templates/blocks/standards-summary.html and standard-cards.html.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..book import Handbook
from ..models import Dimension, Side, Standard
from ..templating import markdown_text, render
from ..words import word
from .common import Context, number


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class SideSection:
    side: Side | None  # None: the chosen cards with no heading of their own
    heading: str  # the side's name, safe in a Markdown heading
    standards: list[Standard]


def target(s: Standard, lang: str) -> str:
    """``≤ 3 rings``: the measurable target in one short phrase (a percent sign follows its number)."""
    m = s.measure
    unit = m.unit(lang)
    layout = "{number}{unit}" if unit == "%" else word("number_with_unit", lang)
    return f"{word(m.comparison, lang)} {layout.format(number=number(m.value), unit=unit)}"


def standards_summary(hb: Handbook, ctx: Context) -> str:
    """A compact list (one line per standard, linking to its card) that narrow screens read
    without sideways scrolling; standards-filter.js filters it by side, dimension and owner."""
    lang = ctx.lang
    members = sorted(hb.standards.standards, key=lambda s: list(Side).index(s.side))
    return render("blocks/standards-summary.html", hb=hb, ctx=ctx, lang=lang, standards=members,
                  choices=_choices(hb, members, lang), target=target)


def _choices(hb: Handbook, members: list[Standard], lang: str) -> dict[str, list[Choice]]:
    """What the filter form offers: only sides, dimensions and owners some standard has."""
    return {
        "side": [Choice(side.value, word(side.value, lang)) for side in Side if any(s.side is side for s in members)],
        "dimension": [Choice(d.value, word(d.value, lang)) for d in Dimension if any(s.dimension is d for s in members)],
        "owner": [Choice(r, hb.role(r).title(lang)) for r in dict.fromkeys(s.owner for s in members)],
    }


def standard_cards(hb: Handbook, ctx: Context, side: str | None = None, ids: list[str] | None = None) -> str:
    """All cards under one H2 per side, or (filtered) just the chosen cards."""
    chosen = [
        s
        for s in hb.standards.standards
        if (side is None or s.side.value == side) and (not ids or s.id in ids)
    ]
    if side or ids:
        sections = [SideSection(None, "", chosen)] if chosen else []
    else:
        sections = [
            SideSection(group, markdown_text(word(group.value, ctx.lang)), members)
            for group in Side
            if (members := [s for s in chosen if s.side is group])
        ]
    if not sections:
        return ""
    return render("blocks/standard-cards.html", hb=hb, ctx=ctx, lang=ctx.lang, sections=sections, target=target)
