"""The office's fixtures, shared by tests/office and tests/sync (each conftest imports
them): a reference office over real HTTP on loopback, seeded from the session's demo
cache through a seed file (loyalty-terminal export-seed, python -m office import-seed),
on SQLite and on the real PostgreSQL, and terminals enrolled with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pg
import pytest
from officekit import Terminal, enrolled_terminal

from office.db import OfficeDB
from office.seed import import_seed
from office.server import OfficeServer
from terminal.cli.seed_cmd import write_seed
from terminal.store.database import Database


@pytest.fixture(scope="session")
def demo_seed(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's demo cache as a seed file, written once."""
    path = tmp_path_factory.mktemp("seed") / "demo.jsonl"
    with Database.open(demo_file) as db:
        write_seed(db, path)
    return path


@pytest.fixture
def office_db(tmp_path: Path, demo_seed: Path) -> Iterator[OfficeDB]:
    db = OfficeDB.open(str(tmp_path / "office.sqlite3"))
    import_seed(db, demo_seed)
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
    request: pytest.FixtureRequest, tmp_path: Path, demo_seed: Path
) -> Iterator[OfficeDB]:
    """The seeded office on each backend the office supports."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        pg.reset(url)
    else:
        url = str(tmp_path / "office.sqlite3")
    db = OfficeDB.open(url)
    try:
        import_seed(db, demo_seed)
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
