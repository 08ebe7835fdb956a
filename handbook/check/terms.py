"""Terminology: a deprecated variant from the glossary anywhere in docs/, data/ or the interface
words (i18n/).

Each glossary entry names, per language, the variants not to use (``deprecated``). The
entry's own ``deprecated`` list and its ``note`` may name them; nothing else may.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..book import Handbook
from ..nav import LANGS
from ..yaml_lines import Located, PathT, Problem, load_yaml

WORDS = "i18n"  # the interface words' catalogues (handbook/words.py)


def patterns(hb: Handbook) -> list[tuple[re.Pattern, str, str]]:
    """(pattern, variant, preferred) for every deprecated variant; Latin ones match whole words."""
    out = []
    for entry in [*hb.glossary.terms, *hb.glossary.usage]:
        if entry.deprecated is None:
            continue
        for lang in LANGS:
            preferred = entry.preferred(lang)
            for variant in entry.deprecated(lang):
                latin = variant[0].isascii() and variant[0].isalpha()
                edge = r"(?<![A-Za-z])" if variant[0].isascii() else ""
                tail = r"(?![A-Za-z])" if variant[-1].isascii() else ""
                # a Latin variant also matches with a capital (start of a sentence) and in the plural
                head = f"[{variant[0].upper()}{variant[0].lower()}]" + re.escape(variant[1:]) if latin else re.escape(variant)
                out.append((re.compile(edge + head + ("s?" if tail else "") + tail), variant, preferred))
    return out


def _message(variant: str, preferred: str) -> str:
    return f"'{variant}' is a deprecated variant; write '{preferred}' (data/glossary.yml)"


def _scan_text(display: str, text: str, rules) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, variant, preferred in rules:
            if pattern.search(line):
                problems.append(Problem(display, number, "", _message(variant, preferred)))
    return problems


def data_strings(value, path: PathT = ()):
    """(field path, text) for every string in a parsed data file."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from data_strings(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from data_strings(child, (*path, i))
    elif isinstance(value, str):
        yield path, value


def _allowed(display: str, path: PathT) -> bool:
    """A glossary entry may name its own variants in ``deprecated`` and ``note``."""
    return display == "data/glossary.yml" and len(path) > 2 and path[2] in ("deprecated", "note")


def _scan_data(located: Located, lines: list[str], rules) -> list[Problem]:
    problems = []
    for path, value in data_strings(located.data):
        if _allowed(located.file, path):
            continue
        for pattern, variant, preferred in rules:
            if pattern.search(value):
                start = located.line_of(path)  # the key; a block scalar's text starts below it
                line = next((n for n in range(start, min(start + 30, len(lines)) + 1)
                             if pattern.search(lines[n - 1])), start)
                problems.append(Problem(located.file, line, "", _message(variant, preferred)))
    return problems


def check_terms(root: Path, hb: Handbook) -> list[Problem]:
    rules = patterns(hb)
    problems = []
    for path in sorted((root / "docs").rglob("*.md")):
        problems += _scan_text(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"), rules)
    for path in sorted((root / "data").rglob("*.yml")):
        display = path.relative_to(root).as_posix()
        problems += _scan_data(load_yaml(path, display), path.read_text(encoding="utf-8").splitlines(), rules)
    for path in sorted((root / WORDS).glob("*.yml")):
        problems += _scan_text(path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"), rules)
    return problems
