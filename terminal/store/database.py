"""Opening the cache file: SQLite settings, the file's identity, migrations.

One :class:`Database` per process and file. Every connection gets WAL, synchronous=FULL
(a commit has reached the disk when it returns), foreign keys and a busy timeout.
Write transactions start with ``BEGIN IMMEDIATE`` so that two writers wait for each other
(up to the busy timeout) instead of failing halfway through.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import QueuePool

from common.files import check_private, create_private
from terminal.store.errors import StoreError

log = logging.getLogger(__name__)

#: PRAGMA application_id of our files: "LOYT". A file with another id is not ours.
APPLICATION_ID = 0x4C4F5954
#: The newest migration (terminal/store/migrations/versions); a test keeps them equal.
HEAD_REVISION = "0007"
BUSY_TIMEOUT_MS = 5000
#: How long opening a cache waits for another process migrating it (a slow disk, a busy
#: machine: a migration of a large cache can take seconds).
MIGRATION_BUSY_TIMEOUT_MS = 120_000
#: Set in ``conn.info`` by the ledger when a write adds to the outbox.
OUTBOX_WRITTEN = "loyalty.outbox_written"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is unreliable).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _broken_references(conn: Connection) -> int:
    """Rows whose foreign key names no row (``PRAGMA foreign_key_check``)."""
    return len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())


def _on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """The cache file and its engine. Create with :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        #: Called (in the writer's thread) after a write that added to the outbox has
        #: committed: the sync worker's wake-up. Keep them quick; they must not raise.
        self.outbox_listeners: list[Callable[[], None]] = []

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, migrate: bool = True) -> Database:
        """Open (and, with ``create``, make) the cache at ``path``; bring its schema up to date.

        Raises :class:`StoreError` with a clear message for a missing file (``create=False``),
        a directory, an unreadable file, a file that is not SQLite, or a SQLite file of
        another program; :class:`~common.files.UnsafeFile` for a cache (or its -wal,
        -shm) that is a symbolic link, someone else's, or writable by other users.
        """
        path = Path(path)
        if path.is_dir():
            raise StoreError("not_a_file", f"{path} is a directory, not a database file")
        if not path.exists():
            if not create:
                raise StoreError("missing", f"{path} does not exist")
            try:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                # Made 0600 here, before SQLite opens it (SQLite would use the umask):
                # SQLite gives the -wal and -shm the main file's mode.
                create_private(path)
            except OSError as exc:
                raise StoreError("cannot_open", f"cannot create {path}: {exc}") from exc
        check_files(path, tighten=False)  # refuse a link, another's file, before reading
        _check_identity(path)
        check_files(path)  # ours: one others may read is made 0600
        engine = create_engine(
            f"sqlite:///{path}",
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=4,
        )
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        db = cls(path, engine)
        try:
            if migrate:
                db.migrate()
        except BaseException:
            engine.dispose()
            raise
        return db

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction (a consistent snapshot)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: commits when the block ends, rolls back on an exception.

        When the block has returned, the commit is on the disk (synchronous=FULL).
        """
        with self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            try:
                with conn.begin():
                    yield conn
            except BaseException:
                conn.info.pop(OUTBOX_WRITTEN, None)
                raise
            if conn.info.pop(OUTBOX_WRITTEN, False):
                for listener in self.outbox_listeners:
                    try:
                        listener()
                    except Exception:
                        log.exception("an outbox listener failed")

    def revision(self) -> str | None:
        with self.read() as conn:
            return _revision(conn)

    def migrate(self) -> None:
        """Apply the Alembic migrations up to head (nothing to do, nothing imported, at head).

        The migration is one ``BEGIN IMMEDIATE`` transaction that looks at the revision
        again once it holds the write lock: two processes opening a new cache at once (the
        app and a ``sync --once``, or a test polling the file) wait for each other, and the
        second finds the work done. (A DEFERRED transaction failed with "database is
        locked" when both upgraded their read locks.)
        """
        if self.revision() == HEAD_REVISION:
            return
        # Imported here, not at the top: Alembic costs start-up time and is needed only on
        # the rare start that migrates.
        from terminal.store.migrate import upgrade_to_head

        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            # Another process's migration is worth waiting for far longer than a write.
            raw.execute(f"PRAGMA busy_timeout = {MIGRATION_BUSY_TIMEOUT_MS}")
            # A migration may rebuild a table (SQLite cannot change a constraint in
            # place): with the foreign keys off, as SQLite's procedure for it asks, and
            # checked before the commit: the migration broke no reference (set outside
            # the transaction: the pragma does nothing inside one).
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
                with conn.begin():
                    if _revision(conn) == HEAD_REVISION:
                        return
                    log.info("migrating the cache %s to %s", self.path, HEAD_REVISION)
                    before = _broken_references(conn)
                    upgrade_to_head(conn)
                    if (after := _broken_references(conn)) > before:
                        raise RuntimeError(
                            f"the migration to {HEAD_REVISION} would break {after - before} "
                            "references between rows; nothing was changed"
                        )
                    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
                raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def integrity_check(self) -> list[str]:
        """SQLite's own check; an empty list means the file is sound."""
        with self.read() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows

    def size_bytes(self) -> int:
        return sum(
            p.stat().st_size
            for p in (self.path, self.path.with_name(self.path.name + "-wal"))
            if p.exists()
        )


def side_files(path: Path) -> tuple[Path, Path, Path]:
    """The cache and the two files SQLite keeps beside it."""
    return path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def check_files(path: Path, *, tighten: bool = True) -> None:
    """The cache, its -wal and -shm are the service user's alone (common/files.py)."""
    names = ("the cache", "the cache's WAL", "the cache's SHM")
    for name, file in zip(names, side_files(path), strict=True):
        check_private(file, name, tighten=tighten)


def _revision(conn: Connection) -> str | None:
    exists = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).first()
    if exists is None:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _check_identity(path: Path) -> None:
    """Refuse files that are not SQLite or belong to another program, touching nothing."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError("cannot_open", f"cannot read {path}: {exc.strerror}") from exc
    if not header.startswith(b"SQLite format 3\x00"):
        raise StoreError("not_a_database", f"{path} is not a database file")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id == APPLICATION_ID:
        return
    if app_id == 0 and _application_id(path) == APPLICATION_ID:
        return  # ours: the header is still in the WAL (a crash before the first checkpoint)
    if app_id != 0 or _has_tables(path):
        raise StoreError(
            "foreign_database",
            f"{path} is a database of another program; choose another file",
        )


def _has_tables(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError("not_a_database", f"{path} is not a readable database: {exc}") from exc


def _application_id(path: Path) -> int:
    """The application id as SQLite sees it, the WAL included (the file's own header
    has it only after a checkpoint)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA application_id").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError("not_a_database", f"{path} is not a readable database: {exc}") from exc
