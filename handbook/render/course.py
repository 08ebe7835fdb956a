"""The trainer's kit from data/course.yml: a programme's plan (blocks, hours, sessions and the
pages they teach) and one session laid out as the course's lesson plan (教案)."""

from __future__ import annotations

import html
import posixpath

from ..course import STAGES, Programme, Session
from ..book import Handbook
from ..models import LANGUAGES
from ..markers import MarkerError
from .common import _MD_SPECIAL, Context, added, esc, link, number
from .standards import target
from ..words import word


def _heading(text: str) -> str:
    """Text for a Markdown heading: HTML and Markdown syntax escaped, quotes left as they are (the
    table of contents would show an escaped apostrophe as &#x27;)."""

    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def page_url(ctx: Context, target: str) -> str:
    """The URL of ``target`` (a page path under docs/<lang>/) relative to the page being built,
    as MkDocs writes it with directory URLs."""

    def directory(path: str) -> str:
        stem = path[:-3] if path.endswith(".md") else path
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")].rstrip("/")
        return stem

    here = ctx.page
    for lang in LANGUAGES:  # mkdocs-static-i18n's folder layout: zh/…, en/…
        here = here.removeprefix(f"{lang}/")
    rel = posixpath.relpath(directory(target) or ".", directory(here) or ".")
    return "./" if rel == "." else rel + "/"


def _page_link(hb: Handbook, ctx: Context, page: str) -> str:
    title = hb.page_titles.get((ctx.lang, page), page)
    return f'<a href="{esc(page_url(ctx, page))}">{esc(title)}</a>'


def _session_link(hb: Handbook, ctx: Context, session: Session) -> str:
    url = ctx.href("session", session.id)
    title = esc(session.title(ctx.lang))
    return f'<a href="{esc(url)}">{title}</a>' if url else title


def _roleplay_link(hb: Handbook, ctx: Context, roleplay_id: str) -> str:
    roleplay = next(r for r in hb.roleplays.roleplays if r.id == roleplay_id)
    url = ctx.href("roleplay", roleplay_id)
    title = esc(roleplay.title(ctx.lang))
    return f'<a href="{esc(url)}">{title}</a>' if url else title


def _badge(entry, field: str, lang: str) -> str:
    return added(lang) if field in entry.added else ""


def _hours(programme: Programme, lang: str) -> str:
    hours = number(programme.hours)
    if programme.hour_minutes == 60:
        return word("clock_hours", lang).format(hours=hours)
    return word("class_hours", lang).format(hours=hours, minutes=programme.hour_minutes)


def course_plan(hb: Handbook, ctx: Context, programme: str) -> str:
    """One programme: who it is for, its length, and a table of its blocks, each with its hours,
    its sessions (linked to their pages) and the handbook pages they teach."""
    lang = ctx.lang
    p = next(p for p in hb.course.programmes if p.id == programme)
    colon = word("colon", lang)
    length = esc(_hours(p, lang)) + (_badge(p, "hours", lang) or _badge(p, "hour_minutes", lang))
    if p.credits is not None:
        length += word("list_sep_comma", lang) + esc(word("credits", lang).format(credits=number(p.credits)))
        length += _badge(p, "credits", lang)
    meta = (f'<p class="hb-plan__summary">{esc(p.summary(lang))}{_badge(p, "summary", lang)}</p>\n'
            f'<ul class="hb-plan__meta">'
            f'<li><strong>{word("audience", lang)}{colon}</strong>{esc(p.audience(lang))}{_badge(p, "audience", lang)}</li>'
            f'<li><strong>{word("programme_length", lang)}{colon}</strong>{length}</li></ul>')
    # A part the handbook set for every block or session carries the badge once, in the caption.
    sessions = [hb.session(i) for b in p.blocks for i in b.sessions]
    whole = {
        "hours": all("hours" in b.added for b in p.blocks),
        "minutes": bool(sessions) and all("minutes" in s.added for s in sessions),
        "rest": all("rest" in b.added for b in p.blocks if b.rest is not None) and any(b.rest for b in p.blocks),
    }

    def badge(entry, field: str) -> str:
        return "" if whole.get(field) else _badge(entry, field, lang)

    rows = []
    for block in p.blocks:
        items = []
        for session_id in block.sessions:
            session = hb.session(session_id)
            pages = "".join(f"<li>{_page_link(hb, ctx, page)}</li>" for page in session.pages)
            minutes = esc(word("minutes_n", lang).format(n=session.minutes)) + badge(session, "minutes")
            items.append(f'<li><span class="hb-plan__session">{_session_link(hb, ctx, session)}</span> '
                         f'<span class="hb-muted">({minutes})</span>'
                         f'<ul class="hb-plan__pages">{pages}</ul></li>')
        cell = f'<ul class="hb-plan__sessions">{"".join(items)}</ul>' if items else ""
        if block.rest is not None:
            cell += (f'<p class="hb-plan__rest"><strong>{word("rest_of_hours", lang)}{colon}</strong>'
                     f'{esc(block.rest(lang))}{badge(block, "rest")}</p>')
        rows.append(f'<tr><th scope="row">{esc(block.title(lang))}</th>'
                    f'<td class="hb-num" data-label="{word("hours", lang)}">{number(block.hours)}{badge(block, "hours")}</td>'
                    f"<td>{cell}</td></tr>")
    head = "".join(f'<th scope="col">{word(k, lang)}</th>' for k in ("block", "hours", "sessions_and_pages"))
    total = (f'<tfoot><tr><th scope="row">{word("total", lang)}</th>'
             f'<td class="hb-num" data-label="{word("hours", lang)}">{number(p.hours)}</td><td></td></tr></tfoot>')
    note = word("quiz_list_sep", lang).join(word(f"plan_{k}", lang) for k, v in whole.items() if v)
    caption = f'<caption class="hb-muted">{added(lang).strip()}{colon}{note}</caption>\n' if note else ""
    table = (f'<table class="hb-table hb-plan">\n{caption}<thead><tr>{head}</tr></thead>\n<tbody>\n'
             + "\n".join(rows) + f"\n</tbody>\n{total}\n</table>")
    return f'<div class="hb-plan" id="programme-{p.id}">\n{meta}\n{table}\n</div>'


