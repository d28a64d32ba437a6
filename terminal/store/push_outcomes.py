"""The push: what waits in the outbox, and what the office's answers do to the cache.

:func:`record_outcomes`: acknowledged operations stop being pending, leave the outbox,
and the member's office figures take the office's answer (only if newer than what the
cache holds), all at once: the balance shown never counts an operation twice. Rejected
ones are parked for review (their outbox row kept); the rest go on.

Call every function inside ``Database.write()`` (or ``read()`` for the readers).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from terminal.store.row_writes import raw_cursor


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
    cur = raw_cursor(conn)
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
