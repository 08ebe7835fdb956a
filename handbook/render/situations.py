"""The situation finder: what staff face, and the sections that answer it (best first)."""

from __future__ import annotations

from ..book import Handbook
from .common import Context, md_inline, page_link
from ..words import word


def situations(hb: Handbook, ctx: Context) -> str:
    lang = ctx.lang
    rows = [f"| {word('situation_now', lang)} | {word('look_here', lang)} |", "|---|---|"]
    for situation in hb.situations.situations:
        links = word("list_separator", lang).join(
            page_link(ctx, answer.page, answer.anchor_in(lang),
                      hb.answer_titles[(lang, answer.page, answer.anchor_in(lang))])
            for answer in situation.answers
        )
        rows.append(f"| {md_inline(situation.situation(lang))} | {links} |")
    return '<div class="hb-situations" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"
