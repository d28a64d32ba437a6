"""The type checker, the linter and the formatter are part of the tests: CI runs `make test`
only (`make check` runs the same three without the rest)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
BIN = Path(sys.executable).parent
SOURCES = ["common", "terminal", "drivers", "sync", "office", "tests", "benchmarks"]


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)


def test_mypy_strict_is_clean() -> None:
    proc = run(str(BIN / "mypy"), "--no-error-summary")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_is_clean() -> None:
    proc = run(str(BIN / "ruff"), "check", "--no-cache", *SOURCES)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_tree_is_formatted() -> None:
    proc = run(str(BIN / "ruff"), "format", "--check", "--no-cache", *SOURCES)
    assert proc.returncode == 0, proc.stdout + proc.stderr
