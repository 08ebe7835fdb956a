"""Example and tip boxes say whose they are (:mod:`handbook.sources`), the same in both languages."""

from __future__ import annotations

from ..nav import LANGS
from ..sources import BOX, SOURCED_KINDS, SOURCES
from ..words import word
from ..yaml_lines import Problem
from .pages import Page, Project

HOW = ("after the kind, write hb-handbook if the handbook wrote it (the page then shows the "
       f"{' / '.join(word('added', lang) for lang in LANGS)} badge), hb-course if it retells the course, or hb-guide if it "
       "is about using the handbook, e.g. `!!! {kind} hb-handbook \"{title}\"`; see CONTRIBUTING.md, "
       "\"Marking what the handbook adds\"")


def boxes(page: Page) -> list[tuple[int, str, str | None, str]]:
    """(line, kind, source or None, title) of every example and tip box on the page."""
    out = []
    for number, line in page.lines:
        match = BOX.match(line)
        if match and match["kind"] in SOURCED_KINDS:
            named = [c for c in match["classes"].split() if c in SOURCES]
            out.append((number, match["kind"], named[0] if len(named) == 1 else ("many" if named else None),
                        match["title"] or ""))
    return out


TRAINER = "hb-trainer"
TRAINER_HOME = "training/"


def check_trainer_notes(project: Project) -> list[Problem]:
    """A trainer note (a box with the class hb-trainer) lives in the training section, where
    participants do not read, and its title starts with 培训师提示 / Trainer note: the PDFs keep it
    for the trainer edition only (handbook/pdf/extract.py)."""
    problems = []
    for (lang, rel), page in sorted(project.pages.items()):
        for number, line in page.lines:
            match = BOX.match(line)
            if not match or TRAINER not in match["classes"].split():
                continue
            if not rel.startswith(TRAINER_HOME):
                problems.append(Problem(page.display, number, "",
                                        f"trainer note (box with {TRAINER}) outside the training section; move it to a "
                                        f"page under docs/{lang}/{TRAINER_HOME} and link it from here if needed "
                                        "(CONTRIBUTING.md, \"Trainer notes\")"))
            label = word("trainer_note", lang)
            if not (match["title"] or "").startswith(label):
                problems.append(Problem(page.display, number, "",
                                        f"trainer note's title must start with \"{label}\", e.g. "
                                        f"`!!! {match['kind']}{match['classes']} \"{label}{word('colon', lang)}…\"`"))
    return problems


def check_sources(project: Project) -> list[Problem]:
    problems = check_trainer_notes(project)
    first, *others = project.langs
    for (lang, rel), page in sorted(project.pages.items()):
        for number, kind, source, title in boxes(page):
            if source is None:
                problems.append(Problem(page.display, number, "",
                                        f"{kind} box \"{title}\" does not say whose it is; " + HOW.format(kind=kind, title=title)))
            elif source == "many":
                problems.append(Problem(page.display, number, "",
                                        f"{kind} box \"{title}\" names more than one of {', '.join(SOURCES)}; keep the one that is true"))
    for (lang, rel), page in sorted(project.pages.items()):
        if lang == first:
            continue
        base = project.pages.get((first, rel))
        if base is None:
            continue
        mine, theirs = boxes(page), boxes(base)
        for i in range(max(len(mine), len(theirs))):
            a = mine[i] if i < len(mine) else None
            b = theirs[i] if i < len(theirs) else None
            if a and b and a[1:3] == b[1:3]:
                continue
            line = a[0] if a else (mine[-1][0] if mine else 1)
            said_b = f"{b[1]} {b[2]} (line {b[0]})" if b else "no more example or tip boxes"
            said_a = f"{a[1]} {a[2]}" if a else "no more"
            problems.append(Problem(page.display, line, "",
                                    f"example and tip boxes differ from {base.display}: box {i + 1} is {said_a} here but "
                                    f"{said_b} there; give both languages the same boxes with the same source"))
            break
    return problems
