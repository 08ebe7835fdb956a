"""Chinese typography with autocorrect: spaces between CJK and Latin, full-width punctuation.

Checked in the Chinese pages and in every data file (their ``zh`` texts); ``--fix`` rewrites.
"""

from __future__ import annotations

from pathlib import Path

import autocorrect_py

from ..yaml_lines import Problem


def files(root: Path) -> list[Path]:
    return sorted((root / "docs" / "zh").rglob("*.md")) + sorted((root / "data").rglob("*.yml"))


def check_typography(root: Path, fix: bool = False) -> list[Problem]:
    problems = []
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
