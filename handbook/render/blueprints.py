"""A service blueprint as an HTML table (lanes as rows, steps as columns) and as step cards.

The three lines (interaction, visibility, internal interaction) are labelled
separator rows, so they read aloud, print, and need no client-side drawing.
Wide screens and paper show the grid; a phone shows the same blueprint as one
card per step (that step's lanes top to bottom, the customer's action shaded), so
nothing has to be scrolled sideways (handbook.css switches between them).

Drawn by handbook/templates/blocks/blueprint.html; here only which lanes, marks and lines
each step shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Blueprint, Point, Step
from ..templating import render
from .common import Context

# Lanes top to bottom, and the line drawn below each lane that has one.
LANES = ("evidence", "customer", "onstage", "backstage", "support")
LINE_BELOW = {"customer": "line_interaction", "onstage": "line_visibility", "backstage": "line_internal"}


@dataclass(frozen=True)
class Mark:
    """A fail or wait point: its label (F1, F2 … and W1, W2 … in file order) and its step's number."""

    label: str
    point: Point
    step: int


@dataclass(frozen=True)
class CardLane:
    """A lane on a step's card, after the lines crossed since the lane above it on that card."""

    lane: str
    crossed: list[str]  # word keys of the lines; none before the card's first lane


@dataclass(frozen=True)
class Column:
    """One step: a column of the grid and a card."""

    number: int
    step: Step
    whole: bool  # every lane is the handbook's: one badge on the step instead of one per cell
    marks: dict[str, list[Mark]]  # lane → the points pinned to that cell
    kinds: list[str]  # the kinds of point on the step, for the card's title
    card: list[CardLane]


def _marks(bp: Blueprint) -> list[Mark]:
    numbers = {s.id: i for i, s in enumerate(bp.steps, 1)}
    counts = {"fail": 0, "wait": 0}
    marks = []
    for p in bp.points:
        counts[p.kind] += 1
        marks.append(Mark(f"{'F' if p.kind == 'fail' else 'W'}{counts[p.kind]}", p, numbers[p.step]))
    return marks


def _whole(step: Step) -> bool:
    return bool(step.added) and all(getattr(step, lane) is None or lane in step.added for lane in LANES)


def _card(step: Step, lanes: list[str], marks: dict[str, list[Mark]]) -> list[CardLane]:
    """The lanes of the step that say something, with the lines crossed between them."""
    card: list[CardLane] = []
    crossed: list[str] = []
    for lane in LANES:
        if lane in lanes and (getattr(step, lane) or marks.get(lane)):
            card.append(CardLane(lane, crossed if card else []))
            crossed = []
        if lane in LINE_BELOW:
            crossed.append(LINE_BELOW[lane])
    return card


def _column(number: int, step: Step, lanes: list[str], marks: list[Mark]) -> Column:
    own = [m for m in marks if m.point.step == step.id]
    by_lane: dict[str, list[Mark]] = {}
    for m in own:
        by_lane.setdefault(m.point.lane, []).append(m)
    kinds = sorted({m.point.kind for m in own})
    return Column(number, step, _whole(step), by_lane, kinds, _card(step, lanes, by_lane))


def blueprint(bp: Blueprint, ctx: Context) -> str:
    marks = _marks(bp)
    lanes = [lane for lane in LANES if any(getattr(s, lane) for s in bp.steps)]
    columns = [_column(i, step, lanes, marks) for i, step in enumerate(bp.steps, 1)]
    # One sentence says what the badges in the grid, the cards and the table mean.
    rebuilt = bool(set(bp.added) - {"summary"} or any(s.added for s in bp.steps) or any(p.added for p in bp.points))
    return render("blocks/blueprint.html", bp=bp, lang=ctx.lang, lanes=lanes, all_lanes=LANES,
                  line_below=LINE_BELOW, columns=columns, marks=marks, rebuilt=rebuilt)
