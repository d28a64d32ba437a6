"""The office tests' fixtures, from tests/officefixtures.py (shared with tests/sync)."""

from __future__ import annotations

from officefixtures import (
    demo_seed,
    office,
    office_any,
    office_db,
    office_db_any,
    pg_url,
    terminal,
    terminal_any,
)

__all__ = [
    "demo_seed",
    "office",
    "office_any",
    "office_db",
    "office_db_any",
    "pg_url",
    "terminal",
    "terminal_any",
]
