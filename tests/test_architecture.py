"""The house rules of ARCHITECTURE.md, checked on the source: which way imports point."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def imports_of(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...], allow: tuple[str, ...] = ()) -> list[str]:
    return sorted(
        f"{path}: {name}"
        for path, names in imports_of(package).items()
        if not path.startswith(allow)
        for name in names
        if name == forbidden or name.startswith(forbidden)
    )


@pytest.mark.parametrize(
    ("package", "forbidden", "allow"),
    [
        # the rules: pure Python, nothing of ours, no I/O libraries
        (
            "terminal/loyalty",
            (
                "terminal.store",
                "terminal.services",
                "terminal.cli",
                "terminal.ui",
                "terminal.receipts",
                "drivers",
                "sync",
                "sqlalchemy",
                "PySide6",
                "requests",
                "serial",
                "smartcard",
                "escpos",
                "logging",
                "os",
                "socket",
            ),
            (),
        ),
        # hardware in, events out: nothing of the app, no SQL
        ("drivers", ("terminal", "sync", "sqlalchemy", "requests"), ()),
        # only the UI (and the one Qt keyboard hook of the wedge driver) may import Qt
        ("drivers", ("PySide6",), ("drivers/wedge_qt.py",)),
        ("terminal", ("PySide6",), ("terminal/ui",)),
        ("sync", ("PySide6", "terminal.ui", "terminal.services", "terminal.cli"), ()),
        # the cache knows nothing of the use cases or of the screens
        (
            "terminal/store",
            ("terminal.services", "terminal.cli", "terminal.ui", "drivers", "sync"),
            (),
        ),
        ("terminal/services", ("terminal.cli", "terminal.ui"), ()),
        # the window shows state and calls services: no SQL in it (the screenshot tool
        # picks its demo cards by query)
        (
            "terminal/ui",
            ("sqlalchemy", "terminal.store.schema", "terminal.store.queries"),
            ("terminal/ui/screenshots.py",),
        ),
    ],
)
def test_imports_point_one_way(package: str, forbidden: tuple[str, ...], allow: tuple[str, ...]):
    assert offenders(package, forbidden, allow) == []
