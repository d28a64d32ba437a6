"""The house rules of ARCHITECTURE.md, checked on the source: which way imports point, no
import circles, and modules that stay small.

Every import counts: relative ones (resolved), the ones inside functions and classes, and
the ones under ``if TYPE_CHECKING:``; a late or type-only import is still a dependency.
"""

from __future__ import annotations

import ast
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PRODUCT = ("common", "terminal", "drivers", "sync", "office")
OURS = (*PRODUCT, "benchmarks", "tests")  # tests and benchmarks may import anything
TILL = ("common", "terminal", "drivers", "sync")
MAX_LINES = 400

# The allowed dependency graph, declared once: each part of the product and what of ours
# it may import besides itself. A module belongs to the longest name here that is it or
# one of its packages; every module of the product belongs to one.
LAYERS: dict[str, tuple[str, ...]] = {
    "terminal": (),  # the package itself (its __init__); its parts are below
    "common": (),
    "terminal.loyalty": ("common",),
    "drivers": ("common",),
    "terminal.store": ("terminal.loyalty", "common"),
    "terminal.receipts": ("terminal.loyalty", "terminal.store", "drivers.printer", "common"),
    "terminal.services": (
        "terminal.loyalty",
        "terminal.store",
        "terminal.receipts",
        "drivers",
        "common",
    ),
    # the widgets show state and call services; they bridge the readers' events and the
    # sync worker's status into Qt (the worker itself is started by the composition root)
    "terminal.ui": (
        "terminal.services",
        "terminal.loyalty",
        "terminal.receipts",
        "drivers",
        "sync.worker",
        "common",
    ),
    # the composition root: the command line, the configuration, the app's start-up and
    # the screenshot tool put the whole till together
    "terminal.cli": TILL,
    "terminal.config": TILL,
    "terminal.ui.app": TILL,
    "terminal.ui.screenshots": TILL,
    "sync": ("terminal.store", "terminal.loyalty", "common"),
    # the office is a product of its own: the wire and the pure rules, nothing else of
    # the till (and nothing of the till imports it)
    "office": ("sync.protocol", "sync.wire_spend", "terminal.loyalty", "common"),
}

