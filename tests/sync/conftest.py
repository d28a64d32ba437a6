"""Fixtures of the sync tests: a reference office over real HTTP on loopback, seeded from
the session's demo cache, and terminals enrolled with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from officekit import Terminal, enrolled_terminal

from sync.office import admin
from sync.office.db import OfficeDB
from sync.office.server import OfficeServer


@pytest.fixture
def office_db(tmp_path: Path, demo_file: Path) -> Iterator[OfficeDB]:
    db = OfficeDB.open(str(tmp_path / "office.sqlite3"))
    admin.seed_from_cache(db, demo_file)
    yield db
    db.close()


@pytest.fixture
def office(office_db: OfficeDB) -> Iterator[OfficeServer]:
    with OfficeServer(office_db) as server:
        yield server


@pytest.fixture
def terminal(office: OfficeServer, tmp_path: Path) -> Iterator[Terminal]:
    with enrolled_terminal(office, tmp_path / "till") as t:
        yield t
