"""The pages as Markdown sources: both languages present and in nav, markers valid,
heading outlines equal between the languages.

Markers are expanded with the real renderers (plain functions, no MkDocs), so the
headings and anchors a generated block adds are checked like hand-written ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..anchors import heading_ids
from ..book import Handbook
from ..markers import Marker, MarkerError, fenced_lines, find_markers
from ..nav import Site, read_site
from ..render import render
from ..yaml_lines import Problem

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_ID = re.compile(r"\{:?\s*[^}]*?#([\w-]+)[^}]*\}")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass
class Page:
    lang: str
    rel: str  # "roles/index.md"
    lines: list[tuple[int, str]]  # (source line, text) with markers expanded, fenced code left out
    markers: list[Marker] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)

    @property
    def display(self) -> str:
        return f"docs/{self.lang}/{self.rel}"


@dataclass
class Project:
    root: Path
    site: Site
    langs: tuple[str, ...]
    pages: dict[tuple[str, str], Page]
    problems: list[Problem]


def read_page(path: Path, lang: str, rel: str, hb: Handbook | None, problems: list[Problem]) -> Page:
    text = path.read_text(encoding="utf-8")
    page = Page(lang, rel, [])
    try:
        page.markers = find_markers(text)
    except MarkerError as exc:  # "line N: ..." from find_markers
        line, _, message = str(exc).partition(": ")
        problems.append(Problem(page.display, int(line.split()[-1]), "", message))
    expanded = {m.line: m for m in page.markers}
    code = fenced_lines(text)
    for number, line in enumerate(text.splitlines(), 1):
        if number in code:
            continue
        marker = expanded.get(number)
        if marker is None:
            page.lines.append((number, line))
            continue
        if hb is None:
            continue
        try:
            html = render(marker, hb, lang, lambda kind, entity_id: f"#{kind}-{entity_id}", rel)
        except MarkerError as exc:
            problems.append(Problem(page.display, number, "", f"{exc}; see the marker table in CONTRIBUTING.md"))
            continue
        page.lines.extend((number, generated) for generated in html.splitlines())
    for number, line in page.lines:
        page.anchors.update(HTML_ID.findall(line))
        match = HEADING.match(line)
        if match:
            page.headings.append(Heading(len(match.group(1)), match.group(2), number))
        else:
            page.anchors.update(ATTR_ID.findall(line))
    page.anchors.update(anchor for anchor, _ in heading_ids(h.text for h in page.headings))  # as the build's toc
    return page


def read_project(root: Path, hb: Handbook | None, problems: list[Problem]) -> Project:
    site = read_site(root / "mkdocs.yml")
    pages = {}
    for lang in site.langs:
        base = root / "docs" / lang
        for path in sorted(base.rglob("*.md")):
            rel = path.relative_to(base).as_posix()
            pages[(lang, rel)] = read_page(path, lang, rel, hb, problems)
    return Project(root, site, site.langs, pages, problems)


def _nav_line(root: Path, rel: str) -> int:
    for number, line in enumerate((root / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip().lstrip("- ").endswith(rel):
            return number
    return 1


def check_structure(project: Project) -> list[Problem]:
    """Pages in every language and in nav; the same markers and heading outline in each."""
    problems = list(project.problems)
    first, *others = project.langs
    nav = set(project.site.all_pages())
    rels = sorted({rel for _, rel in project.pages})
    for rel in sorted(nav - set(rels)):
        problems.append(Problem("mkdocs.yml", _nav_line(project.root, rel), "",
                                f"nav lists {rel}, which exists in no language; create docs/<lang>/{rel} or remove it from nav"))
    for rel in rels:
        present = [lang for lang in project.langs if (lang, rel) in project.pages]
        where = project.pages[(present[0], rel)]
        for lang in project.langs:
            if lang not in present:
                problems.append(Problem(where.display, 1, "",
                                        f"page has no {lang} version; add docs/{lang}/{rel} with the same headings"))
        if rel not in nav:
            problems.append(Problem(where.display, 1, "", "page is not in nav; add it to nav in mkdocs.yml"))
        if first not in present:
            continue
        base = project.pages[(first, rel)]
        for lang in others:
            if lang in present:
                problems += _compare(base, project.pages[(lang, rel)])
    return problems


def _compare(base: Page, other: Page) -> list[Problem]:
    problems = []
    base_markers = [(m.kind, m.args) for m in base.markers]
    other_markers = [(m.kind, m.args) for m in other.markers]
    if base_markers != other_markers:
        line = next((o.line for b, o in zip(base.markers, other.markers) if (b.kind, b.args) != (o.kind, o.args)),
                    (other.markers[-1].line if other.markers else 1))
        problems.append(Problem(other.display, line, "",
                                f"markers differ from {base.display}; use the same markers in the same order in both languages"))
    for i in range(max(len(base.headings), len(other.headings))):
        b = base.headings[i] if i < len(base.headings) else None
        o = other.headings[i] if i < len(other.headings) else None
        if b and o and b.level == o.level:
            continue
        line = o.line if o else (other.headings[-1].line if other.headings else 1)
        said_b = f"{'#' * b.level} {b.text} (line {b.line})" if b else "nothing more"
        said_o = f"{'#' * o.level} {o.text}" if o else "nothing more"
        problems.append(Problem(other.display, line, "",
                                f"heading outline differs from {base.display}: heading {i + 1} is '{said_o}' here but "
                                f"'{said_b}' there; give both languages the same headings at the same levels"))
        break
    return problems
