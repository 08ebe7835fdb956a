"""Phrase cards: what to say, what to avoid, why, with a one-click copy.

Drawn by handbook/templates/blocks/phrase-cards.html; the say/avoid line itself is the
``phrase_line`` macro in handbook/templates/macros.html, shared with the call mode and search.
"""

from __future__ import annotations

from ..book import Handbook
from ..models import Phrase
from ..templating import render
from .common import Context


def select(hb: Handbook, group: str | None, stage: str | None, ids: list[str] | None) -> list[Phrase]:
    return [
        p
        for p in hb.phrases.phrases
        if (group is None or p.group.value == group)
        and (stage is None or (p.stage is not None and p.stage.value == stage))
        and (not ids or p.id in ids)
    ]


def phrase_cards(
    hb: Handbook, ctx: Context, group: str | None = None, stage: str | None = None, ids: list[str] | None = None
) -> str:
    chosen = select(hb, group, stage, ids)
    if not chosen:
        return ""
    return render("blocks/phrase-cards.html", hb=hb, ctx=ctx, lang=ctx.lang, phrases=chosen)
