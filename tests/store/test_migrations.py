"""The migrations build exactly the schema the code declares, and upgrade keeps data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from terminal.store.database import APPLICATION_ID, HEAD_REVISION, Database
from terminal.store.migrate import alembic_config, head_revision
from terminal.store.schema import metadata


def test_head_is_the_newest_migration() -> None:
    assert head_revision() == HEAD_REVISION


def test_migrated_schema_equals_the_declared_one(db: Database) -> None:
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diffs == []


def test_upgrade_from_the_first_release_keeps_operations(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with Database.open(path, migrate=False) as old, old.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.exec_driver_sql(
            "INSERT INTO operations (id, seq, kind, created_at) "
            "VALUES ('00000000-0000-4000-8000-000000000001', 1, 'purchase', 'x')"
        )
        conn.exec_driver_sql(
            "INSERT INTO outbox (op_id, seq, payload) VALUES "
            "('00000000-0000-4000-8000-000000000001', 1, '{}')"
        )
    with Database.open(path) as new:
        assert new.revision() == HEAD_REVISION
        with new.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 1
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
