"""``scripts/check``: the fast source-level check contributors run before a pull request.

No build and no browser: it reads mkdocs.yml, docs/ and data/ and reports every problem
at once as ``path:line: what is wrong; how to fix it``. Each module checks one thing:
:mod:`.pages` (pages in both languages and in nav, markers, heading outlines),
:mod:`.sources` (example and tip boxes say whose they are),
:mod:`.links` (relative links and anchors), :mod:`.terms` (deprecated terms), :mod:`.synonyms`
(search's synonym groups), :mod:`.words` (the interface words' catalogues in i18n/) and
:mod:`.typography` (Chinese spacing and punctuation).
"""

from __future__ import annotations

from pathlib import Path

from ..load import load_handbook
from ..yaml_lines import DataError, Problem
from . import links, pages, sources, synonyms, terms, typography, words


def check(root: Path, fix: bool = False) -> list[Problem]:
    """Every problem in the project at ``root``; ``fix`` rewrites typography first."""
    problems: list[Problem] = []
    try:
        hb = load_handbook(root / "data")
    except DataError as exc:
        problems.extend(exc.problems)
        hb = None
    project = pages.read_project(root, hb, problems)
    problems += pages.check_structure(project)
    problems += sources.check_sources(project)
    problems += links.check_links(project, anchors=hb is not None)  # generated anchors need the data
    if hb is not None:
        problems += terms.check_terms(root, hb)
        problems += synonyms.check_synonyms(root, hb)
    problems += words.check_words(root)
    problems += typography.check_typography(root, fix)
    return problems
