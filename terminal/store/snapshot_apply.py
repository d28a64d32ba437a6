"""Rebuilding the cache from the office's snapshot, a page per transaction, resumable
after a crash; unacknowledged operations are kept. Into an empty cache the indexes are
dropped and built again at the end.

Call every function inside ``Database.write()`` (or ``read()`` for the readers).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection

from terminal.store.bulk import drop_indexes, is_empty
from terminal.store.incoming import GIFT_ROW, MEMBER_ROW, Part, SnapshotMeta, SnapshotRows
from terminal.store.row_writes import (
    CARD_ID,
    CARD_INSERT,
    CARD_MEMBER,
    CARD_REPLACED_BY,
    CARD_UPSERT,
    MEMBER_INSERT,
    MEMBER_UPSERT,
    card_values,
    delete_card,
    drop_clashing,
    known_members,
    limits_text,
    member_values,
    put_gifts,
    put_program,
    raw_cursor,
    unlink_missing_replacements,
)
from terminal.store.schema import cards, members
from terminal.store.staff_queries import keep_only, put_staff
from terminal.store.sync_state import CURSOR, INDEX_DDL, LIMITS, SNAPSHOT, get_state, set_state

log = logging.getLogger(__name__)

_MEMBER_ID = MEMBER_ROW.index("id")
_GIFT_CODE = GIFT_ROW.index("code")


@dataclass(frozen=True, slots=True)
class SnapshotState:
    """Where a snapshot download is (kept in sync_state, so a restart resumes it):
    ``part`` and ``after`` say which page comes next; ``fixups`` are cards whose
    replacement comes in a later page, linked at the end."""

    as_of: str
    as_of_time: str
    part: Part
    after: int
    done_rows: int
    total_rows: int
    first_fill: bool
    fixups: dict[str, int]

    def to_json(self) -> str:
        return json.dumps(
            {
                "as_of": self.as_of,
                "as_of_time": self.as_of_time,
                "part": self.part.value,
                "after": self.after,
                "done_rows": self.done_rows,
                "total_rows": self.total_rows,
                "first_fill": self.first_fill,
                "fixups": self.fixups,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> SnapshotState:
        d = json.loads(text)
        return cls(
            str(d["as_of"]),
            str(d["as_of_time"]),
            Part(d["part"]),
            int(d["after"]),
            int(d["done_rows"]),
            int(d["total_rows"]),
            bool(d["first_fill"]),
            {str(k): int(v) for k, v in d["fixups"].items()},
        )


def snapshot_state(conn: Connection) -> SnapshotState | None:
    text = get_state(conn, SNAPSHOT)
    return None if text is None else SnapshotState.from_json(text)


def snapshot_start(conn: Connection, meta: SnapshotMeta) -> SnapshotState:
    """Begin a snapshot from its ``meta`` page: program, gifts, limits, staff now; members and
    cards page by page (:func:`snapshot_page`)."""
    cur = raw_cursor(conn)
    put_program(cur, meta.program)
    codes = json.dumps([g[_GIFT_CODE] for g in meta.gifts])
    cur.execute("DELETE FROM gifts WHERE code NOT IN (SELECT value FROM json_each(?))", (codes,))
    put_gifts(cur, meta.gifts)
    empty = is_empty(cur, members.name) and is_empty(cur, cards.name)
    if empty and get_state(conn, INDEX_DDL) is None:
        ddl = drop_indexes(cur, (members.name, cards.name))
        set_state(conn, INDEX_DDL, json.dumps(ddl))
    cur.close()
    if meta.limits is not None:
        set_state(conn, LIMITS, limits_text(meta.limits))
    if meta.staff is not None:  # the office's staff, whole: whoever is not in it is gone
        put_staff(conn, meta.staff)
        keep_only(conn, meta.staff)
    state = SnapshotState(
        as_of=meta.as_of,
        as_of_time=meta.as_of_time,
        part=Part.MEMBERS,
        after=0,
        done_rows=0,
        total_rows=meta.members + meta.cards,
        first_fill=empty,
        fixups={},
    )
    set_state(conn, SNAPSHOT, state.to_json())
    return state


def snapshot_page(
    conn: Connection, state: SnapshotState, page: SnapshotRows
) -> SnapshotState | None:
    """Apply one page of the current part; returns the new state, None when finished
    (the cursor is then the snapshot's ``as_of``)."""
    if page.part is not state.part:
        raise ValueError(f"a page of {page.part.value} while the snapshot is at {state.part.value}")
    rows, done = page.rows, page.done
    cur = raw_cursor(conn)
    # A card may name its replacement further on in the same page: checked at COMMIT.
    cur.execute("PRAGMA defer_foreign_keys = ON")
    upper = None if done else page.next_after
    fixups = dict(state.fixups)
    if state.part is Part.MEMBERS:
        values = member_values(rows, state.as_of_time)
        cur.executemany(MEMBER_INSERT if state.first_fill else MEMBER_UPSERT, values)
        if not state.first_fill:
            _delete_missing(cur, members.name, state.after, upper, [r[_MEMBER_ID] for r in rows])
    else:
        ids = [r[CARD_ID] for r in rows]
        known = known_members(cur, (r[CARD_MEMBER] for r in rows))
        cards_in = []
        for r in rows:
            target = r[CARD_REPLACED_BY]
            later = not done and target is not None and int(target) > page.next_after
            if later:  # a card further on: linked at the end
                fixups[str(r[CARD_ID])] = int(target)
            cards_in.append(card_values(r, known, unlink=later))
        if not state.first_fill:
            _delete_missing_cards(cur, state.after, upper, ids)
            drop_clashing(cur, rows)
        cur.executemany(CARD_INSERT if state.first_fill else CARD_UPSERT, cards_in)
        unlink_missing_replacements(cur, ids)
    new = replace(
        state, after=page.next_after, done_rows=state.done_rows + len(rows), fixups=fixups
    )
    if done and state.part is Part.MEMBERS:
        new = replace(new, part=Part.CARDS, after=0)
    elif done:
        _finish(conn, cur, fixups, state.as_of)
        cur.close()
        return None
    cur.close()
    set_state(conn, SNAPSHOT, new.to_json())
    return new


# Members and cards this till registered whose registration the office has not
# acknowledged: the office does not have them yet, and a rebuild must not forget them.
_REGISTERED = (
    "SELECT {col} FROM operations WHERE kind = 'member_register' AND status != 'acked' "
    "AND {col} IS NOT NULL"
)


def _delete_missing(
    cur: Any, table: str, after: int, upper: int | None, ids: Sequence[Any]
) -> None:
    cur.execute(
        f"DELETE FROM {table} WHERE id > ? AND (? IS NULL OR id <= ?) "
        "AND id NOT IN (SELECT value FROM json_each(?)) "
        f"AND id NOT IN ({_REGISTERED.format(col='member_id')})",
        (after, upper, upper, json.dumps([int(i) for i in ids])),
    )


def _delete_missing_cards(cur: Any, after: int, upper: int | None, ids: Sequence[Any]) -> None:
    gone = cur.execute(
        "SELECT id FROM cards WHERE id > ? AND (? IS NULL OR id <= ?) "
        "AND id NOT IN (SELECT value FROM json_each(?)) "
        f"AND id NOT IN ({_REGISTERED.format(col='card_id')})",
        (after, upper, upper, json.dumps([int(i) for i in ids])),
    ).fetchall()
    for (card_id,) in gone:
        delete_card(cur, int(card_id))


def _one_card_per_key(cur: Any) -> None:
    """Before the unique indexes come back after a first fill: one card per UID and per
    number. Two can meet when the office moved a card to another id while the pages were
    fetched, or a card was registered here meanwhile; the one with this till's operations
    waiting on it stays, else the newest id. (A failing CREATE UNIQUE INDEX would fail
    the last page at every pass, for good.)"""
    for column in ("uid", "number"):
        keys = cur.execute(
            f"SELECT {column} FROM cards WHERE {column} IS NOT NULL "
            f"GROUP BY {column} HAVING count(*) > 1"
        ).fetchall()
        for (key,) in keys:
            ids = cur.execute(
                "SELECT id, EXISTS (SELECT 1 FROM operations o WHERE o.card_id = cards.id "
                f"AND o.status != 'acked') FROM cards WHERE {column} = ?",
                (key,),
            ).fetchall()
            keep = max(ids, key=lambda r: (bool(r[1]), int(r[0])))[0]
            for card_id, _pending in ids:
                if card_id != keep:
                    log.warning(
                        "card %s shares its %s with card %s: dropped", card_id, column, keep
                    )
                    delete_card(cur, int(card_id))


def _finish(conn: Connection, cur: Any, fixups: dict[str, int], as_of: str) -> None:
    for card_id, target in fixups.items():
        cur.execute(
            "UPDATE cards SET replaced_by = ? WHERE id = ? "
            "AND EXISTS (SELECT 1 FROM cards WHERE id = ?)",
            (target, int(card_id), target),
        )
    ddl = get_state(conn, INDEX_DDL)
    if ddl is not None:
        _one_card_per_key(cur)
        for sql in json.loads(ddl):
            cur.execute(sql)
        set_state(conn, INDEX_DDL, None)
    set_state(conn, SNAPSHOT, None)
    set_state(conn, CURSOR, as_of)
