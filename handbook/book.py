"""The handbook's data, validated and cross-referenced: what handbook/load.py builds and every
renderer reads. Immutable: a frozen dataclass whose lookups are read-only mappings, built once
by :func:`handbook.load.load_handbook`. Its own module, so the renderers (which the loader needs
to resolve the situations' answers) never import the loader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .course import CourseFile, RoleplaysFile
from .models import (
    Blueprint,
    ChangesFile,
    GlossaryFile,
    PhrasesFile,
    QuizFile,
    RolesFile,
    SearchFile,
    SituationsFile,
    StandardsFile,
)

NOTHING: Mapping = MappingProxyType({})


@dataclass(frozen=True)
class Handbook:
    """Everything in ``data/``, validated, with lookups by id."""

    roles: RolesFile
    standards: StandardsFile
    phrases: PhrasesFile
    blueprints: Mapping[str, Blueprint]
    glossary: GlossaryFile
    quizzes: QuizFile
    situations: SituationsFile
    search: SearchFile
    course: CourseFile
    roleplays: RoleplaysFile
    # (lang, page) → the first heading of each page a session teaches
    page_titles: Mapping[tuple[str, str], str]
    # (lang, page, anchor) → title of the section a situation's answer points at
    answer_titles: Mapping[tuple[str, str, str | None], str]
    changes: ChangesFile = field(default_factory=ChangesFile)  # data/changes.yml: What's new

    def role(self, role_id: str):
        return next(r for r in self.roles.roles if r.id == role_id)

    def standard(self, standard_id: str):
        return next(s for s in self.standards.standards if s.id == standard_id)

    def quiz(self, quiz_id: str):
        return next(q for q in self.quizzes.quizzes if q.id == quiz_id)

    def session(self, session_id: str):
        return next(s for s in self.course.sessions if s.id == session_id)

    def chapter(self, chapter_id: str):
        return next(c for c in self.course.chapters if c.id == chapter_id)
