"""SMART standard cards and the summary table grouped by golden-triangle side."""

from __future__ import annotations

from ..load import Handbook
from ..models import Side, Standard
from .common import Context, added, added_if, esc, link, md_inline, number
from .labels import t


def target(s: Standard, lang: str) -> str:
    """``≤ 3 rings``: the measurable target in one short phrase."""
    m = s.measure
    sep = "" if lang == "zh" or m.unit(lang) == "%" else " "
    return f"{t(m.comparison, lang)} {number(m.value)}{sep}{m.unit(lang)}"


def standards_summary(hb: Handbook, ctx: Context) -> str:
    lang = ctx.lang
    # A column the handbook set for every standard carries the badge once, in its header.
    whole = {f for f in ("measure", "owner", "dimension") if all(f in s.added for s in hb.standards.standards)}
    columns = {"standard": None, "target": "measure", "owner": "owner", "dimension": "dimension"}
    head = "".join(f'<th scope="col">{t(k, lang)}{added(lang) if f in whole else ""}</th>' for k, f in columns.items())

    def badge(s: Standard, field: str) -> str:
        return "" if field in whole else added_if(s, field, lang)

    groups = []
    for side in Side:
        members = [s for s in hb.standards.standards if s.side is side]
        if not members:
            continue
        rows = "\n".join(
            f"<tr><td>{link(ctx, 'standard', s.id, s.title(lang))}</td>"
            f'<td class="hb-target"><span class="hb-target__value">{esc(target(s, lang))}</span> '
            f'<span class="hb-muted">{esc(s.measure.what(lang))}</span>'
            f"{badge(s, 'measure')}</td>"
            f"<td>{link(ctx, 'role', s.owner, hb.role(s.owner).title(lang))}{badge(s, 'owner')}</td>"
            f"<td>{t(s.dimension.value, lang)}{badge(s, 'dimension')}</td></tr>"
            for s in members
        )
        groups.append(
            f'<tbody>\n<tr class="hb-group"><th scope="rowgroup" colspan="4">{t(side.value, lang)}</th></tr>\n{rows}\n</tbody>'
        )
    return f'<table class="hb-table hb-standards-summary">\n<thead><tr>{head}</tr></thead>\n' + "\n".join(groups) + "\n</table>"


def standard_card(hb: Handbook, s: Standard, ctx: Context) -> str:
    lang = ctx.lang
    smart = [
        ("S", "specific", esc(s.specific(lang))),
        ("M", "measurable",
         f"<strong>{esc(target(s, lang))}</strong> — {esc(s.measure.what(lang))}{added_if(s, 'measure', lang)}"),
        ("A", "achievable", esc(s.achievable(lang))),
        ("R", "relevant", f"{esc(s.relevant(lang))} <span class=\"hb-badge\">{t(s.dimension.value, lang)}</span>"
         f"{added_if(s, 'dimension', lang)}"),
        ("T", "time_bound", esc(s.time_bound(lang))),
    ]
    items = "\n".join(
        f'<dt><abbr class="hb-smart__letter" title="{t(key, lang)}">{letter}</abbr> {t(key, lang)}</dt><dd>{text}</dd>'
        for letter, key, text in smart
    )
    owner = link(ctx, "role", s.owner, hb.role(s.owner).title(lang))
    return (
        f'<article class="hb-card hb-standard" id="standard-{s.id}">\n'
        f'<h3 class="hb-card__title">{esc(s.title(lang))}</h3>\n'
        f'<p class="hb-card__tags"><span class="hb-badge hb-badge--{s.side.value}">{t("side", lang)}'
        f"{t('colon', lang)}{t(s.side.value, lang)}</span> <span class=\"hb-target\">{esc(target(s, lang))}</span></p>\n"
        f'<dl class="hb-smart">\n{items}\n</dl>\n'
        f'<p class="hb-card__owner">{t("owner", lang)}{t("colon", lang)}{owner}{added_if(s, "owner", lang)}</p>\n'
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
            title = md_inline(f"{t(group.value, ctx.lang)}")
            sections.append(f"## {title} {{#side-{group.value}}}\n\n{_cards(hb, members, ctx)}")
    return "\n\n".join(sections)


def _cards(hb: Handbook, members: list[Standard], ctx: Context) -> str:
    if not members:
        return ""
    return '<div class="hb-cards">\n' + "\n".join(standard_card(hb, s, ctx) for s in members) + "\n</div>"
