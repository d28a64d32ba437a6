"""Fixtures shared by the store, services and CLI tests: real SQLite files in tmp dirs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from logcheck import fail_on_unexpected_warnings
from otheruser import OtherUser, other_user

from common import pins
from common.clock import FixedClock
from terminal.services import demo_data
from terminal.store.database import Database

DEMO_MEMBERS = 2000

# PIN hashes at the smallest argon2id cost in this process and the ones it starts (the
# office, the CLI): common/pins.py. tests/services/test_pins.py checks the real cost.
os.environ[pins.TEST_ENV] = "1"

__all__ = ["fail_on_unexpected_warnings"]  # autouse: an unexpected WARNING log fails a test


@pytest.fixture(scope="session")
def other() -> OtherUser:
    """A real second, unprivileged user (tests/otheruser.py; created if missing)."""
    return other_user()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A new, empty (migrated) cache."""
    with Database.open(tmp_path / "cache.sqlite3") as database:
        yield database


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo cache built once per session; copy it before writing (see demo_db)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with Database.open(path) as database, database.write() as conn:
        demo_data.fill(conn, DEMO_MEMBERS)
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private, writable copy of the demo cache."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)  # its mode too: 0600, as the till makes its files
    with Database.open(path) as database:
        yield database


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 22, 10, 30, tzinfo=UTC))
