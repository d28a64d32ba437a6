"""The office's database: SQLite in a file by default, PostgreSQL by URL.

:meth:`OfficeDB.open` brings the schema to head with the office's own migrations
(:mod:`office.migrate`).

:meth:`OfficeDB.write` is the only way to change anything. It serialises writers (SQLite:
``BEGIN IMMEDIATE``; PostgreSQL: ``pg_advisory_xact_lock``), so the change feed's
sequence numbers are handed out in commit order; :func:`emit` appends one change.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, make_url, select
from sqlalchemy.pool import QueuePool

from common.clock import Clock, SystemClock
from common.files import create_private
from office.migrate import migrate
from office.models import changes, settings
from sync.protocol import Entity, format_time

_LOCK_KEY = 0x4C4F59  # the advisory lock of the change feed (PostgreSQL)


def database_url(value: str) -> str:
    """A URL as given, or a file path made into a SQLite URL."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _create_private(url: str) -> None:
    """A new SQLite file is made mode 0600 before SQLite opens it (its -wal and -shm
    take its mode): members' personal data, whatever the umask (common/files.py)."""
    name = make_url(url).database
    if name and name != ":memory:" and not name.startswith("file:"):
        with contextlib.suppress(FileNotFoundError):  # no folder: SQLite says so
            create_private(Path(name))


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA busy_timeout = 10000")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


class OfficeDB:
    """The office's engine and clock; :meth:`open` also brings the schema to head."""

    def __init__(self, engine: Engine, clock: Clock | None = None) -> None:
        self.engine = engine
        self.clock: Clock = clock or SystemClock()
        self.is_sqlite = engine.dialect.name == "sqlite"

    @classmethod
    def open(cls, url: str, clock: Clock | None = None) -> OfficeDB:
        url = database_url(url)
        if url.startswith("sqlite"):
            _create_private(url)
            engine = create_engine(
                url,
                poolclass=QueuePool,
                pool_size=8,
                max_overflow=8,
                connect_args={"check_same_thread": False},
            )
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(url, pool_size=8, max_overflow=8, pool_pre_ping=True)
        try:
            migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, clock)

    def close(self) -> None:
        self.engine.dispose()

    def now(self) -> str:
        return format_time(self.clock.now())

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            if not self.is_sqlite:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            if self.is_sqlite:
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if not self.is_sqlite:
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
                yield conn

    def get_setting(self, conn: Connection, key: str) -> str | None:
        value = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        return None if value is None else str(value)

    def set_setting(self, conn: Connection, key: str, value: str) -> None:
        if self.get_setting(conn, key) is None:
            conn.execute(insert(settings), [{"key": key, "value": value}])
        else:
            conn.execute(settings.update().where(settings.c.key == key).values(value=value))


def emit(conn: Connection, at: str, entity: Entity, key: object, data: Any) -> int:
    """Append a change (``data`` None: deleted) inside ``OfficeDB.write()``; its seq."""
    text = None if data is None else json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    result = conn.execute(_EMIT, {"entity": entity.value, "key": str(key), "data": text, "at": at})
    return int(result.scalar_one())


_EMIT = insert(changes).returning(changes.c.seq)
