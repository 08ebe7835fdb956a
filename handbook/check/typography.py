"""Typography: Chinese with autocorrect (spaces between CJK and Latin, full-width punctuation),
checked in the Chinese pages and every data file; and the house style for percentages (50%,
no space) in every page and data file. ``--fix`` rewrites both.
"""

from __future__ import annotations

import re
from pathlib import Path

import autocorrect_py

from ..yaml_lines import Problem


def files(root: Path) -> list[Path]:
    return sorted((root / "docs" / "zh").rglob("*.md")) + sorted((root / "data").rglob("*.yml"))


PERCENT = re.compile(r"(?<=\d) %")


def check_percent(root: Path, fix: bool = False) -> list[Problem]:
    problems = []
    for path in sorted((root / "docs").rglob("*.md")) + sorted((root / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if fix and PERCENT.search(text):
            text = PERCENT.sub("%", text)
            path.write_text(text, encoding="utf-8")
        display = path.relative_to(root).as_posix()
        problems += [Problem(display, n, "", "write a percentage without a space (50%, not 50 %); run scripts/check --fix")
                     for n, line in enumerate(text.splitlines(), 1) if PERCENT.search(line)]
    return problems


def check_typography(root: Path, fix: bool = False) -> list[Problem]:
    problems = check_percent(root, fix)
    for path in files(root):
        text = path.read_text(encoding="utf-8")
        if fix:
            fixed = autocorrect_py.format_for(text, path.name)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                text = fixed
        display = path.relative_to(root).as_posix()
        for item in autocorrect_py.lint_for(text, path.name).lines:
            old, new = item.old.strip(), item.new.strip()
            problems.append(Problem(display, item.line, "",
                                    f"Chinese typography: '{_excerpt(old, new)}' should read '{_excerpt(new, old)}'; "
                                    "run scripts/check --fix"))
    return problems


def _excerpt(text: str, other: str, width: int = 12) -> str:
    """The part of ``text`` that differs from ``other``, with a little context."""
    start = next((i for i, (a, b) in enumerate(zip(text, other)) if a != b), min(len(text), len(other)))
    end = 0
    while end < min(len(text), len(other)) - start and text[-1 - end] == other[-1 - end]:
        end += 1
    lo, hi = max(0, start - width), min(len(text), len(text) - end + width)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
