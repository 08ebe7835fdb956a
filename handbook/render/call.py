"""The "on the call" mode: one screen per call stage with only what an agent says there.

Drawn by handbook/templates/blocks/call-stages.html. Everything comes from the phone phrase cards (their ``stage``) and the standards
they name, so the lines are never copied: edit a card and the call mode follows.
Without JavaScript the stages are a plain page, one section after another;
call-mode.js turns them into screens with next/previous buttons and keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..book import Handbook
from ..models import Phrase, PhoneStage, Standard
from ..templating import render
from .common import Context
from .standards import target

# The six stages of a call, in order, and the phone stages of the cards each one shows.
STAGES: tuple[tuple[str, tuple[PhoneStage, ...]], ...] = (
    ("answer", (PhoneStage.answering,)),
    ("need", (PhoneStage.asking_name, PhoneStage.confirming)),
    ("hold", (PhoneStage.holding,)),
    ("transfer", (PhoneStage.transferring,)),
    ("message", (PhoneStage.taking_details,)),
    ("close", (PhoneStage.closing_solved, PhoneStage.closing_follow_up)),
)


@dataclass(frozen=True)
class Group:
    stage: PhoneStage
    cards: list[Phrase]


@dataclass(frozen=True)
class Stage:
    key: str
    groups: list[Group]  # the phone stages with cards, each under its own heading when the call stage has several
    split: bool  # the call stage spans several phone stages: name each group
    standards: list[Standard]  # the standards its cards name, in order of first mention


def _stage(hb: Handbook, key: str, stages: tuple[PhoneStage, ...]) -> Stage:
    groups = [Group(stage, [p for p in hb.phrases.phrases if p.stage is stage]) for stage in stages]
    ids: list[str] = []
    for p in (p for group in groups for p in group.cards):
        ids += [s for s in p.standards if s not in ids]
    return Stage(key, [g for g in groups if g.cards], len(stages) > 1, [hb.standard(i) for i in ids])


def call_stages(hb: Handbook, ctx: Context) -> str:
    present = [_stage(hb, key, stages) for key, stages in STAGES]
    present = [stage for stage in present if stage.groups]
    if not present:
        return ""
    return render("blocks/call-stages.html", ctx=ctx, lang=ctx.lang, stages=present, target=target)