# Libraries: (the rule, where it holds, the libraries it forbids there, the exceptions).
LIBRARY_RULES: list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = [
    (
        "only the UI and the wedge driver's Qt keyboard hook import Qt",
        PRODUCT,
        ("PySide6", "shiboken6"),
        ("terminal.ui", "drivers.wedge_qt"),
    ),
    ("in the till, SQL lives in the store", TILL, ("sqlalchemy", "alembic"), ("terminal.store",)),
    (
        "the till talks HTTP in sync only",
        ("terminal", "drivers", "common"),
        ("requests", "urllib3"),
        (),
    ),
]
# The rules are pure Python: of the standard library only what does no I/O.
PURE_LIBRARIES = frozenset(
    "__future__ abc bisect calendar collections dataclasses datetime decimal enum fractions"
    " functools heapq itertools math numbers operator re string types typing".split()
)


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # the importing module
    name: str  # what it imports, absolute: ``pkg.mod`` or ``pkg.mod.name``
    line: int


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    """The dotted name of a source file, and whether it is a package's ``__init__``."""
    parts = path.relative_to(root).with_suffix("").parts
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def imports_in(source: str, module: str, is_package: bool) -> Iterator[Import]:
    """Every import of one module, anywhere in it, as absolute names. ``from X import n``
    gives ``X.n``: n may be a module of X or a name defined in X."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (Import(module, alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                assert len(base) == len(package) - node.level + 1, f"{module}: beyond the top"
                base_name = ".".join([*base, *([node.module] if node.module else [])])
            else:
                base_name = node.module or ""
            for alias in node.names:
                name = base_name if alias.name == "*" else f"{base_name}.{alias.name}"
                yield Import(module, name, node.lineno)


@dataclass(frozen=True, slots=True)
class Tree:
    files: dict[str, Path]  # module -> file
    imports: dict[str, list[Import]]

    @classmethod
    def read(cls, root: Path, tops: Iterable[str]) -> Tree:
        files: dict[str, Path] = {}
        imports: dict[str, list[Import]] = {}
        for top in tops:
            for path in sorted((root / top).rglob("*.py")):
                name, is_package = module_name(path, root)
                files[name] = path
                text = path.read_text(encoding="utf-8")
                imports[name] = list(imports_in(text, name, is_package))
        return cls(files, imports)

    def owner(self, name: str) -> str | None:
        """The module of ours that an imported name is (or is defined in), if any."""
        while name and name not in self.files:
            name = name.rpartition(".")[0]
        return name or None

    def graph(self) -> dict[str, set[str]]:
        edges: dict[str, set[str]] = defaultdict(set)
        for module, found in self.imports.items():
            for imp in found:
                target = self.owner(imp.name)
                if target is not None and target != module:
                    edges[module].add(target)
        return edges

    def where(self, imp: Import, shown: str) -> str:
        return f"{self.files[imp.module].relative_to(ROOT)}:{imp.line}: {shown}"


def listed(why: str, offenders: list[str]) -> str:
    return "\n    ".join([f"{why}; {len(offenders)} offender(s):", *offenders])


def within(name: str, prefixes: Iterable[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def layer_of(module: str) -> str | None:
    matches = [layer for layer in LAYERS if within(module, [layer])]
    return max(matches, key=len) if matches else None


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import circles: for every import inside a strongly connected group of modules,
    the shortest way back to where it started; each circle once, from its first module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while (top := stack.pop()) != node:
                group.add(top)
            groups.append(group | {node})

    for node in sorted(edges):
        if node not in index:
            visit(node)
    found: set[tuple[str, ...]] = set()
    for group in (g for g in groups if len(g) > 1):
        for start in sorted(group):
            for nxt in sorted(edges[start] & group):
                path = shortest_path(edges, nxt, start, group)
                ring = [start, *path[:-1]]
                first = ring.index(min(ring))
                found.add(tuple(ring[first:] + ring[:first]))
    return [[*ring, ring[0]] for ring in sorted(found)]


def shortest_path(edges: dict[str, set[str]], src: str, dst: str, inside: set[str]) -> list[str]:
    came: dict[str, str | None] = {src: None}
    todo = deque([src])
    while todo:
        node = todo.popleft()
        if node == dst:
            path = [node]
            while (prev := came[path[-1]]) is not None:
                path.append(prev)
            return path[::-1]
        for nxt in sorted(edges.get(node, set()) & inside):
            if nxt not in came:
                came[nxt] = node
                todo.append(nxt)
    raise AssertionError(f"{dst} is not reachable from {src}")


@pytest.fixture(scope="module")
def tree() -> Tree:
    return Tree.read(ROOT, OURS)


def test_the_reader_sees_relative_late_and_type_checking_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from . import a\n")
    (pkg / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from pkg.sub.c import C\n"
        "def f():\n    import pkg.b\n    from .sub import c\n"
    )
    (pkg / "b.py").write_text("from .a import f\n")
    (pkg / "sub" / "__init__.py").write_text("from .. import b\n")
    (pkg / "sub" / "c.py").write_text("from ..a import *\n")
    t = Tree.read(tmp_path, ["pkg"])
    assert {k: sorted(i.name for i in v) for k, v in t.imports.items()} == {
        "pkg": ["pkg.a"],
        "pkg.a": ["pkg.b", "pkg.sub.c", "pkg.sub.c.C", "typing.TYPE_CHECKING"],
        "pkg.b": ["pkg.a.f"],
        "pkg.sub": ["pkg.b"],
        "pkg.sub.c": ["pkg.a"],
    }
    assert t.owner("pkg.sub.missing") == "pkg.sub" and t.owner("typing") is None
    assert cycles(t.graph()) == [
        ["pkg.a", "pkg.b", "pkg.a"],
        ["pkg.a", "pkg.sub.c", "pkg.a"],
    ]


def test_every_module_of_the_product_has_a_layer(tree: Tree) -> None:
    product = [m for m in tree.files if within(m, PRODUCT)]
    assert product
    assert [m for m in product if layer_of(m) in (None, "terminal") and m != "terminal"] == []
    declared = {*LAYERS, *(name for allowed in LAYERS.values() for name in allowed)}
    assert sorted(name for name in declared if name not in tree.files) == [], "no such module"


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_each_part_imports_only_what_it_may(tree: Tree, layer: str) -> None:
    allowed = LAYERS[layer]
    offenders = sorted(
        {
            tree.where(imp, target)
            for module, found in tree.imports.items()
            if layer_of(module) == layer
            for imp in found
            if (target := tree.owner(imp.name)) is not None
            and layer_of(target) != layer
            and not within(target, allowed)
        }
    )
    why = f"{layer} may import only {', '.join(allowed) or 'nothing of ours'}"
    assert offenders == [], listed(why, offenders)


@pytest.mark.parametrize(
    ("rule", "scope", "forbidden", "exempt"), LIBRARY_RULES, ids=[r[0] for r in LIBRARY_RULES]
)
def test_libraries_stay_where_they_belong(
    tree: Tree,
    rule: str,
    scope: tuple[str, ...],
    forbidden: tuple[str, ...],
    exempt: tuple[str, ...],
) -> None:
    offenders = sorted(
        {
            tree.where(imp, imp.name.split(".")[0])
            for module, found in tree.imports.items()
            if within(module, scope) and not within(module, exempt)
            for imp in found
            if within(imp.name, forbidden)
        }
    )
    assert offenders == [], listed(rule, offenders)


def test_the_rules_do_no_io(tree: Tree) -> None:
    offenders = sorted(
        {
            tree.where(imp, imp.name.split(".")[0])
            for module, found in tree.imports.items()
            if within(module, ["terminal.loyalty"])
            for imp in found
            if tree.owner(imp.name) is None and imp.name.split(".")[0] not in PURE_LIBRARIES
        }
    )
    assert offenders == [], listed("terminal.loyalty is pure Python: no I/O", offenders)


def test_no_import_circles(tree: Tree) -> None:
    found = [" -> ".join(ring) for ring in cycles(tree.graph())]
    assert found == [], listed("import circles (late and type-only imports count)", found)


def test_modules_stay_small(tree: Tree) -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in [*tree.files.values(), *(ROOT / "resources").rglob("*.py")]
        if "migrations" not in path.parts
    }
    assert sizes
    big = [f"{path}: {n} lines" for path, n in sorted(sizes.items()) if n > MAX_LINES]
    assert big == [], listed(f"at most {MAX_LINES} lines a module: split by job", big)
