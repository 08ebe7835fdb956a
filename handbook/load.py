"""Read ``data/``, validate it, then check every cross-reference in one step.

:func:`load_handbook` parses and validates each file, builds the data into a
:class:`~handbook.book.Handbook`, then :func:`_cross_reference` checks the ids the files name,
the course against docs/, and resolves the situations' answers against the pages; the
Handbook it returns carries those titles and is never changed after. All problems of all files
are collected before anything is raised, and each names
``file:line: field path: what is wrong, how to fix it``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ValidationError

from .anchors import page_title
from .book import NOTHING, Handbook
from .course import CourseFile, RoleplaysFile
from .models import (
    Blueprint,
    ChangesFile,
    GlossaryFile,
    PhraseGroup,
    PhrasesFile,
    QuizFile,
    RolesFile,
    SearchFile,
    SituationsFile,
    StandardsFile,
)
from .changes import check_changes
from .nav import LANGS
from .situations import resolve_answers
from .words import word
from .yaml_lines import DataError, Located, PathT, Problem, format_path, load_yaml

SOURCES = {"role": "data/roles.yml", "standard": "data/standards.yml", "blueprint": "data/blueprints/",
           "phrase": "data/phrases.yml", "chapter": "data/course.yml (chapters)",
           "session": "data/course.yml (sessions)"}

# A text as the data writes it: {zh: …, en: …}
TEXT = "{" + ", ".join(f"{lang}: …" for lang in LANGS) + "}"
# Extra advice for fields whose absence makes an entry useless.
HINTS = {
    "measure": "a SMART standard needs a measurable target: add measure with comparison, value, unit and what",
    "value": "a SMART standard needs a number: add value, e.g. 3",
    "unit": f"a SMART standard needs a unit: add unit: {TEXT}",
    "time_bound": f"a SMART standard needs a time bound: add time_bound: {TEXT}",
    "owner": "a SMART standard needs an owner: add owner: <role id from data/roles.yml>",
    **{lang: f"add the {word('language_english', lang)} text ({lang}: …)" for lang in LANGS},
}


def load_handbook(data_dir: Path) -> Handbook:
    """Load and check every data file; raise :class:`DataError` listing all problems."""
    problems: list[Problem] = []
    root = data_dir.parent

    def parse(path: Path, model: type[BaseModel]) -> tuple[Located, Any]:
        display = path.relative_to(root).as_posix()
        if not path.exists():
            problems.append(Problem(display, 1, "", "file is missing; create it (see CONTRIBUTING.md)"))
            return Located(display, None), None
        try:
            located = load_yaml(path, display)
        except DataError as exc:
            problems.extend(exc.problems)
            return Located(display, None), None
        try:
            return located, model.model_validate(located.data)
        except ValidationError as exc:
            problems.extend(_explain(located, exc))
            return located, None

    roles_src, roles = parse(data_dir / "roles.yml", RolesFile)
    standards_src, standards = parse(data_dir / "standards.yml", StandardsFile)
    phrases_src, phrases = parse(data_dir / "phrases.yml", PhrasesFile)
    glossary_src, glossary = parse(data_dir / "glossary.yml", GlossaryFile)
    quiz_src, quizzes = parse(data_dir / "quiz.yml", QuizFile)
    situations_src, situations = parse(data_dir / "situations.yml", SituationsFile)
    search_src, search = parse(data_dir / "search.yml", SearchFile)
    # What's new for staff; a project without it simply has no notes yet.
    changes_src, changes = ((parse(data_dir / "changes.yml", ChangesFile)) if (data_dir / "changes.yml").exists()
                            else (Located("data/changes.yml", None), ChangesFile()))
    course_src, course = parse(data_dir / "course.yml", CourseFile)
    roleplays_src, roleplays = parse(data_dir / "roleplays.yml", RoleplaysFile)
    blueprints: dict[str, tuple[Located, Blueprint]] = {}
    for path in sorted((data_dir / "blueprints").glob("*.yml")):
        src, blueprint = parse(path, Blueprint)
        if blueprint is None:
            continue
        if blueprint.id != path.stem:
            problems.append(_at(src, ("id",), f"'{blueprint.id}' must match the file name: rename to {path.stem}"))
        blueprints[blueprint.id] = (src, blueprint)
    if not blueprints and not problems:
        problems.append(Problem("data/blueprints", 1, "", "no blueprint found; add data/blueprints/<id>.yml"))

    if problems:  # references can only be checked between valid files
        raise DataError(problems)
    data = Handbook(roles, standards, phrases, MappingProxyType({k: v for k, (_, v) in blueprints.items()}), glossary,
                    quizzes, situations, search, course, roleplays, NOTHING, NOTHING, changes)
    sources = {"roles": roles_src, "standards": standards_src, "phrases": phrases_src, "glossary": glossary_src,
               "quiz": quiz_src, "situations": situations_src, "search": search_src, "changes": changes_src,
               "course": course_src, "roleplays": roleplays_src}
    page_titles, answer_titles = _cross_reference(data, sources, {k: src for k, (src, _) in blueprints.items()}, root)
    return replace(data, page_titles=MappingProxyType(page_titles), answer_titles=MappingProxyType(answer_titles))


def _cross_reference(hb: Handbook, sources: dict[str, Located], blueprint_sources: dict[str, Located], root: Path):
    """Every id a file names exists, the course fits docs/, and every situation's answer points at
    a section of a page: (page titles, answer titles), or :class:`DataError` with every problem."""
    problems: list[Problem] = []
    roles, standards, phrases, glossary, quizzes = hb.roles, hb.standards, hb.phrases, hb.glossary, hb.quizzes
    situations, search, changes, course, roleplays = hb.situations, hb.search, hb.changes, hb.course, hb.roleplays
    blueprints = {k: (blueprint_sources[k], v) for k, v in hb.blueprints.items()}
    roles_src, standards_src, phrases_src, glossary_src, quiz_src = (
        sources[k] for k in ("roles", "standards", "phrases", "glossary", "quiz"))
    situations_src, search_src, changes_src, course_src, roleplays_src = (
        sources[k] for k in ("situations", "search", "changes", "course", "roleplays"))

    role_ids = _unique(roles_src, ("roles",), [r.id for r in roles.roles], problems)
    standard_ids = _unique(standards_src, ("standards",), [s.id for s in standards.standards], problems)
    _unique(phrases_src, ("phrases",), [p.id for p in phrases.phrases], problems)
    _unique(glossary_src, ("terms",), [t.id for t in glossary.terms], problems)
    _unique(glossary_src, ("usage",), [u.id for u in glossary.usage], problems)
    _unique(situations_src, ("situations",), [s.id for s in situations.situations], problems)
    blueprint_ids = set(blueprints)

    def ref(src: Located, path: PathT, value: str, known: set[str], what: str) -> None:
        if value not in known:
            problems.append(_at(src, path, f"unknown {what} id '{value}'; use one of the ids in {SOURCES[what]}"))

    def refs(src: Located, path: PathT, values: list[str], known: set[str], what: str) -> None:
        for i, value in enumerate(values):
            ref(src, (*path, i), value, known, what)

    for r, role in enumerate(roles.roles):
        base = ("roles", r)
        _unique(roles_src, (*base, "duties"), [d.id for d in role.duties], problems)
        if role.reports_to is not None:
            ref(roles_src, (*base, "reports_to"), role.reports_to, role_ids, "role")
        if role.reports_to and role.reports_to_text:
            problems.append(_at(roles_src, (*base, "reports_to_text"), "give reports_to or reports_to_text, not both"))
        refs(roles_src, (*base, "indicators"), role.indicators, standard_ids, "standard")
        for d, duty in enumerate(role.duties):
            path = (*base, "duties", d)
            refs(roles_src, (*path, "standards"), duty.standards, standard_ids, "standard")
            refs(roles_src, (*path, "blueprints"), duty.blueprints, blueprint_ids, "blueprint")

    for s, standard in enumerate(standards.standards):
        ref(standards_src, ("standards", s, "owner"), standard.owner, role_ids, "role")

    for p, phrase in enumerate(phrases.phrases):
        path = ("phrases", p)
        refs(phrases_src, (*path, "standards"), phrase.standards, standard_ids, "standard")
        if phrase.group is PhraseGroup.phone and phrase.stage is None:
            problems.append(_at(phrases_src, path, "stage: a phone phrase needs its stage, e.g. stage: answering"))
        if phrase.group is not PhraseGroup.phone and phrase.stage is not None:
            problems.append(_at(phrases_src, (*path, "stage"), "only phone phrases have a stage; remove it"))
        if phrase.group is PhraseGroup.banned and phrase.avoid is None:
            problems.append(_at(phrases_src, path, "avoid: a banned phrase needs the words to avoid (avoid: …)"))
        if "avoid" in phrase.added and phrase.avoid is None:
            problems.append(_at(phrases_src, (*path, "added"), "names 'avoid', but the card has no avoid line; "
                                "remove it from added"))

    for src, blueprint in blueprints.values():
        step_ids = _unique(src, ("steps",), [s.id for s in blueprint.steps], problems)
        steps = {s.id: s for s in blueprint.steps}
        for i, point in enumerate(blueprint.points):
            path = ("points", i)
            if point.step not in step_ids:
                problems.append(_at(src, (*path, "step"),
                                    f"unknown step id '{point.step}'; use one of: {', '.join(sorted(step_ids))}"))
            elif getattr(steps[point.step], point.lane) is None:
                problems.append(_at(src, (*path, "lane"),
                                    f"step '{point.step}' has nothing in lane '{point.lane}'; "
                                    "fill that cell or move the point"))
        for i, step in enumerate(blueprint.steps):
            for j, lane in enumerate(step.added):
                if getattr(step, lane) is None:
                    problems.append(_at(src, ("steps", i, "added", j), f"lane '{lane}' of step '{step.id}' is empty; "
                                        "fill it or remove it from added"))
        for j, part in enumerate(blueprint.added):
            if part == "points" and not blueprint.points:
                problems.append(_at(src, ("added", j), "names 'points', but the blueprint has none; remove it"))
            elif part not in ("summary", "points") and not any(getattr(s, part) for s in blueprint.steps):
                problems.append(_at(src, ("added", j), f"no step has anything in lane '{part}'; remove it from added"))

    _unique(changes_src, ("changes",), [c.id for c in changes.changes], problems)
    problems.extend(_at(changes_src, path, message) for path, message in check_changes(changes, root / "docs"))

    _unique(quiz_src, ("quizzes",), [q.id for q in quizzes.quizzes], problems)
    for i, quiz in enumerate(quizzes.quizzes):
        mins = [band.min_score for band in quiz.bands]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            problems.append(_at(quiz_src, ("quizzes", i, "bands"), "bands must go from the highest min_score down"))
        elif mins[0] > quiz.base or mins[-1] != 0:
            problems.append(_at(quiz_src, ("quizzes", i, "bands"),
                                f"the low band must start at 0 and the high one at most at base ({quiz.base})"))

    for i, page in enumerate(search.popular):
        if _missing_languages(root / "docs", page):
            problems.append(_at(search_src, ("popular", i), f"no page docs/<lang>/{page}; use a path under docs/<lang>/ "
                                "that exists in every language, e.g. communication/phone-etiquette.md"))

    page_titles = _check_course(course_src, course, root / "docs", problems)
    phrase_ids = {p.id for p in phrases.phrases}
    roleplay_ids = _unique(roleplays_src, ("roleplays",), [r.id for r in roleplays.roleplays], problems)
    _unique(roleplays_src, ("rubric",), [c.id for c in roleplays.rubric], problems)
    for c, criterion in enumerate(roleplays.rubric):
        refs(roleplays_src, ("rubric", c, "standards"), criterion.standards, standard_ids, "standard")
    for i, session in enumerate(course.sessions):
        for j, roleplay_id in enumerate(session.roleplays):
            if roleplay_id not in roleplay_ids:
                problems.append(_at(course_src, ("sessions", i, "roleplays", j),
                                    f"unknown role-play id '{roleplay_id}'; use one of the ids in data/roleplays.yml"))
    for i, roleplay in enumerate(roleplays.roleplays):
        path = ("roleplays", i)
        missing = _missing_languages(root / "docs", roleplay.page)
        if missing:
            problems.append(_at(roleplays_src, (*path, "page"), f"no page docs/{missing[0]}/{roleplay.page}; "
                                                                 "give a path under docs/<lang>/"))
        for c, check in enumerate(roleplay.observer):
            cpath = (*path, "observer", c)
            refs(roleplays_src, (*cpath, "standards"), check.standards, standard_ids, "standard")
            refs(roleplays_src, (*cpath, "phrases"), check.phrases, phrase_ids, "phrase")
            if not check.standards and not check.phrases:
                problems.append(_at(roleplays_src, cpath, "name the standards or phrase cards this point tests "
                                                          "(standards: […] or phrases: […])"))

    if problems:
        raise DataError(problems)
    # Situations answer with sections of pages: checked against docs/ beside data/.
    titles, wrong = resolve_answers(replace(hb, page_titles=MappingProxyType(page_titles)), situations, root / "docs")
    problems.extend(_at(situations_src, path, message) for path, message in wrong)
    if problems:
        raise DataError(problems)
    return page_titles, titles


def _check_course(src: Located, course: CourseFile, docs_dir: Path,
                  problems: list[Problem]) -> dict[tuple[str, str], str]:
    """Chapters, sessions and programmes refer to what exists; the minutes and hours add up.
    Returns the title (first heading) of every page a session teaches, per language."""
    titles: dict[tuple[str, str], str] = {}
    chapter_ids = _unique(src, ("chapters",), [c.id for c in course.chapters], problems)
    session_ids = _unique(src, ("sessions",), [s.id for s in course.sessions], problems)
    _unique(src, ("programmes",), [p.id for p in course.programmes], problems)
    sessions = {s.id: s for s in course.sessions}

    def title_of(page: str) -> list[str]:
        """Note the page's title in each language it exists in; return the languages it is missing in."""
        missing = _missing_languages(docs_dir, page)
        for lang in LANGS:
            if lang not in missing:
                titles[(lang, page)] = page_title(docs_dir / lang / page) or page
        return missing

    def ref(path: PathT, value: str, known: set[str], what: str) -> bool:
        if value not in known:
            problems.append(_at(src, path, f"unknown {what} id '{value}'; use one of: {', '.join(sorted(known))}"))
            return False
        return True

    for i, session in enumerate(course.sessions):
        path = ("sessions", i)
        ref((*path, "chapter"), session.chapter, chapter_ids, "chapter")
        total = sum(a.minutes for a in session.activities)
        if total != session.minutes:
            problems.append(_at(src, (*path, "activities"),
                                f"the activities' minutes add up to {total}, but the session lasts {session.minutes}"
                                f" minutes; make them add up to {session.minutes} or change minutes"))
        for j, page in enumerate(session.pages):
            missing = title_of(page)
            if missing:
                problems.append(_at(src, (*path, "pages", j),
                                    f"no page docs/{missing[0]}/{page}; give a path under docs/<lang>/ "
                                    "that exists in every language"))
    seen: dict[str, int] = {}
    for i, knowledge in enumerate(course.checks):
        ref(("checks", i, "chapter"), knowledge.chapter, chapter_ids, "chapter")
        if knowledge.chapter in seen:
            problems.append(_at(src, ("checks", i, "chapter"), f"chapter '{knowledge.chapter}' already has a check "
                                f"(line {src.line_of(('checks', seen[knowledge.chapter]))}); merge the two"))
        seen.setdefault(knowledge.chapter, i)
        for q, question in enumerate(knowledge.questions):
            for j, page in enumerate(question.pages):
                missing = title_of(page)
                if missing:
                    problems.append(_at(src, ("checks", i, "questions", q, "pages", j),
                                        f"no page docs/{missing[0]}/{page}; give a path under docs/<lang>/"))
    for i, programme in enumerate(course.programmes):
        path = ("programmes", i)
        total_hours = sum(b.hours for b in programme.blocks)
        if total_hours != programme.hours:
            problems.append(_at(src, (*path, "blocks"),
                                f"the blocks' hours add up to {total_hours:g}, but the programme has "
                                f"{programme.hours:g} hours; make them add up"))
        for b, block in enumerate(programme.blocks):
            bpath = (*path, "blocks", b)
            if block.chapter is not None:
                ref((*bpath, "chapter"), block.chapter, chapter_ids, "chapter")
            known = [s for k, s in enumerate(block.sessions) if ref((*bpath, "sessions", k), s, session_ids, "session")]
            planned = sum(sessions[s].minutes for s in known)
            available = block.hours * programme.hour_minutes
            if planned > available:
                problems.append(_at(src, (*bpath, "sessions"),
                                    f"its sessions last {planned} minutes, more than its {block.hours:g} "
                                    f"hour{'' if block.hours == 1 else 's'} ({available:g} minutes); "
                                    "add hours or move a session"))
            elif planned < available and block.rest is None:
                problems.append(_at(src, bpath, f"rest: its sessions fill {planned} of {available:g} minutes; "
                                                f"say what fills the rest (rest: {TEXT})"))
    return titles


