"""The phrase-card deck: eight cards to an A4 sheet, dashed cut lines, from ``data/phrases.yml``.

Drawn by handbook/templates/pdf/phrase-deck.html; the say and avoid lines are the site's
``phrase_line`` macro (handbook/templates/macros.html).
"""

from __future__ import annotations

from pathlib import Path

from ..load import load_handbook
from ..templating import render
from ..words import word
from .documents import Context, Doc, document, online, page_css

PER_SHEET = 8  # 2 columns × 4 rows
PAGE = "communication/phrase-cards.md"  # the cards online


def deck_doc(ctx: Context, data_dir: Path, lang: str) -> Doc:
    phrases = load_handbook(data_dir).phrases.phrases
    sheets = [phrases[start : start + PER_SHEET] for start in range(0, len(phrases), PER_SHEET)]
    handbook, title = ctx.site.names[lang], word("pdf_phrase_cards", lang)
    page_style = page_css(ctx, lang, f"{handbook} · {title}", online(ctx, PAGE, lang))
    body = render("pdf/phrase-deck.html", lang=lang, sheets=sheets)
    html = document(ctx, lang, f"{title} · {handbook}", "hb-pdf--deck", page_style, body)
    return Doc(name=f"phrase-cards-{lang}", lang=lang, html=html, toc=False, deck=True, extra={"cards": len(phrases)})
