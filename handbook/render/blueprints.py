"""A service blueprint as an HTML table (lanes as rows, steps as columns) and as step cards.

The three lines (interaction, visibility, internal interaction) are labelled
separator rows, so they read aloud, print, and need no client-side drawing.
Wide screens and paper show the grid; a phone shows the same blueprint as one
card per step (that step's lanes top to bottom, the customer's action shaded), so
nothing has to be scrolled sideways (handbook.css switches between them).
"""

from __future__ import annotations

from ..models import Blueprint, Point, Step
from .common import Context, added, added_if, esc
from ..words import word

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
            f'title="{word(p.kind, lang)}{word("colon", lang)}{esc(p.risk(lang))}">{label}</a>'
        )
    lanes = [lane for lane in LANES if any(getattr(s, lane) for s in bp.steps)]
    grid_legend = f'<p class="hb-bp__legend hb-muted">{word("blueprint_caption", lang)}</p>'
    steps_legend = f'<p class="hb-bp-steps__legend hb-muted">{word("blueprint_caption_steps", lang)}</p>'
    # One sentence says what the badges in the grid, the cards and the table mean.
    rebuilt = set(bp.added) - {"summary"} or any(s.added for s in bp.steps) or any(p.added for p in bp.points)
    note = (f'<p class="hb-bp__added hb-muted">{added(lang).strip()}{word("colon", lang)}{word("blueprint_added", lang)}</p>\n'
            if rebuilt else "")
    return (
        f'<p class="hb-bp__summary">{esc(bp.summary(lang))}{added_if(bp, "summary", lang)}</p>\n{note}'
        f"{grid_legend}\n{_grid(bp, lanes, marks, ctx)}\n{steps_legend}\n{_step_cards(bp, lanes, marks, ctx)}\n"
        f"{_points_table(bp, labels, ctx)}"
    )


def _whole(step: Step) -> bool:
    """Every lane of the step is the handbook's: one badge on the step instead of one per cell."""
    return bool(step.added) and all(getattr(step, lane) is None or lane in step.added for lane in LANES)


def _cell(step: Step, lane: str, marks: dict[tuple[str, str], list[str]], lang: str) -> str:
    text = getattr(step, lane)
    badge = "" if _whole(step) else added_if(step, lane, lang)
    return (esc(text(lang)) + badge if text else "") + "".join(marks.get((step.id, lane), []))


def _grid(bp: Blueprint, lanes: list[str], marks: dict[tuple[str, str], list[str]], ctx: Context) -> str:
    lang = ctx.lang
    n = len(bp.steps)
    head = "".join(f'<th scope="col">{i}{added(lang) if _whole(step) else ""}</th>' for i, step in enumerate(bp.steps, 1))
    rows = []
    for lane in LANES:
        if lane in lanes:
            cells = "".join(f"<td>{_cell(step, lane, marks, lang)}</td>" for step in bp.steps)
            rows.append(f'<tr class="hb-bp__lane hb-bp__lane--{lane}"><th scope="row">{word("lane_" + lane, lang)}'
                        f'{added_if(bp, lane, lang)}</th>{cells}</tr>')
        if lane in LINE_BELOW:
            rows.append(
                f'<tr class="hb-bp__line hb-bp__line--{lane}"><th scope="row" colspan="{n + 1}">'
                f"<span>{word(LINE_BELOW[lane], lang)}</span></th></tr>"
            )
    return (
        f'<div class="hb-blueprint" id="blueprint-{bp.id}" role="region" aria-label="{esc(bp.title(lang))}" tabindex="0">\n'
        f'<table class="hb-bp">\n<caption>{esc(bp.title(lang))}'
        f'<span class="hb-bp__print-legend hb-muted"> — {word("blueprint_caption", lang)}</span></caption>\n'
        f'<thead><tr><th scope="col">{word("step", lang)}</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</div>"
    )


def _step_cards(bp: Blueprint, lanes: list[str], marks: dict[tuple[str, str], list[str]], ctx: Context) -> str:
    """One card per step (a customer action): its lanes top to bottom with the lines crossed
    between them; a step with a fail or wait point says so in its title."""
    lang = ctx.lang
    cards = []
    for i, step in enumerate(bp.steps, 1):
        items, crossed = [], []  # crossed: the lines between the last lane shown and the next
        for lane in LANES:
            if lane in lanes and (getattr(step, lane) or marks.get((step.id, lane))):
                if items and crossed:
                    items.append(f'<li class="hb-bp-step__line">{" · ".join(crossed)}</li>')
                crossed = []
                items.append(
                    f'<li class="hb-bp-step__lane hb-bp-step__lane--{lane}">'
                    f'<span class="hb-bp-step__name">{word("lane_" + lane, lang)}{added_if(bp, lane, lang)}</span> '
                    f'{_cell(step, lane, marks, lang)}</li>'
                )
            if lane in LINE_BELOW:
                crossed.append(word(LINE_BELOW[lane], lang))
        kinds = sorted({p.kind for p in bp.points if p.step == step.id})
        flags = "".join(f" hb-bp-step--{kind}" for kind in kinds)
        badges = "".join(f' <span class="hb-badge hb-badge--{kind}">{word(kind, lang)}</span>' for kind in kinds)
        cards.append(
            f'<li class="hb-bp-step{flags}"><p class="hb-bp-step__title">{word("step", lang)} {i}{badges}'
            f'{added(lang) if _whole(step) else ""}</p>\n'
            f'<ul class="hb-bp-step__lanes">\n' + "\n".join(items) + "\n</ul></li>"
        )
    return (
        f'<ol class="hb-bp-steps" aria-label="{esc(bp.title(lang))}">\n' + "\n".join(cards) + "\n</ol>"
    )


def _points_table(bp: Blueprint, labels: list[str], ctx: Context) -> str:
    if not bp.points:
        return ""
    lang = ctx.lang
    steps = {s.id: i for i, s in enumerate(bp.steps, 1)}
    rows = "\n".join(
        f'<tr id="bp-{bp.id}-{label.lower()}"><th scope="row"><span class="hb-bp__point hb-bp__point--{p.kind}">{label}</span> '
        f"{word(p.kind, lang)}</th><td data-label=\"{word('where', lang)}\">{word('step', lang)} {steps[p.step]} · {word('lane_' + p.lane, lang)}</td>"
        f"<td data-label=\"{word('risk', lang)}\">{esc(p.risk(lang))}{added_if(p, 'point', lang)}</td>"
        f"<td data-label=\"{word('response', lang)}\">{esc(p.response(lang))}{added_if(p, 'point', lang) or added_if(p, 'response', lang)}</td></tr>"
        for label, p in zip(labels, bp.points)
    )
    head = "".join(f'<th scope="col">{word(k, lang)}{added_if(bp, "points", lang) if k == "points" else ""}</th>'
                   for k in ("points", "where", "risk", "response"))
    return f'<table class="hb-table hb-bp-points">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>'
