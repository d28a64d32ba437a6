"""Fixtures of the sync tests: a reference office over real HTTP on loopback, seeded from
the session's demo cache, and terminals enrolled with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pg
import pytest
from officekit import Terminal, enrolled_terminal

from office import admin
from office.db import OfficeDB
from office.server import OfficeServer


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


# --- the same office on SQLite and on PostgreSQL -------------------------------------


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A database of this session on the real PostgreSQL (started here if need be)."""
    with pg.postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def office_db_any(
    request: pytest.FixtureRequest, tmp_path: Path, demo_file: Path
) -> Iterator[OfficeDB]:
    """The seeded office on each backend the office supports."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        pg.reset(url)
    else:
        url = str(tmp_path / "office.sqlite3")
    db = OfficeDB.open(url)
    try:
        admin.seed_from_cache(db, demo_file)
        yield db
    finally:
        db.close()


@pytest.fixture
def office_any(office_db_any: OfficeDB) -> Iterator[OfficeServer]:
    with OfficeServer(office_db_any) as server:
        yield server


@pytest.fixture
def terminal_any(office_any: OfficeServer, tmp_path: Path) -> Iterator[Terminal]:
    with enrolled_terminal(office_any, tmp_path / "till") as t:
        yield t
