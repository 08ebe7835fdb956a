"""JSON Schemas for the data files, generated from the models.

Editors (VS Code's YAML extension and others) read the
``# yaml-language-server: $schema=…`` line at the top of each data file and
validate and complete it while typing. ``python -m handbook.schema`` rewrites
``schemas/``; a test fails when the checked-in files fall behind the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .course import CourseFile, RoleplaysFile
from .models import (Blueprint, ChangesFile, GlossaryFile, PhrasesFile, QuizFile, RolesFile, SearchFile,
                     SituationsFile, StandardsFile)

SCHEMAS: dict[str, type[BaseModel]] = {
    "roles": RolesFile,
    "standards": StandardsFile,
    "phrases": PhrasesFile,
    "glossary": GlossaryFile,
    "blueprint": Blueprint,
    "quiz": QuizFile,
    "situations": SituationsFile,
    "search": SearchFile,
    "changes": ChangesFile,
    "course": CourseFile,
    "roleplays": RoleplaysFile,
}


def schema_text(model: type[BaseModel]) -> str:
    return json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def write(out_dir: Path) -> None:
    out_dir.mkdir(exist_ok=True)
    for name, model in SCHEMAS.items():
        (out_dir / f"{name}.schema.json").write_text(schema_text(model), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas"))
