"""Phrase cards: what to say, what to avoid, why, with a one-click copy."""

from __future__ import annotations

from ..book import Handbook
from ..models import Phrase
from .common import Context, added_if, esc, link
from ..words import word


def copy_button(text: str, lang: str) -> str:
    """Material's bundle wires every [data-clipboard-text] to the clipboard and
    confirms with its own "copied" toast."""
    label = word("copy", lang)
    return (
        f'<button type="button" class="md-clipboard hb-copy" data-clipboard-text="{esc(text)}" '
        f'title="{label}" aria-label="{label}"></button>'
    )


def phrase_card(hb: Handbook, p: Phrase, ctx: Context) -> str:
    lang = ctx.lang
    say = p.say(lang)
    copy = copy_button(say, lang)
    parts = [
        f'<article class="hb-card hb-phrase hb-phrase--{p.group.value}" id="phrase-{p.id}">',
        f'<p class="hb-phrase__situation"><span class="hb-badge">{word(p.stage.value if p.stage else p.group.value, lang)}'
        f"</span> {esc(p.situation(lang))}{added_if(p, 'situation', lang)}</p>",
        f'<div class="hb-phrase__say"><span class="hb-label">{word("say", lang)}</span>'
        f'<p class="hb-phrase__line">{esc(say)}{added_if(p, "say", lang)}</p>{copy}</div>',
    ]
    if p.avoid:
        parts.append(
            f'<div class="hb-phrase__avoid"><span class="hb-label">{word("avoid", lang)}</span>'
            f'<p class="hb-phrase__line"><del>{esc(p.avoid(lang))}</del>{added_if(p, "avoid", lang)}</p></div>'
        )
    parts.append(f'<p class="hb-phrase__why"><strong>{word("why", lang)}{word("colon", lang)}</strong>{esc(p.why(lang))}{added_if(p, "why", lang)}</p>')
    if p.standards:
        links = ", ".join(link(ctx, "standard", s, hb.standard(s).title(lang)) for s in p.standards)
        parts.append(f'<p class="hb-phrase__standards">{word("related_standards", lang)}{word("colon", lang)}{links}</p>')
    parts.append("</article>")
    return "\n".join(parts)


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
    return '<div class="hb-cards hb-phrases">\n' + "\n".join(phrase_card(hb, p, ctx) for p in chosen) + "\n</div>"
