"""The rules' modules form a graph without circles: every import at the top of its module,
none late (inside a function) or only for the type checker, and nothing of ours but the
shared base (common/)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "terminal" / "loyalty"


def _module(path: Path) -> str:
    name = "terminal.loyalty"
    return name if path.stem == "__init__" else f"{name}.{path.stem}"


def _imports(tree: ast.Module) -> list[tuple[ast.stmt, str]]:
    found: list[tuple[ast.stmt, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"line {node.lineno}: a relative import"
            found.append((node, node.module or ""))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[_module(path)] = {
            name for _, name in _imports(tree) if name.startswith("terminal.loyalty.")
        }
    return graph


def test_every_import_is_at_the_top_of_its_module() -> None:
    late = []
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = set(map(id, tree.body))
        late += [f"{path.name}:{node.lineno}" for node, _ in _imports(tree) if id(node) not in top]
    assert late == []


def test_nothing_of_ours_but_the_rules_and_the_shared_base() -> None:
    allowed = set(sys.stdlib_module_names) | {"__future__", "common", "terminal"}
    foreign = []
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for _, name in _imports(tree):
            top = name.split(".")[0]
            ours_not_rules = top == "terminal" and not name.startswith("terminal.loyalty")
            if top not in allowed or ours_not_rules:
                foreign.append(f"{path.name}: {name}")
    assert foreign == []


def test_the_modules_import_each_other_without_a_circle() -> None:
    graph = _graph()
    # The package re-exports every module: leave it out, as its modules never import it.
    del graph["terminal.loyalty"]
    assert all("terminal.loyalty" not in deps for deps in graph.values())
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path[path.index(module) :], module))
        if module in done:
            return
        for dep in sorted(graph.get(module, set())):
            visit(dep, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())
