"""Synonym groups that search can use: at least one word of each group must occur in the
handbook, or the group only makes queries slower (data/search.yml)."""

from __future__ import annotations

from pathlib import Path

from ..book import Handbook
from ..nav import LANGS
from ..search.terms import CJK, TOKEN, normalize, stem
from ..yaml_lines import Problem, load_yaml
from .terms import data_strings


def _occurs(member: str, text: str, stems: set[str]) -> bool:
    words = TOKEN.findall(normalize(member))
    return all(w in text if CJK.fullmatch(w) else stem(w) in stems for w in words)


def check_synonyms(root: Path, hb: Handbook) -> list[Problem]:
    located = load_yaml(root / "data" / "search.yml", "data/search.yml")
    data_text = [text for path in sorted((root / "data").rglob("*.yml"))
                 if path.name != "search.yml" for _, text in data_strings(load_yaml(path, path.name).data)]
    problems = []
    for lang in LANGS:
        pages = [p.read_text(encoding="utf-8") for p in sorted((root / "docs" / lang).rglob("*.md"))]
        text = normalize("\n".join(pages + data_text))
        stems = {stem(w) for w in set(TOKEN.findall(text)) if not CJK.fullmatch(w)}  # each word stemmed once
        for i, group in enumerate(hb.search.synonyms(lang)):
            if not any(_occurs(member, text, stems) for member in group):
                problems.append(Problem("data/search.yml", located.line_of(("synonyms", lang, i)), f"synonyms.{lang}[{i}]",
                                        f"none of {', '.join(group)} occurs in the handbook; remove the group or "
                                        "add a word the pages use"))
    return problems
