"""The phrase-card deck: eight cards to an A4 sheet, dashed cut lines, from ``data/phrases.yml``."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..load import load_handbook
from ..render.labels import t
from .documents import Context, Doc, _head, online, page_css

PER_SHEET = 8  # 2 columns × 4 rows
TITLE = {"zh": "话术卡片", "en": "Phrase cards"}
PAGE = "communication/phrase-cards.md"  # the cards online


def card(p, lang: str) -> str:
    badges = [f'<span class="hb-badge hb-deck__group hb-deck__group--{p.group.value}">{escape(t(p.group.value, lang))}</span>']
    if p.stage:
        badges.append(f'<span class="hb-badge hb-deck__stage">{escape(t(p.stage.value, lang))}</span>')
    parts = [
        f'<article class="hb-deck__card hb-phrase--{p.group.value}" id="card-{escape(p.id)}">',
        f'<p class="hb-deck__badges">{"".join(badges)}</p>',
        f'<p class="hb-deck__situation"><strong>{escape(t("situation", lang))}{escape(t("colon", lang))}</strong>'
        f"{escape(p.situation(lang))}</p>",
        f'<div class="hb-deck__say"><span class="hb-deck__label">{escape(t("say", lang))}</span>'
        f"<p>{escape(p.say(lang))}</p></div>",
    ]
    if p.avoid:
        parts.append(
            f'<div class="hb-deck__avoid"><span class="hb-deck__label">{escape(t("avoid", lang))}</span>'
            f"<p><del>{escape(p.avoid(lang))}</del></p></div>"
        )
    parts.append(
        f'<p class="hb-deck__why"><strong>{escape(t("why", lang))}{escape(t("colon", lang))}</strong>'
        f"{escape(p.why(lang))}</p>"
    )
    parts.append("</article>")
    return "\n".join(parts)


def deck_doc(ctx: Context, data_dir: Path, lang: str) -> Doc:
    phrases = load_handbook(data_dir).phrases.phrases
    sheets = []
    for start in range(0, len(phrases), PER_SHEET):
        cards = "\n".join(card(p, lang) for p in phrases[start : start + PER_SHEET])
        sheets.append(f'<section class="hb-deck__sheet">\n{cards}\n</section>\n')
    handbook = ctx.site.names[lang]
    pages = page_css(ctx, lang, f"{handbook} · {TITLE[lang]}", online(ctx, PAGE, lang))
    html = _head(ctx, lang, f"{TITLE[lang]} · {handbook}", "hb-pdf--deck", pages) + "".join(sheets) + "</body>\n</html>\n"
    return Doc(name=f"phrase-cards-{lang}", lang=lang, html=html, toc=False, deck=True, extra={"cards": len(phrases)})
