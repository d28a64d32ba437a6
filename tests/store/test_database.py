"""The cache file: its SQLite settings, its identity, its migrations, bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from terminal.store.database import APPLICATION_ID, HEAD_REVISION, Database
from terminal.store.errors import StoreError
from terminal.store.migrate import head_revision
from terminal.store.schema import cards


def test_connections_are_durable_and_checked(db: Database) -> None:
    with db.read() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }


def test_file_is_marked_as_ours_and_at_head(db: Database) -> None:
    with sqlite3.connect(db.path) as raw:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.revision() == HEAD_REVISION == head_revision()
    assert db.integrity_check() == []


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with Database.open(path) as first, first.write() as conn:
        conn.execute(insert(cards), [{"id": 1, "number": "1", "kind": "bearer", "state": "active"}])
    with Database.open(path) as again, again.read() as conn:
        assert conn.exec_driver_sql("SELECT number FROM cards").scalar() == "1"
        assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.write() as conn:
        conn.execute(
            insert(cards),
            [{"id": 1, "number": "1", "kind": "personal", "state": "active", "member_id": 99}],
        )


def test_write_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as conn:
        conn.execute(insert(cards), [{"id": 1, "number": "1", "kind": "bearer", "state": "active"}])
        raise RuntimeError("boom")
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM cards").scalar() == 0


@pytest.mark.expected_log(r"the cache .* could be read by other users: made mode 600")
def test_empty_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch(mode=0o644)  # made by hand, as umask 022 leaves it
    with Database.open(path) as database:
        assert database.revision() == HEAD_REVISION
    assert path.stat().st_mode & 0o777 == 0o600  # ours, so made private


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.write_bytes(b"\x00garbage, not sqlite" * 50), "not_a_database"),
        (lambda p: p.write_text("name,phone\nAnna,+7916\n"), "not_a_database"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
            "foreign_database",
        ),
        (
            lambda p: sqlite3.connect(p).execute("PRAGMA application_id = 42").connection.commit(),
            "foreign_database",
        ),
        (lambda p: p.mkdir(), "not_a_file"),
    ],
    ids=["binary", "csv", "other-app-tables", "other-app-id", "directory"],
)
def test_bad_files_are_refused_and_left_untouched(tmp_path: Path, make: object, code: str) -> None:
    path = tmp_path / "x.sqlite3"
    make(path)  # type: ignore[operator]
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(StoreError) as err:
        Database.open(path)
    assert err.value.code == code
    assert str(path) in str(err.value)
    assert (path.read_bytes() if path.is_file() else None) == before


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Database.open(tmp_path / "nope.sqlite3", create=False)
    assert err.value.code == "missing"
    assert not (tmp_path / "nope.sqlite3").exists()
