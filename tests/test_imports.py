"""Imports follow the data flow (DESIGN.md): a module imports only from its own stage or from earlier ones, and
there is no import circle, counting imports made inside functions too (so none of those dodges one).

Read from the source with ``ast``: what is checked is every ``import`` statement of ``src/claimgraph``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "claimgraph"
# The stages in data-flow order; a module may import from its own stage and the ones before it.
STAGES = [
    {"", "errors", "config", "dates", "document", "analysis_types", "ids", "schema", "demo"},  # vocabulary, data
    {"sources"},
    {"analyze"},
    {"store"},
    {"link"},
    {"story"},  # the story JSON assembled from the analyses and the links
    {"ingest"},
    {"views", "scale"},
    {"commands"},
    {"cli", "__main__"},
]
RANK = {name: rank for rank, names in enumerate(STAGES) for name in names}


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ["claimgraph", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(known: dict[str, Path]) -> list[tuple[str, str, int]]:
    """(importer, imported module, line) for every import of a claimgraph module, wherever it is written.
    Importing ``a.b.c`` runs the packages ``a`` and ``a.b`` first: they count as imported too."""
    out = []
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in known else module for a in node.names]
            for target in targets:
                parts = target.split(".")
                for i in range(1, len(parts) + 1):
                    prefix = ".".join(parts[:i])
                    if prefix in known and not (name + ".").startswith(prefix + "."):  # not itself, nor its own package
                        out.append((name, prefix, node.lineno))
    return out


def stage(module: str) -> str:
    return (module.split(".") + [""])[1]


def test_every_module_has_a_stage():
    assert {stage(m) for m in modules()} <= RANK.keys(), "add the new top-level module or package to STAGES"


def test_no_module_imports_from_a_later_stage():
    known = modules()
    backwards = [
        f"{a} imports {b} (line {line})"
        for a, b, line in imports(known)
        if RANK.get(stage(a), 0) < RANK.get(stage(b), 0)
    ]
    assert backwards == []


def test_no_import_circle():
    known = modules()
    graph: dict[str, set[str]] = {m: set() for m in known}
    for a, b, _ in imports(known):
        graph[a].add(b)
    circles = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                circles.append(" -> ".join(path[path.index(n) :] + [n]))
            elif n not in state:
                visit(n)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert circles == []
