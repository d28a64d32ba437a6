"""What the office's answers do to the cache, each in the caller's one transaction.

- :func:`record_outcomes`: acknowledged operations stop being pending, leave the outbox,
  and the member's office figures take the office's answer (only if newer than what the
  cache holds), all at once: the balance shown never counts an operation twice.
  Rejected ones are parked for review (their outbox row kept); the rest go on.
- :func:`apply_changes`: a page of the change feed and the cursor after it. Applying a
  page twice changes nothing (member rows carry the office's sequence number).
- :func:`snapshot_start` / :func:`snapshot_page`: rebuilding the cache from the office's
  snapshot, a page per transaction, resumable after a crash; unacknowledged operations
  are kept. Into an empty cache the indexes are dropped and built again at the end.

Call every function inside ``Database.write()`` (or ``read()`` for the readers). The
wire's field orders are repeated here (the store does not import ``sync``); a test keeps
them equal to ``sync.protocol``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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

_MEMBER_COLS = (*WIRE_MEMBER_FIELDS, "name_key", "office_seq", "synced_at")
_MEMBER_UPSERT = (
    f"INSERT INTO members ({', '.join(_MEMBER_COLS)}) "
    f"VALUES ({', '.join('?' for _ in _MEMBER_COLS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _MEMBER_COLS if c != "id")
    + " WHERE members.office_seq <= excluded.office_seq"
)
_MEMBER_INSERT = (
    f"INSERT INTO members ({', '.join(_MEMBER_COLS)}) "
    f"VALUES ({', '.join('?' for _ in _MEMBER_COLS)})"
)
_CARD_UPSERT = (
    f"INSERT INTO cards ({', '.join(WIRE_CARD_FIELDS)}) "
    f"VALUES ({', '.join('?' for _ in WIRE_CARD_FIELDS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in WIRE_CARD_FIELDS if c != "id")
)
_CARD_INSERT = (
    f"INSERT INTO cards ({', '.join(WIRE_CARD_FIELDS)}) "
    f"VALUES ({', '.join('?' for _ in WIRE_CARD_FIELDS)})"
)


def _cursor(conn: Connection) -> Any:
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


# --- sync_state -----------------------------------------------------------------------


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


# --- the outbox -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outgoing:
    op_id: str
    seq: int
    payload: str  # JSON text, as ledger.record() wrote it


def outgoing(conn: Connection, after_seq: int, limit: int) -> list[Outgoing]:
    """Pending operations after ``after_seq`` in sequence order (parked ones skipped)."""
    rows = conn.exec_driver_sql(
        "SELECT o.op_id, o.seq, o.payload FROM outbox o JOIN operations p ON p.id = o.op_id "
        "WHERE p.status = 'pending' AND o.seq > ? ORDER BY o.seq LIMIT ?",
        (after_seq, limit),
    ).all()
    return [Outgoing(str(r[0]), int(r[1]), str(r[2])) for r in rows]


def last_outgoing_seq(conn: Connection) -> int:
    """The newest outbox row's sequence number (0: the outbox is empty)."""
    return int(conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM outbox").scalar_one())


@dataclass(frozen=True, slots=True)
class Outcome:
    """The office's answer to one operation, in the store's terms.

    ``status``: "acked" (applied or duplicate), "parked" (rejected) or "held" (a reversal
    waiting for its target: stays pending). ``member``: the member's office figures after
    it (balance_centi, lifetime_spend_minor, window_spend_minor, purchases,
    last_gift_year, seq), when the office sent them."""

    op_id: str
    status: str
    result: str
    member_id: int | None = None
    member: dict[str, Any] | None = field(default=None)


_FIGURES = ("balance_centi", "lifetime_spend_minor", "window_spend_minor", "purchases")


def record_outcomes(conn: Connection, outcomes: Iterable[Outcome], synced_at: str) -> None:
    cur = _cursor(conn)
    for o in outcomes:
        if o.status == "acked":
            cur.execute(
                "UPDATE operations SET status = 'acked', result = ? WHERE id = ?",
                (o.result, o.op_id),
            )
            cur.execute("DELETE FROM outbox WHERE op_id = ?", (o.op_id,))
            m = o.member
            if o.member_id is not None and m is not None and m.get("seq") is not None:
                cur.execute(
                    "UPDATE members SET balance_centi = ?, lifetime_spend_minor = ?, "
                    "window_spend_minor = ?, purchases = ?, "
                    "last_gift_year = coalesce(?, last_gift_year), office_seq = ?, "
                    "synced_at = ? WHERE id = ? AND office_seq < ?",
                    (
                        *(m[k] for k in _FIGURES),
                        m.get("last_gift_year"),
                        m["seq"],
                        synced_at,
                        o.member_id,
                        m["seq"],
                    ),
                )
        elif o.status == "parked":
            cur.execute(
                "UPDATE operations SET status = 'parked', result = ? WHERE id = ?",
                (o.result, o.op_id),
            )
            cur.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE op_id = ?",
                (o.result, o.op_id),
            )
        elif o.status == "held":
            cur.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE op_id = ?",
                (o.result, o.op_id),
            )
        else:
            raise ValueError(f"unknown outcome {o.status!r}")
    cur.close()


