"""common/ is what every part of the product shares: it imports only the standard library
(and itself), so that the pure rules, the drivers, the till and the office may all use it;
the one exception is the PIN hash's argon2 in common/pins.py (THIRD_PARTY)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

COMMON = Path(__file__).parents[2] / "common"


#: The one exception, by module: the staff PIN hash (argon2id through argon2-cffi, pinned
#: in pyproject.toml), which the office and the till must compute the same way.
THIRD_PARTY = {"pins.py": {"argon2"}}


def test_common_imports_only_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names) | {"__future__", "common"}
    foreign = []
    for path in sorted(COMMON.glob("*.py")):
        here = allowed | THIRD_PARTY.get(path.name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [(node.module or "") if node.level == 0 else "common"]
            foreign += [f"{path.name}: {n}" for n in names if n.split(".")[0] not in here]
    assert foreign == []
