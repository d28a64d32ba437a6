"""Rebuilding the cache from the office's snapshot, a page per transaction, resumable
after a crash; unacknowledged operations are kept. Into an empty cache the indexes are
dropped and built again at the end.

Call every function inside ``Database.write()`` (or ``read()`` for the readers).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from terminal.store.row_writes import (
    CARD_INSERT,
    CARD_UPSERT,
    MEMBER_INSERT,
    MEMBER_UPSERT,
    card_values,
    delete_card,
    drop_clashing,
    known_members,
    member_values,
    put_gifts,
    put_program,
    raw_cursor,
    unlink_missing_replacements,
)
from terminal.store.sync_state import CURSOR, INDEX_DDL, LIMITS, SNAPSHOT, get_state, set_state

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SnapshotState:
    """Where a snapshot download is (kept in sync_state, so a restart resumes it)."""

    as_of: str
    as_of_time: str
    part: str  # members | cards
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
                "part": self.part,
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
            str(d["part"]),
            int(d["after"]),
            int(d["done_rows"]),
            int(d["total_rows"]),
            bool(d["first_fill"]),
            {str(k): int(v) for k, v in d["fixups"].items()},
        )


def snapshot_state(conn: Connection) -> SnapshotState | None:
    text = get_state(conn, SNAPSHOT)
    return None if text is None else SnapshotState.from_json(text)


def snapshot_start(conn: Connection, meta: dict[str, Any]) -> SnapshotState:
    """Begin a snapshot from its ``meta`` page: program, gifts, limits now; members and
    cards page by page (:func:`snapshot_page`)."""
    cur = raw_cursor(conn)
    put_program(cur, meta.get("program"))
    gifts = meta.get("gifts") or []
    codes = json.dumps([g[0] for g in gifts])
    cur.execute("DELETE FROM gifts WHERE code NOT IN (SELECT value FROM json_each(?))", (codes,))
    put_gifts(cur, gifts)
    empty = (
        not cur.execute("SELECT EXISTS (SELECT 1 FROM members)").fetchone()[0]
        and not (cur.execute("SELECT EXISTS (SELECT 1 FROM cards)").fetchone()[0])
    )
    if empty and get_state(conn, INDEX_DDL) is None:
        rows = cur.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('members', 'cards')"
        ).fetchall()
        for name, _sql in rows:
            cur.execute(f'DROP INDEX "{name}"')
        set_state(conn, INDEX_DDL, json.dumps([sql for _n, sql in rows]))
    cur.close()
    if meta.get("limits") is not None:
        set_state(conn, LIMITS, json.dumps(meta["limits"], sort_keys=True))
    state = SnapshotState(
        as_of=str(meta["as_of"]),
        as_of_time=str(meta["as_of_time"]),
        part="members",
        after=0,
        done_rows=0,
        total_rows=int(meta.get("members", 0)) + int(meta.get("cards", 0)),
        first_fill=empty,
        fixups={},
    )
    set_state(conn, SNAPSHOT, state.to_json())
    return state


def snapshot_page(
    conn: Connection,
    state: SnapshotState,
    rows: Sequence[Sequence[Any]],
    next_after: int,
    done: bool,
) -> SnapshotState | None:
    """Apply one page of the current part; returns the new state, None when finished
    (the cursor is then the snapshot's ``as_of``)."""
    cur = raw_cursor(conn)
    # A card may name its replacement further on in the same page: checked at COMMIT.
    cur.execute("PRAGMA defer_foreign_keys = ON")
    upper = None if done else next_after
    fixups = dict(state.fixups)
    if state.part == "members":
        values = [member_values(r, int(r[-1]), state.as_of_time) for r in rows]
        cur.executemany(MEMBER_INSERT if state.first_fill else MEMBER_UPSERT, values)
        if not state.first_fill:
            _delete_missing(cur, "members", state.after, upper, [r[0] for r in rows])
    else:
        known = known_members(cur, (r[5] for r in rows))
        values = []
        for r in rows:
            v = list(card_values(r, known))
            if v[8] is not None and int(v[8]) > next_after and not done:
                fixups[str(v[0])] = int(v[8])  # a card further on: linked at the end
                v[8] = None
            values.append(tuple(v))
        if not state.first_fill:
            _delete_missing_cards(cur, state.after, upper, [r[0] for r in rows])
            drop_clashing(cur, rows)
        cur.executemany(CARD_INSERT if state.first_fill else CARD_UPSERT, values)
        unlink_missing_replacements(cur, [r[0] for r in rows])
    new = SnapshotState(
        state.as_of,
        state.as_of_time,
        state.part,
        next_after,
        state.done_rows + len(rows),
        state.total_rows,
        state.first_fill,
        fixups,
    )
    if done and state.part == "members":
        new = SnapshotState(
            state.as_of,
            state.as_of_time,
            "cards",
            0,
            new.done_rows,
            state.total_rows,
            state.first_fill,
            fixups,
        )
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
