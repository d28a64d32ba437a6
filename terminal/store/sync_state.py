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
# The id floors (docs/protocol.md, Id floors): the highest member id, card id (of this
# till's block) and operation seq the office holds from this till, as it last said.
FLOOR_MEMBER = "office.floor_member_id"
FLOOR_CARD = "office.floor_card_id"
FLOOR_SEQ = "office.floor_seq"


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


def raise_floors(
    conn: Connection, member_id: int | None, card_id: int | None, seq: int | None
) -> None:
    """Keep the office's id floors (each only ever goes up): the till allocates member
    ids, card ids and operation seqs above them."""
    for key, value in ((FLOOR_MEMBER, member_id), (FLOOR_CARD, card_id), (FLOOR_SEQ, seq)):
        if value is None:
            continue
        known = get_state(conn, key)
        if known is None or int(known) < value:
            set_state(conn, key, str(int(value)))


def floor(conn: Connection, key: str) -> int | None:
    value = get_state(conn, key)
    return None if value is None else int(value)
