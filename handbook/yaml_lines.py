"""Load YAML and remember the line of every value, for error messages.

PyYAML forgets positions once it builds Python objects, so we walk the node
tree ourselves and record ``path -> line`` (1-based) for every mapping key
and sequence item. Duplicate keys, which YAML would silently overwrite, are
reported instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser is about ten times faster than the pure-Python one; both keep marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathT = tuple[str | int, ...]


@dataclass
class Problem:
    """One thing wrong in a data file, printed as ``file:line: path: message``."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so a contributor fixes them in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Located:
    """A parsed YAML document with the line of each path in it."""

    file: str
    data: Any
    lines: dict[PathT, int] = field(default_factory=dict)

    def line_of(self, path: PathT) -> int:
        """Line of ``path`` or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def format_path(path: PathT) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_yaml(path: Path, display: str) -> Located:
    """Parse ``path``; ``display`` is the name used in messages (``data/roles.yml``)."""
    text = path.read_text(encoding="utf-8")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        located = Located(display, None)
        if node is not None:
            located.data = _build(loader, node, (), located)
        return located
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise DataError(
            [Problem(display, line, "", f"invalid YAML: {exc.problem or exc}; check indentation and quoting")]
        ) from None
    finally:
        loader.dispose()


def _build(loader: _Loader, node: yaml.Node, path: PathT, out: Located) -> Any:
    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            child = (*path, key)
            if key in result:
                raise DataError(
                    [
                        Problem(
                            out.file,
                            key_node.start_mark.line + 1,
                            format_path(child),
                            f"duplicate key '{key}' (first on line {out.lines[child]}); keep only one",
                        )
                    ]
                )
            out.lines[child] = key_node.start_mark.line + 1
            result[key] = _build(loader, value_node, child, out)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, i), out) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
