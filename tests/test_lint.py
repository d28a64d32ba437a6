"""The type checker and the linter are part of the tests: CI runs `make test` only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
BIN = Path(sys.executable).parent


def test_mypy_strict_is_clean() -> None:
    proc = subprocess.run(
        [str(BIN / "mypy"), "--no-error-summary"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_is_clean() -> None:
    proc = subprocess.run(
        [str(BIN / "ruff"), "check", "--no-cache", "terminal", "drivers", "sync", "tests",
         "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
