"""Typography: Chinese with autocorrect (spaces between CJK and Latin, full-width punctuation)
in the pages of the languages written without spaces (their catalogue's ``writing: cjk``) and in
every text of the data files; the house style for percentages (50%, no space) everywhere; straight
quotes in the languages written with spaces (English). ``--fix`` rewrites what it safely can.

Data files are checked value by value, not as raw YAML, so flow syntax such as ``[a, b]`` or
``{zh: …, en: …}`` is never taken for Chinese text.
"""

from __future__ import annotations

import re
from pathlib import Path

import autocorrect_py

from ..nav import languages, read_config
from ..words import FOLDER, read_catalogue
from ..yaml_lines import DataError, Problem, load_yaml
from .terms import data_strings

CJK = re.compile(r"[\u3400-\u9fff]")
PERCENT = re.compile(r"(?<=\d) %")
CURLY = re.compile("[“”‘’]")
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _excerpt(text: str, other: str, width: int = 12) -> str:
    """The part of ``text`` that differs from ``other``, with a little context."""
    start = next((i for i, (a, b) in enumerate(zip(text, other)) if a != b), min(len(text), len(other)))
    end = 0
    while end < min(len(text), len(other)) - start and text[-1 - end] == other[-1 - end]:
        end += 1
    lo, hi = max(0, start - width), min(len(text), len(text) - end + width)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def _message(old: str, new: str, fixable: bool = True) -> str:
    how = "run scripts/check --fix" if fixable else "correct it by hand (the text spans several lines)"
    return f"Chinese typography: '{_excerpt(old, new)}' should read '{_excerpt(new, old)}'; {how}"


def written(root: Path, writing: str) -> list[str]:
    """The languages mkdocs.yml lists whose catalogue says they are written ``writing`` (cjk or
    spaced); a missing or broken catalogue is the words check's to report."""
    found = []
    for lang in languages(read_config(root / "mkdocs.yml")):
        path = root / FOLDER / f"{lang}.yml"
        try:
            if path.is_file() and read_catalogue(path, f"{FOLDER}/{lang}.yml").data.get("writing") == writing:
                found.append(lang)
        except DataError:
            continue
    return found


def check_pages(root: Path, fix: bool) -> list[Problem]:
    problems = []
    for path in [path for lang in written(root, "cjk") for path in sorted((root / "docs" / lang).rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        if fix:
            fixed = autocorrect_py.format_for(text, "md")
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                text = fixed
        display = path.relative_to(root).as_posix()
        for item in autocorrect_py.lint_for(text, "md").lines:
            problems.append(Problem(display, item.line, "", _message(item.old.strip(), item.new.strip())))
    return problems


def check_data(root: Path, fix: bool) -> list[Problem]:
    problems = []
    for path in sorted((root / "data").rglob("*.yml")):
        display = path.relative_to(root).as_posix()
        try:
            located = load_yaml(path, display)
        except DataError:  # reported by the data check
            continue
        text = path.read_text(encoding="utf-8")
        for data_path, value in data_strings(located.data):
            # phrasings are what staff type into search, kept as typed
            if not CJK.search(value) or "phrasings" in data_path:
                continue
            fixed = autocorrect_py.format(value)
            if fixed == value:
                continue
            if fix and text.count(value) == 1:
                text = text.replace(value, fixed)
                continue
            start = located.line_of(data_path)
            lines = text.splitlines()
            first = value.split("\n")[0][:20]
            line = next((n for n in range(start, min(start + 30, len(lines)) + 1) if first in lines[n - 1]), start)
            problems.append(Problem(display, line, "", _message(value, fixed, fixable=value in text)))
        if fix:
            path.write_text(text, encoding="utf-8")
    return problems


def check_percent(root: Path, fix: bool) -> list[Problem]:
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


def check_english_quotes(root: Path, fix: bool) -> list[Problem]:
    """English text uses straight quotes (Chinese text keeps its full-width ones)."""
    problems = []
    spaced = written(root, "spaced")
    for path in [path for lang in spaced for path in sorted((root / "docs" / lang).rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        if fix and CURLY.search(text):
            text = text.translate(STRAIGHT)
            path.write_text(text, encoding="utf-8")
        display = path.relative_to(root).as_posix()
        problems += [Problem(display, n, "", "English pages use straight quotes (\" and '); run scripts/check --fix")
                     for n, line in enumerate(text.splitlines(), 1) if CURLY.search(line)]
    for path in sorted((root / "data").rglob("*.yml")):
        display = path.relative_to(root).as_posix()
        try:
            located = load_yaml(path, display)
        except DataError:
            continue
        problems += [Problem(display, located.line_of(data_path), "",
                             "English texts use straight quotes (\" and '); replace the curly ones")
                     for data_path, value in data_strings(located.data)
                     if any(lang in data_path for lang in spaced) and CURLY.search(value)]
    return problems


def check_typography(root: Path, fix: bool = False) -> list[Problem]:
    return (check_percent(root, fix) + check_english_quotes(root, fix)
            + check_pages(root, fix) + check_data(root, fix))