def unpark(conn: Connection, op_id: str) -> bool:
    """Send a parked operation again (after review): pending once more."""
    done = conn.exec_driver_sql(
        "UPDATE operations SET status = 'pending' WHERE id = ? AND status = 'parked' "
        "AND EXISTS (SELECT 1 FROM outbox WHERE op_id = ?)",
        (op_id, op_id),
    ).rowcount
    return bool(done)


@dataclass(frozen=True, slots=True)
class Counts:
    waiting: int
    parked: int
    oldest_waiting: str | None


def counts(conn: Connection) -> Counts:
    row = conn.exec_driver_sql(
        "SELECT count(*), min(created_at) FROM operations WHERE status = 'pending'"
    ).one()
    parked = conn.exec_driver_sql(
        "SELECT count(*) FROM operations WHERE status = 'parked'"
    ).scalar_one()
    return Counts(int(row[0]), int(parked), row[1])


# --- the change feed -----------------------------------------------------------------


def _member_values(row: Sequence[Any], office_seq: int, synced_at: str) -> tuple[Any, ...]:
    return (*row[: len(WIRE_MEMBER_FIELDS)], name_key(str(row[1])), office_seq, synced_at)


def _delete_member(cur: Any, member_id: int, seq: int | None) -> None:
    if seq is None:
        cur.execute("DELETE FROM members WHERE id = ?", (member_id,))
    else:
        cur.execute("DELETE FROM members WHERE id = ? AND office_seq < ?", (member_id, seq))


def _delete_card(cur: Any, card_id: int) -> None:
    # History keeps the operation, the cache forgets the card.
    cur.execute("UPDATE operations SET card_id = NULL WHERE card_id = ?", (card_id,))
    cur.execute("UPDATE cards SET replaced_by = NULL WHERE replaced_by = ?", (card_id,))
    cur.execute("DELETE FROM cards WHERE id = ?", (card_id,))


def _drop_clashing(cur: Any, rows: Sequence[Sequence[Any]]) -> None:
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
        _delete_card(cur, card_id)


def _unlink_missing_replacements(cur: Any, card_ids: Sequence[Any]) -> None:
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


