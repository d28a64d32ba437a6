"""Writing the office's members, cards, program and gifts into the cache: what the change
feed (:mod:`terminal.store.feed_apply`) and the snapshot
(:mod:`terminal.store.snapshot_apply`) share. Rows come in the column orders of
:mod:`terminal.store.incoming`; the statements are built from those orders, once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from terminal.store.bulk import insert_sql
from terminal.store.incoming import (
    CARD_ROW,
    GIFT_ROW,
    MEMBER_DERIVED,
    MEMBER_ROW,
    ProgramRecord,
    Row,
)
from terminal.store.normalize import name_key
from terminal.store.schema import cards, gifts, members

log = logging.getLogger(__name__)


def _upsert(table: str, columns: Sequence[str], key: str, where: str = "") -> str:
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
    return f"{insert_sql(table, columns)} ON CONFLICT({key}) DO UPDATE SET {sets}{where}"


# A member row as written: the office's columns, then the derived ones (member_values).
_MEMBER_WRITTEN = (*MEMBER_ROW, *MEMBER_DERIVED)
_FULL_NAME = MEMBER_ROW.index("full_name")
#: An older state of a member never overwrites a newer one.
MEMBER_UPSERT = _upsert(
    members.name, _MEMBER_WRITTEN, "id", " WHERE members.office_seq <= excluded.office_seq"
)
MEMBER_INSERT = insert_sql(members.name, _MEMBER_WRITTEN)
CARD_UPSERT = _upsert(cards.name, CARD_ROW, "id")
CARD_INSERT = insert_sql(cards.name, CARD_ROW)
GIFT_UPSERT = _upsert(gifts.name, GIFT_ROW, "code")

# Where a card row holds what the writes below look at.
CARD_ID = CARD_ROW.index("id")
CARD_UID = CARD_ROW.index("uid")
CARD_NUMBER = CARD_ROW.index("number")
CARD_MEMBER = CARD_ROW.index("member_id")
CARD_REPLACED_BY = CARD_ROW.index("replaced_by")


def raw_cursor(conn: Connection) -> Any:
    """The DB-API cursor under ``conn``: executemany without SQLAlchemy's cost per row."""
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


def member_values(rows: Iterable[Row], synced_at: str) -> list[tuple[Any, ...]]:
    """Member rows with their derived columns (MEMBER_DERIVED: name_key, synced_at), in
    the order of MEMBER_UPSERT / MEMBER_INSERT."""
    return [(*r, name_key(str(r[_FULL_NAME])), synced_at) for r in rows]


def delete_card(cur: Any, card_id: int) -> None:
    # History keeps the operation, the cache forgets the card.
    cur.execute("UPDATE operations SET card_id = NULL WHERE card_id = ?", (card_id,))
    cur.execute("UPDATE cards SET replaced_by = NULL WHERE replaced_by = ?", (card_id,))
    cur.execute("DELETE FROM cards WHERE id = ?", (card_id,))


def drop_clashing(cur: Any, rows: Sequence[Row]) -> None:
    """Forget cached cards that hold a UID or number one of the office's ``rows`` has
    under another id: the office's state wins (a card this till registered, linked at the
    office to a card it had issued, comes back under the till's id later in the feed)."""
    uids = {str(r[CARD_UID]): int(r[CARD_ID]) for r in rows if r[CARD_UID] is not None}
    numbers = {str(r[CARD_NUMBER]): int(r[CARD_ID]) for r in rows if r[CARD_NUMBER] is not None}
    gone: set[int] = set()
    for column, wanted in (("uid", uids), ("number", numbers)):
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


def card_values(row: Row, known: set[int], *, unlink: bool = False) -> Row:
    """A card row as the cache can take it: the member forgotten if the cache does not
    hold it (the foreign key), the replacement too when ``unlink``."""
    member = row[CARD_MEMBER]
    lost = member is not None and int(member) not in known
    if not (lost or unlink):
        return row
    values = list(row)
    if lost:
        log.warning("card %s names a member the cache does not hold", row[CARD_ID])
        values[CARD_MEMBER] = None
    if unlink:
        values[CARD_REPLACED_BY] = None
    return tuple(values)


def put_program(cur: Any, program: ProgramRecord | None) -> None:
    if program is None:
        return
    cur.execute("DELETE FROM programs")
    cur.execute(
        "INSERT INTO programs (code, version, body, active) VALUES (?, ?, ?, 1)",
        (program.code, program.version, json.dumps(program.body, sort_keys=True)),
    )


def put_gifts(cur: Any, rows: Iterable[Row]) -> None:
    cur.executemany(GIFT_UPSERT, rows)


def limits_text(limits: Mapping[str, int | bool]) -> str:
    """The offline limits as the cache keeps them (sync_state LIMITS)."""
    return json.dumps(dict(limits), sort_keys=True)
