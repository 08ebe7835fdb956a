"""The "on the call" mode: one screen per call stage with only what an agent says there.

Everything comes from the phone phrase cards (their ``stage``) and the standards
they name, so the lines are never copied: edit a card and the call mode follows.
Without JavaScript the stages are a plain page, one section after another;
call-mode.js turns them into screens with next/previous buttons and keys.
"""

from __future__ import annotations

from ..book import Handbook
from ..models import Phrase, PhoneStage
from .common import Context, added_if, esc, link
from ..words import word
from .phrases import copy_button
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


def _line(p: Phrase, lang: str) -> str:
    say = p.say(lang)
    parts = [
        '<li class="hb-call__line">',
        f'<p class="hb-call__when">{esc(p.situation(lang))}{added_if(p, "situation", lang)}</p>',
        f'<div class="hb-phrase__say"><span class="hb-label">{word("say", lang)}</span>'
        f'<p class="hb-phrase__line">{esc(say)}{added_if(p, "say", lang)}</p>{copy_button(say, lang)}</div>',
    ]
    if p.avoid:
        parts.append(
            f'<div class="hb-phrase__avoid"><span class="hb-label">{word("avoid", lang)}</span>'
            f'<p class="hb-phrase__line"><del>{esc(p.avoid(lang))}</del>{added_if(p, "avoid", lang)}</p></div>'
        )
    parts.append("</li>")
    return "\n".join(parts)


def _stage(hb: Handbook, ctx: Context, number: int, total: int, key: str, stages: tuple[PhoneStage, ...]) -> str:
    lang = ctx.lang
    groups, standard_ids = [], []
    for stage in stages:
        cards = [p for p in hb.phrases.phrases if p.stage is stage]
        for p in cards:
            standard_ids += [s for s in p.standards if s not in standard_ids]
        if not cards:
            continue
        heading = f'<h3 class="hb-call__sub">{word(stage.value, lang)}</h3>\n' if len(stages) > 1 else ""
        groups.append(f'{heading}<ol class="hb-call__lines">\n' + "\n".join(_line(p, lang) for p in cards) + "\n</ol>")
    rules = "\n".join(
        f'<li>{link(ctx, "standard", s.id, s.title(lang))} <span class="hb-target">{esc(target(s, lang))}</span> '
        f'<span class="hb-muted">{esc(s.measure.what(lang))}</span></li>'
        for s in (hb.standard(i) for i in standard_ids)
    )
    standards = (
        f'<div class="hb-call__standards"><p class="hb-label">{word("call_standards", lang)}</p>\n<ul>\n{rules}\n</ul></div>\n'
        if rules
        else ""
    )
    title = word(f"call_{key}", lang)
    return (
        f'<section class="hb-call__stage" id="call-{key}" aria-labelledby="call-{key}-title">\n'
        f'<h2 class="hb-call__title" id="call-{key}-title" tabindex="-1">'
        f'<span class="hb-call__number">{number}/{total}</span> {title}</h2>\n'
        + "\n".join(groups)
        + f"\n{standards}</section>"
    )


def call_stages(hb: Handbook, ctx: Context) -> str:
    lang = ctx.lang
    present = [(key, stages) for key, stages in STAGES if any(p.stage in stages for p in hb.phrases.phrases)]
    if not present:
        return ""
    sections = [_stage(hb, ctx, i, len(present), key, stages) for i, (key, stages) in enumerate(present, 1)]
    steps = "\n".join(f'<li><a href="#call-{key}">{word(f"call_{key}", lang)}</a></li>' for key, _ in present)
    buttons = (
        f'<div class="hb-call__buttons" data-call-js hidden>\n'
        f'<button type="button" class="md-button" data-call-go="-1">{word("call_previous", lang)}</button>\n'
        f'<button type="button" class="md-button md-button--primary" data-call-go="1">{word("call_next", lang)}</button>\n'
        "</div>"
    )
    return (
        f'<div class="hb-call" data-call>\n'
        f'<nav class="hb-call__steps" aria-label="{word("call_steps", lang)}"><ol>\n{steps}\n</ol></nav>\n'
        f'<p class="hb-call__keys hb-muted" data-call-js hidden>{word("call_keys", lang).format(last=len(present))}</p>\n'
        + "\n".join(sections)
        + f"\n{buttons}\n</div>"
    )