def _known_members(cur: Any, ids: Iterable[Any]) -> set[int]:
    wanted = sorted({int(i) for i in ids if i is not None})
    if not wanted:
        return set()
    rows = cur.execute(
        "SELECT id FROM members WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    ).fetchall()
    return {int(r[0]) for r in rows}


def _card_values(row: Sequence[Any], known: set[int]) -> tuple[Any, ...]:
    values = list(row[: len(WIRE_CARD_FIELDS)])
    if values[5] is not None and int(values[5]) not in known:
        log.warning("card %s names a member the cache does not hold", values[0])
        values[5] = None
    return tuple(values)


def apply_changes(
    conn: Connection, items: Sequence[Sequence[Any]], next_cursor: str, now: str
) -> None:
    """Apply feed items ``[seq, entity, key, data, at]`` in order; store the cursor."""
    cur = _cursor(conn)
    cur.execute("PRAGMA defer_foreign_keys = ON")
    touched: list[int] = []
    for seq, entity, key, data, at in items:
        if entity == "member":
            if data is None:
                _delete_member(cur, int(key), int(seq))
            else:
                cur.execute(_MEMBER_UPSERT, _member_values(data, int(seq), str(at)))
        elif entity == "card":
            if data is None:
                _delete_card(cur, int(key))
            else:
                known = _known_members(cur, [data[5]])
                _drop_clashing(cur, [data])
                cur.execute(_CARD_UPSERT, _card_values(data, known))
                touched.append(int(data[0]))
        elif entity == "program":
            _put_program(cur, data)
        elif entity == "gift":
            if data is None:
                cur.execute("DELETE FROM gifts WHERE code = ?", (key,))
            else:
                _put_gifts(cur, [data])
        elif entity == "limits":
            cur.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (LIMITS, json.dumps(data, sort_keys=True)),
            )
        else:
            log.warning("a change of an unknown kind %r ignored", entity)
    _unlink_missing_replacements(cur, touched)
    cur.close()
    set_state(conn, CURSOR, next_cursor)


def _put_program(cur: Any, data: dict[str, Any] | None) -> None:
    if data is None:
        return
    cur.execute("DELETE FROM programs")
    cur.execute(
        "INSERT INTO programs (code, version, body, active) VALUES (?, ?, ?, 1)",
        (data["code"], int(data["version"]), json.dumps(data["body"], sort_keys=True)),
    )


def _put_gifts(cur: Any, rows: Iterable[Sequence[Any]]) -> None:
    cur.executemany(
        "INSERT INTO gifts (code, name, kind, points_cost_centi, active) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
        "points_cost_centi = excluded.points_cost_centi, active = excluded.active",
        [tuple(r[:5]) for r in rows],
    )


# --- the snapshot ---------------------------------------------------------------------


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
    cur = _cursor(conn)
    _put_program(cur, meta.get("program"))
    gifts = meta.get("gifts") or []
    codes = json.dumps([g[0] for g in gifts])
    cur.execute("DELETE FROM gifts WHERE code NOT IN (SELECT value FROM json_each(?))", (codes,))
    _put_gifts(cur, gifts)
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
    cur = _cursor(conn)
    # A card may name its replacement further on in the same page: checked at COMMIT.
    cur.execute("PRAGMA defer_foreign_keys = ON")
    upper = None if done else next_after
    fixups = dict(state.fixups)
    if state.part == "members":
        values = [_member_values(r, int(r[-1]), state.as_of_time) for r in rows]
        cur.executemany(_MEMBER_INSERT if state.first_fill else _MEMBER_UPSERT, values)
        if not state.first_fill:
            _delete_missing(cur, "members", state.after, upper, [r[0] for r in rows])
    else:
        known = _known_members(cur, (r[5] for r in rows))
        values = []
        for r in rows:
            v = list(_card_values(r, known))
            if v[8] is not None and int(v[8]) > next_after and not done:
                fixups[str(v[0])] = int(v[8])  # a card further on: linked at the end
                v[8] = None
            values.append(tuple(v))
        if not state.first_fill:
            _delete_missing_cards(cur, state.after, upper, [r[0] for r in rows])
            _drop_clashing(cur, rows)
        cur.executemany(_CARD_INSERT if state.first_fill else _CARD_UPSERT, values)
        _unlink_missing_replacements(cur, [r[0] for r in rows])
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
        _delete_card(cur, int(card_id))


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
                    _delete_card(cur, int(card_id))


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