def _items(texts, lang: str, tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{esc(text(lang))}</li>" for text in texts) + f"</{tag}>"


def _md_heading(label: str, anchor: str) -> str:
    """A Markdown heading, so the table of contents lists it."""
    return f"## {_heading(label)} {{#{anchor}}}\n\n"


def _pack_heading(label: str, anchor: str) -> str:
    """A heading inside the print pack: no id (the pack repeats what other pages show), no TOC entry."""
    return f'<h3 class="hb-pack__sub">{esc(label)}</h3>\n'


def _section(session: Session, field: str, label: str, body: str, lang: str, anchor: str, heading=_md_heading) -> str:
    badge = f'<p class="hb-session__badge">{added(lang).strip()}</p>\n' if field in session.added else ""
    return f"{heading(label, anchor)}{badge}{body}"


def _clock(start: int) -> str:
    return f"{start // 60}:{start % 60:02d}" if start >= 60 else f"0:{start:02d}"


def session(hb: Handbook, ctx: Context, id: str, pack: bool = False) -> str:
    """One session in the lesson plan's layout: the front page (chapter, length, form and means,
    objectives, key and difficult points), the five parts, the timed plan, materials, board plan,
    summary and the pages it teaches. ``pack``: for the print pack, plain headings without ids."""
    lang = ctx.lang
    heading = _pack_heading if pack else _md_heading
    joiner = "\n" if pack else "\n\n"
    s = hb.session(id)
    chapter = hb.chapter(s.chapter)
    colon = word("colon", lang)
    sep = word("quiz_list_sep", lang)
    form = sep.join(word(f"form_{f}", lang) for f in s.form)
    means = sep.join(word(f"means_{m}", lang) for m in s.means)
    front = (
        f'<table class="hb-table hb-session__front">\n<tbody>\n'
        f'<tr><th scope="row">{word("session_chapter", lang)}</th><td>'
        f'{esc(word("chapter_n", lang).format(n=chapter.number))}{colon}{esc(chapter.title(lang))}</td></tr>\n'
        f'<tr><th scope="row">{word("length", lang)}</th><td>{esc(word("minutes_n", lang).format(n=s.minutes))}'
        f'{_badge(s, "minutes", lang)}</td></tr>\n'
        f'<tr><th scope="row">{word("form", lang)}</th><td>{esc(form)}{_badge(s, "form", lang)}</td></tr>\n'
        f'<tr><th scope="row">{word("means", lang)}</th><td>{esc(means)}{_badge(s, "means", lang)}</td></tr>\n'
        f"</tbody>\n</table>"
    )
    anchor = "" if pack else f' id="session-{s.id}"'
    parts = [f'<div class="hb-session"{anchor}>\n{front}\n</div>']
    parts.append(_section(s, "objectives", word("objectives", lang), _items(s.objectives, lang, "ol"), lang, "objectives",
                          heading))
    points = (f'<div class="hb-session__points">\n'
              f'<div><h3 class="hb-subhead">{word("key_points", lang)}{_badge(s, "key_points", lang)}</h3>'
              f'{_items(s.key_points, lang)}</div>\n'
              f'<div><h3 class="hb-subhead">{word("difficult_points", lang)}{_badge(s, "difficult_points", lang)}</h3>'
              f'{_items(s.difficult_points, lang)}</div>\n</div>')
    label = word("key_and_difficult", lang)
    parts.append(f"{heading(label, 'key-and-difficult-points')}{points}")
    bodies = {
        "task-analysis": f"<p>{esc(s.task_analysis(lang))}</p>",
        "lead-in": f"<p>{esc(s.lead_in(lang))}</p>",
        "delivery": _items(s.delivery, lang, "ol"),
        "practice": _items(s.practice, lang),
        "knowledge-links": _items(s.knowledge_links, lang),
    }
    for stage in STAGES:
        field = stage.replace("-", "_")
        parts.append(_section(s, field, word(stage, lang), bodies[stage], lang, stage, heading))
    rows, start = [], 0
    for activity in s.activities:
        rows.append(f'<tr><td class="hb-num">{_clock(start)}–{_clock(start + activity.minutes)}</td>'
                    f"<td>{word(activity.stage, lang)}</td>"
                    f'<td class="hb-num">{activity.minutes}</td><td>{esc(activity.what(lang))}</td></tr>')
        start += activity.minutes
    head = "".join(f'<th scope="col">{word(k, lang)}</th>' for k in ("time", "stage", "minutes", "activity"))
    timing = (f'<table class="hb-table hb-session__timing">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
              + "\n".join(rows) + "\n</tbody>\n</table>")
    parts.append(_section(s, "activities", word("timing", lang), timing, lang, "timing", heading))
    materials = _items(s.materials, lang)
    if s.roleplays:
        cards = word("quiz_list_sep", lang).join(_roleplay_link(hb, ctx, r) for r in s.roleplays)
        materials += f'<p class="hb-session__cards"><strong>{word("roleplay_cards", lang)}{colon}</strong>{cards}</p>'
    parts.append(_section(s, "materials", word("materials", lang), materials, lang, "materials", heading))
    board = '<div class="hb-board">' + "".join(f"<p>{esc(line(lang))}</p>" for line in s.board_plan) + "</div>"
    parts.append(_section(s, "board_plan", word("board_plan", lang), board, lang, "board-plan", heading))
    parts.append(_section(s, "summary", word("summary", lang), f"<p>{esc(s.summary(lang))}</p>", lang, "summary", heading))
    pages = "<ul>" + "".join(f"<li>{_page_link(hb, ctx, page)}</li>" for page in s.pages) + "</ul>"
    parts.append(f"{heading(word('teaches', lang), 'pages-taught')}{pages}")
    return joiner.join(parts)


# ------------------------------------------------------------------ role-play cards


def _phrase_ref(hb: Handbook, ctx: Context, phrase_id: str) -> str:
    """A phrase card as the observer listens for it: the words to hear, or the words not to hear."""

    phrase = next(p for p in hb.phrases.phrases if p.id == phrase_id)
    if phrase.group.value == "banned" and phrase.avoid is not None:
        return f'<span class="hb-rp__avoid">✗ {link(ctx, "phrase", phrase.id, phrase.avoid(ctx.lang))}</span>'
    return f'<span class="hb-rp__say">✓ {link(ctx, "phrase", phrase.id, phrase.say(ctx.lang))}</span>'


def _card(kind: str, roleplay, lang: str, body: str) -> str:
    field = {"customer_card": "customer", "staff_card": "staff", "observer_card": "observer",
             "debrief_card": "debrief"}[kind]
    badge = f'<footer class="hb-rp__foot">{added(lang).strip()}</footer>' if field in roleplay.added else ""
    return (f'<article class="hb-rp hb-rp--{field}">\n'
            f'<header class="hb-rp__head"><span class="hb-rp__kind">{word(kind, lang)}</span>'
            f'<span class="hb-rp__title">{esc(roleplay.title(lang))}</span></header>\n{body}\n{badge}</article>')


def _player(card, lang: str) -> str:
    colon = word("colon", lang)
    return (f'<p><strong>{word("you_are", lang)}{colon}</strong>{esc(card.role(lang))}</p>\n'
            f"<p>{esc(card.situation(lang))}</p>\n" + _items(card.brief, lang))


def _deck(hb: Handbook, ctx: Context, r, with_id: bool = True) -> str:
    """One brief's four cards: customer, staff, observer checklist, debrief questions."""
    lang = ctx.lang
    checks = []
    for check in r.observer:
        refs = [link_standard(hb, ctx, s) for s in check.standards] + [_phrase_ref(hb, ctx, p) for p in check.phrases]
        checks.append(f'<li><span class="hb-rp__box" aria-hidden="true">☐</span> {esc(check.look_for(lang))}'
                      f'<span class="hb-rp__refs">{" ".join(refs)}</span></li>')
    observer = f'<ul class="hb-rp__checks">{"".join(checks)}</ul>'
    anchor = f' id="deck-{r.id}"' if with_id else ""
    return "\n".join([
        f'<div class="hb-deck"{anchor}>',
        _card("customer_card", r, lang, _player(r.customer, lang)),
        _card("staff_card", r, lang, _player(r.staff, lang)),
        _card("observer_card", r, lang, observer),
        _card("debrief_card", r, lang, _items(r.debrief, lang, "ol")),
        "</div>",
    ])


def roleplay_cards(hb: Handbook, ctx: Context, ids: list[str] | None = None) -> str:
    """Each brief as a deck of four cards (customer, staff, observer checklist, debrief) under its
    own heading; print.css lays a deck out on one A4 page with cut marks."""
    lang = ctx.lang
    colon = word("colon", lang)
    out = []
    for r in hb.roleplays.roleplays:
        if ids and r.id not in ids:
            continue
        meta = (f'<p class="hb-deck__meta">{word("scenario_" + r.scenario, lang)} · '
                f'{esc(word("minutes_n", lang).format(n=r.minutes))}{_badge(r, "minutes", lang)} · '
                f'{word("scene_from", lang)}{colon}{_page_link(hb, ctx, r.page)}</p>')
        out.append(f"## {_heading(r.title(lang))} {{#roleplay-{r.id} .hb-deck__title}}\n\n{meta}\n{_deck(hb, ctx, r)}")
    return "\n\n".join(out)


def link_standard(hb: Handbook, ctx: Context, standard_id: str) -> str:

    return f'<span class="hb-rp__std">{link(ctx, "standard", standard_id, hb.standard(standard_id).title(ctx.lang))}</span>'


# ------------------------------------------------------------ knowledge checks, rubric


def _training_only(ctx: Context, what: str) -> None:
    """Answer keys and the rubric are for trainers: they appear in the training section only."""

    here = ctx.page
    for lang in LANGUAGES:
        here = here.removeprefix(f"{lang}/")
    if not here.startswith("training/"):
        raise MarkerError(f"{what} appears only in the training section (docs/<lang>/training/); "
                          "move the marker there or use part=questions")


def knowledge_check(hb: Handbook, ctx: Context, chapter: str, part: str) -> str:
    """A chapter's review questions (``part=questions``) or the questions with their reference
    answers (``part=key``, training section only)."""
    lang = ctx.lang
    knowledge = next((k for k in hb.course.checks if k.chapter == chapter), None)
    if knowledge is None:
        return ""
    if part == "key":
        _training_only(ctx, "an answer key")
    listing = _check_list(hb, ctx, knowledge, part == "key")
    if part == "key":
        return (f'<details class="success hb-key">\n<summary>{word("key_summary", lang)}</summary>\n'
                f"{listing}\n</details>")
    return listing


def _check_list(hb: Handbook, ctx: Context, knowledge, answers: bool) -> str:
    lang = ctx.lang
    part = "key" if answers else "questions"
    items = []
    for q in knowledge.questions:
        text = f"{esc(q.question(lang))}{_badge(q, 'question', lang)}"
        if part == "key":
            read = word("quiz_list_sep", lang).join(_page_link(hb, ctx, p) for p in q.pages)
            more = f'<br><span class="hb-muted">{word("read_up", lang)}{word("colon", lang)}{read}</span>' if q.pages else ""
            text += (f'<div class="hb-key__answer"><strong>{word("reference_answer", lang)}{word("colon", lang)}</strong>'
                     f"{esc(q.answer(lang))}{_badge(q, 'answer', lang)}{more}</div>")
        items.append(f"<li>{text}</li>")
    return f'<ol class="hb-check">{"".join(items)}</ol>'


# ------------------------------------------------------------------ the print pack


def print_pack(hb: Handbook, ctx: Context) -> str:
    """Everything a trainer may print, each item on its own pages, and a form to tick the items
    (pack.js; print.css leaves out what is not ticked). Without the script everything prints."""
    lang = ctx.lang
    _training_only(ctx, "the print pack")
    items: list[tuple[str, str, str, str]] = []  # (group, key, label, html)
    for p in hb.course.programmes:
        items.append(("handouts", f"programme-{p.id}", p.title(lang), course_plan(hb, ctx, p.id)))
    for s in hb.course.sessions:
        items.append(("sessions", f"session-{s.id}", s.title(lang), session(hb, ctx, s.id, pack=True)))
    for r in hb.roleplays.roleplays:
        items.append(("cards", f"deck-{r.id}", r.title(lang), _deck(hb, ctx, r, with_id=False)))
    for k in hb.course.checks:
        chapter = hb.chapter(k.chapter)
        label = word("key_of", lang).format(chapter=word("chapter_n", lang).format(n=chapter.number))
        items.append(("handouts", f"key-{k.chapter}", label, _check_list(hb, ctx, k, True)))
    if hb.roleplays.rubric:
        items.append(("handouts", "rubric", word("rubric_title", lang), rubric(hb, ctx, with_ids=False)))

    order = ("sessions", "cards", "handouts")
    items.sort(key=lambda item: order.index(item[0]))  # stable: the data's order within a group
    groups = []
    for group in order:
        boxes = "".join(
            f'<li><label><input type="checkbox" name="pack" value="{key}" data-group="{group}"> {esc(label)}</label></li>'
            for g, key, label, _ in items if g == group)
        groups.append(
            f'<fieldset class="hb-pack__group"><legend>{word("pack_" + group, lang)}</legend>'
            f'<p class="hb-pack__all"><button type="button" class="md-button" data-pack-group="{group}" '
            f'data-pack-set="all" aria-label="{word("pack_all", lang)}{word("colon", lang)}{word("pack_" + group, lang)}">'
            f'{word("pack_all", lang)}</button> '
            f'<button type="button" class="md-button" data-pack-group="{group}" data-pack-set="none" '
            f'aria-label="{word("pack_none", lang)}{word("colon", lang)}{word("pack_" + group, lang)}">'
            f'{word("pack_none", lang)}</button></p><ul>{boxes}</ul></fieldset>')
    form = (f'<form class="hb-pack__form" data-pack hidden data-msg-count="{esc(word("pack_count", lang))}" '
            f'data-msg-none="{esc(word("pack_count_none", lang))}">' + "".join(groups)
            + f'<p class="hb-pack__actions"><button type="button" class="md-button md-button--primary" '
              f'data-pack-print>{word("pack_print", lang)}</button> '
              f'<span data-pack-count role="status" aria-live="polite"></span></p></form>')
    nojs = f'<p class="hb-pack__nojs">{esc(word("pack_nojs", lang))}</p>'
    sections = "\n".join(
        f'<section class="hb-pack__item hb-pack__item--{group}" data-pack-item="{key}">'
        f'<h2 class="hb-pack__title">{esc(label)}</h2>\n{html_}\n</section>'
        for group, key, label, html_ in items)
    return (f'{form}\n{nojs}\n<div class="hb-pack__items" data-search-ignore>\n{sections}\n</div>')


def rubric(hb: Handbook, ctx: Context, with_ids: bool = True) -> str:
    """The role-play scoring rubric: one card per criterion, with the SMART targets it scores."""

    lang = ctx.lang
    _training_only(ctx, "the scoring rubric")
    cards = []
    for c in hb.roleplays.rubric:
        standards = "".join(
            f'<li>{link(ctx, "standard", s, hb.standard(s).title(lang))} '
            f'<span class="hb-target">{esc(target(hb.standard(s), lang))}</span> '
            f'<span class="hb-muted">{esc(hb.standard(s).measure.what(lang))}</span></li>' for s in c.standards)
        levels = "".join(f'<tr><th scope="row" class="hb-num">{points}</th><td>{esc(text(lang))}</td></tr>'
                         for points, text in ((2, c.full), (1, c.partly), (0, c.missing)))
        anchor = f' id="rubric-{c.id}"' if with_ids else ""
        cards.append(f'<div class="hb-card hb-rubric__item"{anchor}>\n'
                     f'<h3 class="hb-card__title">{esc(c.title(lang))}</h3>\n'
                     f'<ul class="hb-rubric__standards">{standards}</ul>\n'
                     f'<table class="hb-table hb-rubric__levels"><thead><tr><th scope="col">{word("rubric_points", lang)}</th>'
                     f'<th scope="col">{word("when", lang)}</th></tr></thead><tbody>{levels}</tbody></table>\n</div>')
    note = f'<p class="hb-muted">{added(lang).strip()}{word("colon", lang)}{word("rubric_note", lang)}</p>'
    return f'{note}\n<div class="hb-cards hb-rubric">\n' + "\n".join(cards) + "\n</div>"
