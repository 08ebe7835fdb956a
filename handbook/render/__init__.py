"""Marker kinds → renderer functions (data + language → HTML/Markdown).

To add a kind: write a function ``(handbook, ctx, **args) -> str`` in a module
here, register it in :data:`KINDS` with the arguments it accepts and what it
shows (so links can find the page where an entry lives), and document it in
CONTRIBUTING.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..book import Handbook
from ..markers import Marker, MarkerError
from ..models import PhoneStage, PhraseGroup, Side
from . import blueprints, call, course, glossary, phrases, quiz, roles, situations, standards
from .common import Context, Href


@dataclass(frozen=True)
class Kind:
    render: Callable[..., str]
    # argument name → allowed values (None: any; "ids": a list of ids)
    args: dict[str, tuple[str, ...] | str | None]
    # the (entity kind, id) pairs the marker shows, for linking
    shows: Callable[[Handbook, dict], list[tuple[str, str]]]


def _values(enum) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


ROLE_KINDS = ("management", "front-line")

KINDS: dict[str, Kind] = {
    "role-index": Kind(lambda hb, ctx, kind=None: roles.role_index(hb, ctx, kind), {"kind": ROLE_KINDS},
                       lambda hb, a: []),
    "roles": Kind(lambda hb, ctx, kind=None: roles.roles(hb, ctx, kind), {"kind": ROLE_KINDS},
                  lambda hb, a: [("role", r.id) for r in hb.roles.roles if a.get("kind") in (None, r.kind)]),
    "common-requirements": Kind(lambda hb, ctx: roles.common_requirements(hb, ctx), {}, lambda hb, a: []),
    "standards-summary": Kind(lambda hb, ctx: standards.standards_summary(hb, ctx), {}, lambda hb, a: []),
    "standard-cards": Kind(
        lambda hb, ctx, side=None, ids=None: standards.standard_cards(hb, ctx, side, ids),
        {"side": _values(Side), "ids": "standard"},
        lambda hb, a: [("standard", s.id) for s in hb.standards.standards
                       if a.get("side") in (None, s.side.value) and (not a.get("ids") or s.id in a["ids"])],
    ),
    "phrase-cards": Kind(
        lambda hb, ctx, group=None, stage=None, ids=None: phrases.phrase_cards(hb, ctx, group, stage, ids),
        {"group": _values(PhraseGroup), "stage": _values(PhoneStage), "ids": "phrase"},
        lambda hb, a: [("phrase", p.id) for p in phrases.select(hb, a.get("group"), a.get("stage"), a.get("ids"))],
    ),
    "blueprint": Kind(lambda hb, ctx, id: blueprints.blueprint(hb.blueprints[id], ctx), {"id": "blueprint"},
                      lambda hb, a: [("blueprint", a["id"])]),
    # The call mode shows phone lines again, but their home stays the phrase-card pages.
    "call-stages": Kind(lambda hb, ctx: call.call_stages(hb, ctx), {}, lambda hb, a: []),
    "glossary": Kind(lambda hb, ctx: glossary.glossary(hb, ctx), {}, lambda hb, a: [("term", t.id) for t in hb.glossary.terms]),
    "quiz": Kind(lambda hb, ctx, id, part: quiz.PARTS[part](hb.quiz(id), ctx), {"id": "quiz", "part": tuple(quiz.PARTS)},
                 lambda hb, a: [("quiz", a["id"])] if a["part"] == "form" else []),
    "usage": Kind(lambda hb, ctx: glossary.usage(hb, ctx), {}, lambda hb, a: [("usage", u.id) for u in hb.glossary.usage]),
    "situations": Kind(lambda hb, ctx: situations.situations(hb, ctx), {}, lambda hb, a: []),
    "course-plan": Kind(lambda hb, ctx, programme: course.course_plan(hb, ctx, programme), {"programme": "programme"},
                        lambda hb, a: [("programme", a["programme"])]),
    "roleplay-cards": Kind(lambda hb, ctx, ids=None: course.roleplay_cards(hb, ctx, ids), {"ids": "roleplay"},
                           lambda hb, a: [("roleplay", r.id) for r in hb.roleplays.roleplays
                                          if not a.get("ids") or r.id in a["ids"]]),
    "knowledge-check": Kind(lambda hb, ctx, chapter, part: course.knowledge_check(hb, ctx, chapter, part),
                            {"chapter": "chapter", "part": ("questions", "key")}, lambda hb, a: []),
    "roleplay-rubric": Kind(lambda hb, ctx: course.rubric(hb, ctx), {},
                            lambda hb, a: [("rubric", c.id) for c in hb.roleplays.rubric]),
    # The pack repeats what other pages show; their homes stay there.
    "print-pack": Kind(lambda hb, ctx: course.print_pack(hb, ctx), {}, lambda hb, a: []),
    "session": Kind(lambda hb, ctx, id: course.session(hb, ctx, id), {"id": "session"},
                    lambda hb, a: [("session", a["id"])]),
}

REQUIRED = {"blueprint": ("id",), "quiz": ("id", "part"), "course-plan": ("programme",), "session": ("id",),
            "knowledge-check": ("chapter", "part")}


def _known_ids(hb: Handbook, entity: str) -> set[str]:
    return {
        "standard": lambda: {s.id for s in hb.standards.standards},
        "phrase": lambda: {p.id for p in hb.phrases.phrases},
        "blueprint": lambda: set(hb.blueprints),
        "quiz": lambda: {q.id for q in hb.quizzes.quizzes},
        "programme": lambda: {p.id for p in hb.course.programmes},
        "session": lambda: {s.id for s in hb.course.sessions},
        "roleplay": lambda: {r.id for r in hb.roleplays.roleplays},
        "chapter": lambda: {c.id for c in hb.course.chapters},
    }[entity]()


def arguments(marker: Marker, hb: Handbook) -> dict:
    """Check a marker's kind and arguments; return them ready for its renderer."""
    kind = KINDS.get(marker.kind)
    if kind is None:
        raise MarkerError(f"unknown marker kind '{marker.kind}'; use one of: {', '.join(KINDS)}")
    args: dict = {}
    for key, value in marker.args.items():
        allowed = kind.args.get(key, ...)
        if allowed is ...:
            accepted = ", ".join(kind.args) or "none"
            raise MarkerError(f"'{marker.kind}' takes no argument '{key}' (accepted: {accepted})")
        if isinstance(allowed, tuple):
            if value not in allowed:
                raise MarkerError(f"{key}={value} is not one of: {', '.join(allowed)}")
            args[key] = value
        else:  # ids of an entity
            ids = marker.ids(key) if key == "ids" else [value]
            unknown = [i for i in ids if i not in _known_ids(hb, allowed)]
            if unknown:
                raise MarkerError(f"unknown {allowed} id(s) {', '.join(unknown)} in {key}=")
            args[key] = ids if key == "ids" else value
    for key in REQUIRED.get(marker.kind, ()):
        if key not in args:
            raise MarkerError(f"'{marker.kind}' needs {key}=…")
    return args


def shows(marker: Marker, hb: Handbook) -> list[tuple[str, str]]:
    """Which entries a marker puts on its page (checked first: a bad marker raises MarkerError)."""
    args = arguments(marker, hb)
    return KINDS[marker.kind].shows(hb, args)


def render(marker: Marker, hb: Handbook, lang: str, href: Href, page: str = "index.md") -> str:
    """The HTML/Markdown for one marker on ``page`` (a path under docs/<lang>/); a marker that
    renders nothing is an error. Plain text, never a template's Markup: the page's Markdown it
    is spliced into would be HTML-escaped by ``markdown + Markup(...)``."""
    args = arguments(marker, hb)
    html = str(KINDS[marker.kind].render(hb, Context(lang, href, page), **args))
    if not html.strip():
        raise MarkerError(f"'{marker.text}' renders nothing: no entry matches its filters")
    return html
