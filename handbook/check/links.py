"""Relative links and anchors in the Markdown, resolved the way MkDocs resolves them."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from ..yaml_lines import Problem
from .pages import Page, Project

CODE_SPAN = re.compile(r"`[^`]*`")
MD_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REF_DEF = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HTML_LINK = re.compile(r"""\b(?:href|src)=["']([^"']*)["']""")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.I)


def targets(page: Page):
    """(line, target) of every link in the page's own text (generated blocks are tested elsewhere)."""
    generated = {m.line for m in page.markers}
    for number, line in page.lines:
        if number in generated:
            continue
        line = CODE_SPAN.sub("", line)
        for pattern in (MD_LINK, REF_DEF, HTML_LINK):
            for match in pattern.finditer(line):
                yield number, match.group(1)


def check_links(project: Project, anchors: bool = True) -> list[Problem]:
    problems = []
    for page in project.pages.values():
        for line, target in targets(page):
            if not target or EXTERNAL.match(target) or target.startswith("{{"):
                continue
            message = _resolve(project, page, target if anchors else target.partition("#")[0])
            if message:
                problems.append(Problem(page.display, line, "", message))
    return problems


def _resolve(project: Project, page: Page, target: str) -> str | None:
    path, _, anchor = target.partition("#")
    path, anchor = unquote(path), unquote(anchor)
    if not path:
        goal = page
    else:
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
        if not path.endswith(".md"):
            base = project.root / "docs" / page.lang
            if (base / rel).exists():
                return None
            return f"link target '{target}' does not exist; link to the page's .md file (e.g. ../roles/index.md)"
        goal = project.pages.get((page.lang, rel))
        if goal is None:
            return f"link to '{target}': docs/{page.lang}/{rel} does not exist; fix the path (relative to this page)"
    if anchor and anchor not in goal.anchors:
        near = sorted(a for a in goal.anchors if a.startswith(anchor[:2]))[:5]
        hint = f" (anchors there include: {', '.join(near)})" if near else ""
        return (f"link to '{target}': {goal.display} has no heading or block with anchor '#{anchor}'; "
                f"use the anchor of an existing heading{hint}")
    return None
