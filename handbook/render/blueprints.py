"""A service blueprint as an HTML table: lanes as rows, steps as columns.

The three lines (interaction, visibility, internal interaction) are labelled
separator rows, so they read aloud, print, and need no client-side drawing.
"""

from __future__ import annotations

from ..models import Blueprint, Point
from .common import Context, esc
from .labels import t

# Lanes top to bottom, and the line drawn below each lane that has one.
LANES = ("evidence", "customer", "onstage", "backstage", "support")
LINE_BELOW = {"customer": "line_interaction", "onstage": "line_visibility", "backstage": "line_internal"}


def _point_labels(points: list[Point]) -> list[str]:
    """F1, F2 … for fail points and W1, W2 … for wait points, in file order."""
    counts = {"fail": 0, "wait": 0}
    labels = []
    for p in points:
        counts[p.kind] += 1
        labels.append(f"{'F' if p.kind == 'fail' else 'W'}{counts[p.kind]}")
    return labels


def blueprint(bp: Blueprint, ctx: Context) -> str:
    lang = ctx.lang
    labels = _point_labels(bp.points)
    marks: dict[tuple[str, str], list[str]] = {}
    for label, p in zip(labels, bp.points):
        marks.setdefault((p.step, p.lane), []).append(
            f'<a class="hb-bp__point hb-bp__point--{p.kind}" href="#bp-{bp.id}-{label.lower()}" '
            f'title="{t(p.kind, lang)}{t("colon", lang)}{esc(p.risk(lang))}">{label}</a>'
        )
    n = len(bp.steps)
    head = "".join(f'<th scope="col">{i}</th>' for i in range(1, n + 1))
    rows = []
    for lane in LANES:
        cells = []
        for step in bp.steps:
            text = getattr(step, lane)
            body = esc(text(lang)) if text else ""
            cells.append(f"<td>{body}{''.join(marks.get((step.id, lane), []))}</td>")
        if any(getattr(s, lane) for s in bp.steps):
            rows.append(f'<tr class="hb-bp__lane hb-bp__lane--{lane}"><th scope="row">{t("lane_" + lane, lang)}</th>{"".join(cells)}</tr>')
        if lane in LINE_BELOW:
            rows.append(
                f'<tr class="hb-bp__line hb-bp__line--{lane}"><th scope="row" colspan="{n + 1}">'
                f"{t(LINE_BELOW[lane], lang)}</th></tr>"
            )
    table = (
        f'<div class="hb-blueprint" id="blueprint-{bp.id}" role="region" aria-label="{esc(bp.title(lang))}" tabindex="0">\n'
        f'<table class="hb-bp">\n<caption>{esc(bp.title(lang))}<span class="hb-muted"> — {t("blueprint_caption", lang)}</span></caption>\n'
        f'<thead><tr><th scope="col">{t("step", lang)}</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</div>"
    )
    return f'<p class="hb-bp__summary">{esc(bp.summary(lang))}</p>\n{table}\n{_points_table(bp, labels, ctx)}'


def _points_table(bp: Blueprint, labels: list[str], ctx: Context) -> str:
    if not bp.points:
        return ""
    lang = ctx.lang
    steps = {s.id: i for i, s in enumerate(bp.steps, 1)}
    rows = "\n".join(
        f'<tr id="bp-{bp.id}-{label.lower()}"><th scope="row"><span class="hb-bp__point hb-bp__point--{p.kind}">{label}</span> '
        f"{t(p.kind, lang)}</th><td>{t('step', lang)} {steps[p.step]} · {t('lane_' + p.lane, lang)}</td>"
        f"<td>{esc(p.risk(lang))}</td><td>{esc(p.response(lang))}</td></tr>"
        for label, p in zip(labels, bp.points)
    )
    head = "".join(f'<th scope="col">{t(k, lang)}</th>' for k in ("points", "where", "risk", "response"))
    return f'<table class="hb-table hb-bp-points">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'
