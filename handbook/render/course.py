"""The trainer's kit from data/course.yml: a programme's plan (blocks, hours, sessions and the
pages they teach), one session laid out as the course's lesson plan (教案), the role-play cards,
knowledge checks, the scoring rubric and the print pack.

Drawn by handbook/templates/blocks/course-plan.html, session.html, roleplay-cards.html,
knowledge-check.html, roleplay-rubric.html and print-pack.html, with the pieces they share in
handbook/templates/course-macros.html. Here: which entries, in which order, the clock of a
session's plan and the URLs of the pages linked.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from ..book import Handbook
from ..course import STAGES, Activity, Block, CheckQuestion, KnowledgeCheck, Programme, Roleplay, Session
from ..markers import MarkerError
from ..models import Phrase, Standard, Text
from ..nav import LANGS
from ..templating import render
from ..words import word
from .common import Context, number
from .standards import target


def page_url(ctx: Context, target: str) -> str:
    """The URL of ``target`` (a page path under docs/<lang>/) relative to the page being built,
    as MkDocs writes it with directory URLs."""

    def directory(path: str) -> str:
        stem = path[:-3] if path.endswith(".md") else path
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")].rstrip("/")
        return stem

    here = ctx.page
    for lang in LANGS:  # mkdocs-static-i18n's folder layout: zh/…, en/…
        here = here.removeprefix(f"{lang}/")
    rel = posixpath.relpath(directory(target) or ".", directory(here) or ".")
    return "./" if rel == "." else rel + "/"


@dataclass(frozen=True)
class Page:
    """A handbook page as a link: its URL from the page being built and its title."""

    url: str
    title: str


def _page(hb: Handbook, ctx: Context, page: str) -> Page:
    return Page(page_url(ctx, page), hb.page_titles.get((ctx.lang, page), page))


def _training_only(ctx: Context, what: str) -> None:
    """Answer keys and the rubric are for trainers: they appear in the training section only."""

    here = ctx.page
    for lang in LANGS:
        here = here.removeprefix(f"{lang}/")
    if not here.startswith("training/"):
        raise MarkerError(f"{what} appears only in the training section (docs/<lang>/training/); "
                          "move the marker there or use part=questions")


# ------------------------------------------------------------------ the course plan


@dataclass(frozen=True)
class PlannedSession:
    session: Session
    pages: list[Page]


@dataclass(frozen=True)
class PlannedBlock:
    block: Block
    sessions: list[PlannedSession]


def _length(programme: Programme, lang: str) -> str:
    hours = number(programme.hours)
    if programme.hour_minutes == 60:
        return word("clock_hours", lang).format(hours=hours)
    return word("class_hours", lang).format(hours=hours, minutes=programme.hour_minutes)


def _wholly_added(programme: Programme, sessions: list[Session]) -> list[str]:
    """The parts the handbook set for every block or session: badged once, in the caption."""
    blocks = programme.blocks
    whole = {
        "hours": all("hours" in b.added for b in blocks),
        "minutes": bool(sessions) and all("minutes" in s.added for s in sessions),
        "rest": all("rest" in b.added for b in blocks if b.rest is not None) and any(b.rest for b in blocks),
    }
    return [part for part, wholly in whole.items() if wholly]


def course_plan(hb: Handbook, ctx: Context, programme: str) -> str:
    """One programme: who it is for, its length, and a table of its blocks, each with its hours,
    its sessions (linked to their pages) and the handbook pages they teach."""
    p = next(p for p in hb.course.programmes if p.id == programme)
    blocks = [PlannedBlock(block, [PlannedSession(s, [_page(hb, ctx, page) for page in s.pages])
                                   for s in map(hb.session, block.sessions)])
              for block in p.blocks]
    sessions = [planned.session for b in blocks for planned in b.sessions]
    return render("blocks/course-plan.html", ctx=ctx, lang=ctx.lang, p=p, length=_length(p, ctx.lang),
                  blocks=blocks, whole=_wholly_added(p, sessions), number=number)


# ------------------------------------------------------------------ a session


@dataclass(frozen=True)
class Part:
    """One of the lesson plan's five parts: its key (heading word and anchor), the session field
    it shows (for the added badge) and its texts (one, or a list)."""

    key: str
    field: str
    texts: list[Text]


@dataclass(frozen=True)
class Slot:
    """A line of the timed plan: the activity and the clock at its start and end."""

    start: str
    end: str
    activity: Activity


def _clock(start: int) -> str:
    return f"{start // 60}:{start % 60:02d}" if start >= 60 else f"0:{start:02d}"


def _parts(s: Session) -> list[Part]:
    parts = []
    for stage in STAGES:
        field = stage.replace("-", "_")
        texts = getattr(s, field)
        parts.append(Part(stage, field, texts if isinstance(texts, list) else [texts]))
    return parts


def _timing(s: Session) -> list[Slot]:
    slots, start = [], 0
    for activity in s.activities:
        slots.append(Slot(_clock(start), _clock(start + activity.minutes), activity))
        start += activity.minutes
    return slots


def session(hb: Handbook, ctx: Context, id: str, pack: bool = False) -> str:
    """One session in the lesson plan's layout: the front page (chapter, length, form and means,
    objectives, key and difficult points), the five parts, the timed plan, materials, board plan,
    summary and the pages it teaches. ``pack``: for the print pack, plain headings without ids."""
    s = hb.session(id)
    roleplays = [next(r for r in hb.roleplays.roleplays if r.id == i) for i in s.roleplays]
    return render("blocks/session.html", ctx=ctx, lang=ctx.lang, s=s, chapter=hb.chapter(s.chapter),
                  parts=_parts(s), timing=_timing(s), roleplays=roleplays,
                  pages=[_page(hb, ctx, page) for page in s.pages], pack=pack)


# ------------------------------------------------------------------ role-play cards


@dataclass(frozen=True)
class Check:
    """An observer's check: what to look for, the standards it tests and the phrase lines to
    listen for (``say``), or not to hear (``avoid``: a banned phrase)."""

    look_for: Text
    standards: list[Standard]
    lines: list[tuple[Phrase, str]]


@dataclass(frozen=True)
class Deck:
    roleplay: Roleplay
    page: Page
    checks: list[Check]


def _line(phrase: Phrase) -> tuple[Phrase, str]:
    return phrase, "avoid" if phrase.group.value == "banned" and phrase.avoid is not None else "say"


def _deck(hb: Handbook, ctx: Context, r: Roleplay) -> Deck:
    phrases = {p.id: p for p in hb.phrases.phrases}
    checks = [Check(c.look_for, [hb.standard(s) for s in c.standards], [_line(phrases[p]) for p in c.phrases])
              for c in r.observer]
    return Deck(r, _page(hb, ctx, r.page), checks)


def roleplay_cards(hb: Handbook, ctx: Context, ids: list[str] | None = None) -> str:
    """Each brief as a deck of four cards (customer, staff, observer checklist, debrief) under its
    own heading; print.css lays a deck out on one A4 page with cut marks."""
    return _cards(ctx, [_deck(hb, ctx, r) for r in hb.roleplays.roleplays if not ids or r.id in ids], pack=False)


def _cards(ctx: Context, decks: list[Deck], pack: bool) -> str:
    """``pack``: for the print pack, the deck alone, without heading or ids."""
    return render("blocks/roleplay-cards.html", ctx=ctx, lang=ctx.lang, decks=decks, pack=pack)


# ------------------------------------------------------------ knowledge checks, rubric


def _checks(hb: Handbook, ctx: Context, knowledge: KnowledgeCheck, part: str, pack: bool) -> str:
    """``pack``: for the print pack, the key without its fold."""
    questions: list[tuple[CheckQuestion, list[Page]]] = [
        (q, [_page(hb, ctx, page) for page in q.pages]) for q in knowledge.questions]
    return render("blocks/knowledge-check.html", lang=ctx.lang, questions=questions, part=part, pack=pack)


def knowledge_check(hb: Handbook, ctx: Context, chapter: str, part: str) -> str:
    """A chapter's review questions (``part=questions``) or the questions with their reference
    answers (``part=key``, training section only)."""
    knowledge = next((k for k in hb.course.checks if k.chapter == chapter), None)
    if knowledge is None:
        return ""
    if part == "key":
        _training_only(ctx, "an answer key")
    return _checks(hb, ctx, knowledge, part, pack=False)


def rubric(hb: Handbook, ctx: Context, pack: bool = False) -> str:
    """The role-play scoring rubric: one card per criterion, with the SMART targets it scores.
    ``pack``: for the print pack, without ids."""
    _training_only(ctx, "the scoring rubric")
    criteria = [(c, [hb.standard(s) for s in c.standards]) for c in hb.roleplays.rubric]
    return render("blocks/roleplay-rubric.html", ctx=ctx, lang=ctx.lang, criteria=criteria, pack=pack, target=target)


# ------------------------------------------------------------------ the print pack


@dataclass(frozen=True)
class PackItem:
    group: str  # sessions, cards or handouts: a fieldset of the form
    key: str  # the checkbox's value and the section's data-pack-item
    label: str
    html: Markup


PACK_GROUPS = ("sessions", "cards", "handouts")


def print_pack(hb: Handbook, ctx: Context) -> str:
    """Everything a trainer may print, each item on its own pages, and a form to tick the items
    (pack.js; print.css leaves out what is not ticked). Without the script everything prints."""
    lang = ctx.lang
    _training_only(ctx, "the print pack")
    items = [PackItem("handouts", f"programme-{p.id}", p.title(lang), course_plan(hb, ctx, p.id))
             for p in hb.course.programmes]
    items += [PackItem("sessions", f"session-{s.id}", s.title(lang), session(hb, ctx, s.id, pack=True))
              for s in hb.course.sessions]
    items += [PackItem("cards", f"deck-{r.id}", r.title(lang), _cards(ctx, [_deck(hb, ctx, r)], pack=True))
              for r in hb.roleplays.roleplays]
    for k in hb.course.checks:
        chapter = word("chapter_n", lang).format(n=hb.chapter(k.chapter).number)
        items.append(PackItem("handouts", f"key-{k.chapter}", word("key_of", lang).format(chapter=chapter),
                              _checks(hb, ctx, k, "key", pack=True)))
    if hb.roleplays.rubric:
        items.append(PackItem("handouts", "rubric", word("rubric_title", lang), rubric(hb, ctx, pack=True)))
    items.sort(key=lambda item: PACK_GROUPS.index(item.group))  # stable: the data's order within a group
    return render("blocks/print-pack.html", lang=lang, groups=PACK_GROUPS, items=items)
