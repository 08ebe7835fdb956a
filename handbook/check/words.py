"""Interface words (i18n/<lang>.yml, handbook/words.py): every language's catalogue has the same
keys, and every key is used somewhere in handbook/, hooks/ or overrides/.

A key counts as used when the code names it: as a quoted string (``word("role", lang)``, or a
data value such as ``"hardware"`` that names its own label), as ``words.key`` or
``words["key"]`` in a template, or through a family: a string that ends at an underscore and
goes on with a value (``f"form_{…}"``, ``"lane_" + lane``, the browser scripts' ``"search_"``)
uses every key that starts with it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..nav import languages, read_config
from ..words import FOLDER, read_catalogue
from ..yaml_lines import DataError, Located, Problem

CODE = (("handbook", "*.py"), ("handbook", "*.html"), ("handbook", "*.xml"), ("hooks", "*.py"), ("overrides", "*.html"),
        ("overrides", "*.js"))
# Every text between two quotes (overlapping, so each quote starts one): a key used as "key" or 'key'.
QUOTED = re.compile(r"""(?=["']([^"']*)["'])""")
FAMILY = re.compile(r"""f?["']([a-z][a-z0-9-]*_)(?=\{|["'])""")
NAME = "language_english"  # the trait that names a catalogue's language in English


def catalogues(root: Path, problems: list[Problem]) -> dict[str, Located]:
    """The catalogue of every language mkdocs.yml lists, in its order."""
    found = {}
    langs = languages(read_config(root / "mkdocs.yml"))
    for lang in langs:
        display = f"{FOLDER}/{lang}.yml"
        path = root / display
        if not path.is_file():
            problems.append(Problem(display, 1, "", f"no catalogue for {lang!r}, which mkdocs.yml lists; "
                                                    f"copy {FOLDER}/{next(iter(found), langs[0])}.yml and translate it"))
            continue
        try:
            found[lang] = read_catalogue(path, display)
        except DataError as exc:
            problems.extend(exc.problems)
    return found


def _missing(found: dict[str, Located]) -> list[Problem]:
    problems = []
    every: dict[str, tuple[str, Located]] = {}
    for lang, located in found.items():
        for key in located.data:
            every.setdefault(key, (lang, located))
    for lang, located in found.items():
        for key, (first, has) in every.items():
            if key not in located.data:
                order = list(has.data)
                before = next((k for k in reversed(order[:order.index(key)]) if k in located.data), None)
                line = located.line_of((before,)) if before is not None else 1
                problems.append(Problem(located.file, line, "",
                                        f"no word {key!r} ({has.file}:{has.line_of((key,))} has it); "
                                        f"add `{key}: …` in {located.data.get(NAME, lang)} after this line"))
    return problems


def code_text(root: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8")
                     for folder, pattern in CODE for path in sorted((root / folder).rglob(pattern)))


def _unused(found: dict[str, Located], code: str) -> list[Problem]:
    if not found:
        return []
    located = next(iter(found.values()))
    families = tuple(set(FAMILY.findall(code)))
    quoted = set(QUOTED.findall(code))  # one pass over the code, not one per key
    problems = []
    for key in located.data:
        if key.startswith(families) or key in quoted or re.search(rf"\bwords\.{re.escape(key)}\b", code):
            continue
        problems.append(Problem(located.file, located.line_of((key,)), "",
                                f"the word {key!r} is used nowhere in handbook/, hooks/ or overrides/; "
                                f"remove it from every catalogue in {FOLDER}/"))
    return problems


def check_words(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    found = catalogues(root, problems)
    return problems + _missing(found) + _unused(found, code_text(root))
