"""The office's schema, brought to head with its own Alembic migrations (office/migrations).

:func:`migrate` runs inside :meth:`office.db.OfficeDB.open`, in one transaction that
writers of the same database wait for (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an
advisory lock), so several office processes starting at once migrate once. A database
at head costs one query. A database made before the migrations (by
``metadata.create_all``: every table of the baseline and no ``alembic_version``) is
stamped at the baseline and keeps its data; then the later migrations run.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
#: The revision whose tables ``metadata.create_all`` made before there were migrations.
BASELINE = "0001"
#: The newest migration (office/migrations/versions); a test keeps them equal.
HEAD = "0008"
#: The tables of the baseline: all of them present, no alembic_version: stamp, not create.
BASELINE_TABLES = frozenset(
    {
        "terminals",
        "enrolment_codes",
        "members",
        "cards",
        "programs",
        "gifts",
        "settings",
        "operations",
        "changes",
    }
)
_LOCK_KEY = 0x4C4F5A  # the advisory lock of the migrations (PostgreSQL)


class NotAnOfficeDatabase(Exception):
    """The database holds some of the office's tables but not all, and no revision."""


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def revision(conn: Connection) -> str | None:
    """The revision the database is at (None: no alembic_version table, or empty)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if value is None else str(value)


def migrate(engine: Engine) -> None:
    """Bring the database to :data:`HEAD` (see the module's docstring)."""
    with engine.connect() as conn:
        if revision(conn) == HEAD:
            return
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
            _migrate(conn)


def _migrate(conn: Connection) -> None:
    current = revision(conn)  # again, under the lock: another process may have done it
    if current == HEAD:
        return
    if current is None:
        present = BASELINE_TABLES & set(inspect(conn).get_table_names())
        if present == BASELINE_TABLES:
            log.info("an office database from before its migrations: stamped at %s", BASELINE)
            command.stamp(alembic_config(conn), BASELINE)
        elif present:
            raise NotAnOfficeDatabase(
                f"the database has some of the office's tables ({', '.join(sorted(present))}) "
                "but not all, and no migration revision: it is not an office database this "
                "program made; use another database"
            )
    log.info("migrating the office database to %s", HEAD)
    command.upgrade(alembic_config(conn), "head")
