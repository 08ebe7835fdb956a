"""The situation finder: what staff face, and the sections that answer it (best first).

Drawn by handbook/templates/blocks/situations.html as a Markdown table, so that MkDocs checks
every link and its anchor.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..book import Handbook
from ..templating import markdown_text, render
from .common import Context, page_link


@dataclass(frozen=True)
class Row:
    situation: str  # safe in a Markdown table cell
    answers: list[str]  # Markdown links to the answering sections, best first


def situations(hb: Handbook, ctx: Context) -> str:
    lang = ctx.lang
    rows = [
        Row(markdown_text(situation.situation(lang)), [
            page_link(ctx, answer.page, answer.anchor_in(lang),
                      hb.answer_titles[(lang, answer.page, answer.anchor_in(lang))])
            for answer in situation.answers
        ])
        for situation in hb.situations.situations
    ]
    return render("blocks/situations.html", lang=lang, rows=rows)
