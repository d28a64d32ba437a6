"""The sync's own notes in the cache (the sync_state table): the feed cursor, the
snapshot under way, the office's limits, the times of the last exchange, the enrolment.

Call the functions inside ``Database.write()`` (or ``read()``).
"""

from __future__ import annotations

from sqlalchemy import Connection

# sync_state keys
CURSOR = "sync.cursor"
SNAPSHOT = "sync.snapshot"
INDEX_DDL = "sync.index_ddl"
LIMITS = "sync.offline_limits"
LAST_CONTACT = "sync.last_contact_at"  # terminal clock, last successful exchange
LAST_PULL = "sync.last_pull_at"  # terminal clock, cache caught up with the office
CLOCK_SKEW = "sync.clock_skew_s"
AUTH_ERROR = "sync.auth_error"
OFFICE_URL = "office.url"
OFFICE_TERMINAL = "office.terminal_id"
OFFICE_NAME = "office.name"


def get_state(conn: Connection, key: str) -> str | None:
    row = conn.exec_driver_sql("SELECT value FROM sync_state WHERE key = ?", (key,)).first()
    return None if row is None else str(row[0])


def set_state(conn: Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (key,))
    else:
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
