"""Writing the office's members, cards, program and gifts into the cache: what the change
feed (terminal.store.feed_apply) and the snapshot (terminal.store.snapshot_apply) share.

The wire's field orders are repeated here (the store does not import ``sync``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from terminal.store.normalize import name_key

log = logging.getLogger(__name__)

WIRE_MEMBER_FIELDS = (
    "id",
    "full_name",
    "address_as",
    "birthday",
    "phone",
    "segment",
    "personal_manager",
    "priority_service",
    "consent_personal_data",
    "consent_marketing",
    "balance_centi",
    "lifetime_spend_minor",
    "window_spend_minor",
    "purchases",
    "last_gift_year",
)
WIRE_CARD_FIELDS = (
    "id",
    "uid",
    "number",
    "kind",
    "state",
    "member_id",
    "fixed_discount_bp",
    "expires",
    "replaced_by",
)

_MEMBER_COLS = (*WIRE_MEMBER_FIELDS, "name_key", "office_seq", "synced_at")
MEMBER_UPSERT = (
    f"INSERT INTO members ({', '.join(_MEMBER_COLS)}) "
    f"VALUES ({', '.join('?' for _ in _MEMBER_COLS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _MEMBER_COLS if c != "id")
    + " WHERE members.office_seq <= excluded.office_seq"
)
MEMBER_INSERT = (
    f"INSERT INTO members ({', '.join(_MEMBER_COLS)}) "
    f"VALUES ({', '.join('?' for _ in _MEMBER_COLS)})"
)
CARD_UPSERT = (
    f"INSERT INTO cards ({', '.join(WIRE_CARD_FIELDS)}) "
    f"VALUES ({', '.join('?' for _ in WIRE_CARD_FIELDS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in WIRE_CARD_FIELDS if c != "id")
)
CARD_INSERT = (
    f"INSERT INTO cards ({', '.join(WIRE_CARD_FIELDS)}) "
    f"VALUES ({', '.join('?' for _ in WIRE_CARD_FIELDS)})"
)


def raw_cursor(conn: Connection) -> Any:
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


def member_values(row: Sequence[Any], office_seq: int, synced_at: str) -> tuple[Any, ...]:
    return (*row[: len(WIRE_MEMBER_FIELDS)], name_key(str(row[1])), office_seq, synced_at)


def delete_member(cur: Any, member_id: int, seq: int | None) -> None:
    if seq is None:
        cur.execute("DELETE FROM members WHERE id = ?", (member_id,))
    else:
        cur.execute("DELETE FROM members WHERE id = ? AND office_seq < ?", (member_id, seq))


def delete_card(cur: Any, card_id: int) -> None:
    # History keeps the operation, the cache forgets the card.
    cur.execute("UPDATE operations SET card_id = NULL WHERE card_id = ?", (card_id,))
    cur.execute("UPDATE cards SET replaced_by = NULL WHERE replaced_by = ?", (card_id,))
    cur.execute("DELETE FROM cards WHERE id = ?", (card_id,))


def drop_clashing(cur: Any, rows: Sequence[Sequence[Any]]) -> None:
    """Forget cached cards that hold a UID or number one of the office's ``rows`` has
    under another id: the office's state wins (a card this till registered, linked at the
    office to a card it had issued, comes back under the till's id later in the feed)."""
    ids = {str(r[1]): int(r[0]) for r in rows if r[1] is not None}
    numbers = {str(r[2]): int(r[0]) for r in rows if r[2] is not None}
    gone: set[int] = set()
    for column, wanted in (("uid", ids), ("number", numbers)):
        if not wanted:
            continue
        found = cur.execute(
            f"SELECT id, {column} FROM cards WHERE {column} IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(wanted)),),
        ).fetchall()
        gone |= {int(i) for i, key in found if wanted[str(key)] != int(i)}
    for card_id in sorted(gone):
        log.info("card %s gave its UID or number to another card of the office", card_id)
        delete_card(cur, card_id)


def unlink_missing_replacements(cur: Any, card_ids: Sequence[Any]) -> None:
    """Cards among ``card_ids`` naming a replacement the cache does not hold forget it
    (the foreign key would fail the whole page, at every pass, for good)."""
    if not card_ids:
        return
    cur.execute(
        "UPDATE cards SET replaced_by = NULL WHERE id IN (SELECT value FROM json_each(?)) "
        "AND replaced_by IS NOT NULL AND replaced_by NOT IN (SELECT id FROM cards)",
        (json.dumps([int(i) for i in card_ids]),),
    )
    if cur.rowcount:
        log.warning("%d card(s) named a replacement card the office did not send", cur.rowcount)


def known_members(cur: Any, ids: Iterable[Any]) -> set[int]:
    wanted = sorted({int(i) for i in ids if i is not None})
    if not wanted:
        return set()
    rows = cur.execute(
        "SELECT id FROM members WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    ).fetchall()
    return {int(r[0]) for r in rows}


def card_values(row: Sequence[Any], known: set[int]) -> tuple[Any, ...]:
    values = list(row[: len(WIRE_CARD_FIELDS)])
    if values[5] is not None and int(values[5]) not in known:
        log.warning("card %s names a member the cache does not hold", values[0])
        values[5] = None
    return tuple(values)


def put_program(cur: Any, data: dict[str, Any] | None) -> None:
    if data is None:
        return
    cur.execute("DELETE FROM programs")
    cur.execute(
        "INSERT INTO programs (code, version, body, active) VALUES (?, ?, ?, 1)",
        (data["code"], int(data["version"]), json.dumps(data["body"], sort_keys=True)),
    )


def put_gifts(cur: Any, rows: Iterable[Sequence[Any]]) -> None:
    cur.executemany(
        "INSERT INTO gifts (code, name, kind, points_cost_centi, active) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
        "points_cost_centi = excluded.points_cost_centi, active = excluded.active",
        [tuple(r[:5]) for r in rows],
    )
