"""The office's own migrations, on SQLite and on the real PostgreSQL: a new database built
by them is the schema the code declares, and a database made before them (by
metadata.create_all, as every office was until now) is stamped at the baseline and keeps
its data."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, insert, select, text

from office import admin
from office.db import OfficeDB
from office.migrate import BASELINE_TABLES, HEAD, NotAnOfficeDatabase, head_revision, revision
from office.models import members, metadata, terminals


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend the office supports."""
    if request.param == "postgresql":
        pg_url = str(request.getfixturevalue("pg_url"))
        pg.reset(pg_url)
        yield pg_url
    else:
        yield f"sqlite:///{tmp_path / 'office.sqlite3'}"


def _differences(db: OfficeDB) -> list[object]:
    with db.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), metadata))


def test_head_is_the_newest_migration() -> None:
    assert head_revision() == HEAD


def test_a_new_database_by_the_migrations_is_the_declared_schema(url: str) -> None:
    db = OfficeDB.open(url)
    try:
        assert _differences(db) == []
        with db.engine.connect() as conn:
            assert revision(conn) == HEAD
    finally:
        db.close()


def test_a_database_from_before_the_migrations_is_stamped_and_keeps_its_data(url: str) -> None:
    engine = create_engine(url)
    try:
        # how OfficeDB.open made every office until now: the baseline's tables
        metadata.create_all(engine, tables=[metadata.tables[n] for n in BASELINE_TABLES])
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP INDEX ix_operations_terminal_seq")  # from 0002 on
            conn.exec_driver_sql("ALTER TABLE gifts DROP COLUMN names")  # from 0005 on
            conn.execute(
                insert(terminals), [{"name": "Till 1", "enrolled_at": "2026-11-22T10:00:00Z"}]
            )
    finally:
        engine.dispose()
    db = OfficeDB.open(url)
    try:
        with db.engine.connect() as conn:
            assert revision(conn) == HEAD  # stamped at the baseline, then migrated
        assert _differences(db) == []
        admin.add_member(db, id=7, full_name="Старый Член", address_as="Член")
        with db.read() as conn:
            assert conn.execute(select(terminals.c.name)).scalars().all() == ["Till 1"]
            assert conn.execute(select(members.c.id)).scalars().all() == [7]
    finally:
        db.close()
    again = OfficeDB.open(url)  # at head: nothing to do, the data still there
    try:
        with again.read() as conn:
            assert conn.execute(select(terminals.c.name)).scalars().all() == ["Till 1"]
    finally:
        again.close()


def test_the_baseline_makes_the_very_tables_create_all_made(tmp_path: Path) -> None:
    """Not only equal to autogenerate's eye: the same DDL, constraint for constraint."""
    old, new = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    metadata.create_all(engine)
    engine.dispose()
    OfficeDB.open(str(new)).close()

    def ddl(path: Path) -> list[tuple[str, str, str]]:
        with sqlite3.connect(path) as raw:
            rows = raw.execute(
                "SELECT type, name, sql FROM sqlite_master "
                "WHERE tbl_name != 'alembic_version' ORDER BY name"
            ).fetchall()
        # (the same DDL but for line breaks: ALTER TABLE ADD COLUMN writes none)
        return [(str(a), str(b), " ".join(str(c).split())) for a, b, c in rows]

    assert ddl(new) == ddl(old)


def test_a_database_with_only_some_office_tables_is_refused(url: str) -> None:
    engine = create_engine(url)
    try:
        metadata.tables["members"].create(engine)
        metadata.tables["cards"].create(engine)
    finally:
        engine.dispose()
    with pytest.raises(NotAnOfficeDatabase, match="cards, members"):
        OfficeDB.open(url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:  # nothing was created or stamped
            assert revision(conn) is None
            assert conn.execute(text("SELECT count(*) FROM members")).scalar() == 0
    finally:
        engine.dispose()
