"""SMART standard cards and the filterable summary list of all standards."""

from __future__ import annotations

from ..book import Handbook
from ..models import Dimension, Side, Standard
from .common import Context, added_if, esc, link, md_inline, number
from ..words import word


def target(s: Standard, lang: str) -> str:
    """``≤ 3 rings``: the measurable target in one short phrase."""
    m = s.measure
    sep = "" if lang == "zh" or m.unit(lang) == "%" else " "
    return f"{word(m.comparison, lang)} {number(m.value)}{sep}{m.unit(lang)}"


def standards_summary(hb: Handbook, ctx: Context) -> str:
    """A compact list (one line per standard, linking to its card) that narrow screens read
    without sideways scrolling; standards-filter.js filters it by side, dimension and owner."""
    lang = ctx.lang
    members = sorted(hb.standards.standards, key=lambda s: list(Side).index(s.side))
    items = "\n".join(
        f'<li data-side="{s.side.value}" data-dimension="{s.dimension.value}" data-owner="{esc(s.owner)}">'
        f"{link(ctx, 'standard', s.id, s.title(lang))} "
        f'<span class="hb-target">{esc(target(s, lang))}</span>{added_if(s, "measure", lang)}'
        f'<span class="hb-standard-list__tags">{word(s.side.value, lang)} · {word(s.dimension.value, lang)} · '
        f"{esc(hb.role(s.owner).title(lang))}</span></li>"
        for s in members
    )
    return f"{_filter(hb, members, lang)}\n<ul class=\"hb-standard-list\" data-filter-list>\n{items}\n</ul>"


def _filter(hb: Handbook, members: list[Standard], lang: str) -> str:
    """The filter form: hidden until standards-filter.js runs (without it the list is complete)."""
    choices = {
        "side": [(side.value, word(side.value, lang)) for side in Side if any(s.side is side for s in members)],
        "dimension": [(d.value, word(d.value, lang)) for d in Dimension if any(s.dimension is d for s in members)],
        "owner": [(r, hb.role(r).title(lang)) for r in dict.fromkeys(s.owner for s in members)],
    }
    selects = "\n".join(
        f'<label class="hb-filter__field"><span>{word(key, lang)}</span>'
        f'<select data-filter="{key}"><option value="">{word("all", lang)}</option>'
        + "".join(f'<option value="{esc(value)}">{esc(label)}</option>' for value, label in options)
        + "</select></label>"
        for key, options in choices.items()
    )
    count = esc(word("shown", lang))
    return (
        f'<form class="hb-filter" data-filter-form hidden aria-label="{word("filter", lang)}">\n{selects}\n'
        f'<p class="hb-filter__count" role="status" data-filter-count="{count}"></p>\n</form>'
    )


def standard_card(hb: Handbook, s: Standard, ctx: Context) -> str:
    lang = ctx.lang
    smart = [
        ("S", "specific", esc(s.specific(lang))),
        ("M", "measurable",
         f"<strong>{esc(target(s, lang))}</strong> — {esc(s.measure.what(lang))}{added_if(s, 'measure', lang)}"),
        ("A", "achievable", esc(s.achievable(lang))),
        ("R", "relevant", f"{esc(s.relevant(lang))} <span class=\"hb-badge\">{word(s.dimension.value, lang)}</span>"
         f"{added_if(s, 'dimension', lang)}"),
        ("T", "time_bound", esc(s.time_bound(lang))),
    ]
    items = "\n".join(
        f'<dt><abbr class="hb-smart__letter" title="{word(key, lang)}">{letter}</abbr> {word(key, lang)}</dt><dd>{text}</dd>'
        for letter, key, text in smart
    )
    owner = link(ctx, "role", s.owner, hb.role(s.owner).title(lang))
    return (
        f'<article class="hb-card hb-standard" id="standard-{s.id}">\n'
        f'<h3 class="hb-card__title">{esc(s.title(lang))}</h3>\n'
        f'<p class="hb-card__tags"><span class="hb-badge hb-badge--{s.side.value}">{word("side", lang)}'
        f"{word('colon', lang)}{word(s.side.value, lang)}</span> <span class=\"hb-target\">{esc(target(s, lang))}</span></p>\n"
        f'<dl class="hb-smart">\n{items}\n</dl>\n'
        f'<p class="hb-card__owner">{word("owner", lang)}{word("colon", lang)}{owner}{added_if(s, "owner", lang)}</p>\n'
        "</article>"
    )


def standard_cards(hb: Handbook, ctx: Context, side: str | None = None, ids: list[str] | None = None) -> str:
    """All cards under one H2 per side, or (filtered) just the chosen cards."""
    chosen = [
        s
        for s in hb.standards.standards
        if (side is None or s.side.value == side) and (not ids or s.id in ids)
    ]
    if side or ids:
        return _cards(hb, chosen, ctx)
    sections = []
    for group in Side:
        members = [s for s in chosen if s.side is group]
        if members:
            title = md_inline(f"{word(group.value, ctx.lang)}")
            sections.append(f"## {title} {{#side-{group.value}}}\n\n{_cards(hb, members, ctx)}")
    return "\n\n".join(sections)


def _cards(hb: Handbook, members: list[Standard], ctx: Context) -> str:
    if not members:
        return ""
    return '<div class="hb-cards">\n' + "\n".join(standard_card(hb, s, ctx) for s in members) + "\n</div>"
