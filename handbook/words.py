"""Interface words: one catalogue per language, ``i18n/<lang>.yml``, with the same keys in each.

Everything the handbook says around its data (labels, notices, the page foot, template and
browser-script words) is looked up here with :func:`word`; the templates get the page's
catalogue as ``words`` (hooks/interface_text.py) and the browser scripts read theirs from the
``hb-words`` JSON island that overrides/main.html writes. Adding a word is one line in every
catalogue; ``scripts/check`` (handbook/check/words.py) reports a key missing in a language
or used nowhere, and deprecated glossary terms in the catalogues.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from .nav import MKDOCS_YML
from .yaml_lines import DataError, Located, Problem, load_yaml

FOLDER = "i18n"
CATALOGUES = MKDOCS_YML.parent / FOLDER


class WordError(LookupError):
    """A word asked for that a catalogue does not have; the message says where it was asked."""

    def __str__(self) -> str:
        return str(self.args[0])


def read_catalogue(path: Path, display: str) -> Located:
    """One catalogue, its lines remembered; every value must be a non-empty string."""
    located = load_yaml(path, display)
    if not isinstance(located.data, dict):
        raise DataError([Problem(display, 1, "", "a catalogue is a mapping of key: word")])
    bad = [Problem(display, located.line_of((key,)), str(key), "a word must be non-empty text; quote it")
           for key, value in located.data.items() if not isinstance(value, str) or not value]
    if bad:
        raise DataError(bad)
    return located


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """Every word of ``lang``, read once per process."""
    path = CATALOGUES / f"{lang}.yml"
    if not path.is_file():
        raise WordError(f"no catalogue {FOLDER}/{lang}.yml for language {lang!r}; copy {FOLDER}/en.yml and translate it")
    return MappingProxyType(read_catalogue(path, f"{FOLDER}/{lang}.yml").data)


def word(key: str, lang: str) -> str:
    """The word ``key`` in ``lang``; a missing key names the file and line that asked for it."""
    words = catalogue(lang)
    try:
        return words[key]
    except KeyError:
        caller = sys._getframe(1)
        where = f"{Path(caller.f_code.co_filename).name}:{caller.f_lineno}"
        raise WordError(f"{where}: no word {key!r} in {FOLDER}/{lang}.yml; "
                        f"add `{key}: …` to every catalogue in {FOLDER}/") from None