def _missing_languages(docs_dir: Path, page: str) -> list[str]:
    """The languages in which ``page`` (a path under docs/<lang>/) does not exist."""
    return [lang for lang in LANGS if not (docs_dir / lang / page).is_file()]


def _at(src: Located, path: PathT, message: str) -> Problem:
    return Problem(src.file, src.line_of(path), format_path(path), message)


def _unique(src: Located, path: PathT, ids: list[str], problems: list[Problem]) -> set[str]:
    seen: dict[str, int] = {}
    for i, item_id in enumerate(ids):
        if item_id in seen:
            first = src.line_of((*path, seen[item_id]))
            problems.append(_at(src, (*path, i, "id"),
                                f"duplicate id '{item_id}' (first used on line {first}); ids must be unique"))
        else:
            seen[item_id] = i
    return set(seen)


def _explain(src: Located, exc: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into one readable line each."""
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and part.startswith("function-")))
        field = next((part for part in reversed(loc) if isinstance(part, str)), "")
        kind = err["type"]
        if kind == "missing":
            message = f"is missing; {HINTS.get(field, f'add {field}: …')}"
        elif kind == "extra_forbidden":
            message = "unknown field; remove it or fix its spelling (the JSON Schema in schemas/ lists the fields)"
        elif kind == "string_too_short":
            message = f"is empty; {HINTS.get(field, 'write the text')}"
        elif kind == "string_pattern_mismatch":
            message = f"'{err['input']}' is not a valid id; use lowercase letters, digits and single hyphens"
        elif kind in ("model_type", "dict_type") and not loc:
            message = "the file must hold a mapping that starts with its top-level key (see schemas/)"
        elif kind == "model_type":
            message = f"expected a mapping of fields (a text is written {TEXT})"
        elif kind == "value_error":  # a validator's own message, without pydantic's "Value error, "
            message = str(err["ctx"]["error"])
        else:
            message = err["msg"][0].lower() + err["msg"][1:]
            if kind == "literal_error" and isinstance(err["input"], bool):
                message += '; write it in quotes ("yes", "no"): unquoted, YAML reads yes and no as true and false'
        out.append(_at(src, loc, message))
    return out
