"""No import cycle inside handbook/: the loader, the cross-references and the renderers import one
another in one direction only (models → book → render → situations → load → check)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = "handbook"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(root: Path) -> dict[str, set[str]]:
    """module → the handbook modules it imports, anywhere in its body (a function-local import
    that dodges a cycle still counts). Importing ``a.b.c`` runs ``a.b`` first, so that counts too,
    unless ``a.b`` is a package the importer is itself inside (Python has started it already)."""
    modules = {module_name(p, root): p for p in sorted((root / PACKAGE).rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    stem = ".".join(base + ([node.module] if node.module else []))
                else:
                    stem = node.module or ""
                targets.add(stem)
                targets |= {f"{stem}.{alias.name}" for alias in node.names if f"{stem}.{alias.name}" in modules}
        edges: set[str] = set()
        ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        for target in targets:
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                step = ".".join(parts[:i])
                if step in modules and step != name and step not in ancestors:
                    edges.add(step)
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_import_graph_is_read():
    graph = imports(ROOT)
    assert "handbook.render" in graph["handbook.situations"], graph["handbook.situations"]
    assert "handbook.book" in graph["handbook.render.roles"], graph["handbook.render.roles"]
    assert "handbook.render" not in graph["handbook.render.roles"]  # its own package: started first


def test_handbook_has_no_import_cycle():
    assert find_cycle(imports(ROOT)) is None, " → ".join(find_cycle(imports(ROOT)))
