"""The push: what waits in the outbox, and what the office's answers do to the cache.

:func:`record_outcomes`: acknowledged operations stop being pending, leave the outbox,
and the member's office figures take the office's answer (only if newer than what the
cache holds), all at once: the balance shown never counts an operation twice. Rejected
ones are parked for review (their outbox row kept); the rest go on.

Call every function inside ``Database.write()`` (or ``read()`` for the readers).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

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


class OutcomeStatus(enum.Enum):
    """What an answer of the office does to an operation (its ``operations.status``)."""

    ACKED = "acked"  # applied (or a duplicate): acknowledged, out of the outbox
    PARKED = "parked"  # rejected: kept with its outbox row, for review
    HELD = "held"  # a reversal waiting for its target: stays pending, sent again


@dataclass(frozen=True, slots=True)
class MemberFigures:
    """A member's office figures right after an operation, as of the office's
    ``office_seq`` (the three spend figures may be missing from an answer)."""

    balance_centi: int
    lifetime_spend_minor: int | None
    window_spend_minor: int | None
    purchases: int | None
    last_gift_year: int | None  # None: unchanged
    office_seq: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """The office's answer to one operation, in the store's terms: ``result`` is the
    answer as JSON text; ``member`` the figures of ``member_id``, when the office sent
    them."""

    op_id: str
    status: OutcomeStatus
    result: str
    member_id: int | None = None
    member: MemberFigures | None = None


def record_outcomes(conn: Connection, outcomes: Iterable[Outcome], synced_at: str) -> None:
    cur = raw_cursor(conn)
    for o in outcomes:
        if o.status is OutcomeStatus.ACKED:
            cur.execute(
                "UPDATE operations SET status = 'acked', result = ? WHERE id = ?",
                (o.result, o.op_id),
            )
            cur.execute("DELETE FROM outbox WHERE op_id = ?", (o.op_id,))
            m = o.member
            if o.member_id is not None and m is not None:
                cur.execute(
                    "UPDATE members SET balance_centi = ?, lifetime_spend_minor = ?, "
                    "window_spend_minor = ?, purchases = ?, "
                    "last_gift_year = coalesce(?, last_gift_year), office_seq = ?, "
                    "synced_at = ? WHERE id = ? AND office_seq < ?",
                    (
                        m.balance_centi,
                        m.lifetime_spend_minor,
                        m.window_spend_minor,
                        m.purchases,
                        m.last_gift_year,
                        m.office_seq,
                        synced_at,
                        o.member_id,
                        m.office_seq,
                    ),
                )
        elif o.status is OutcomeStatus.PARKED:
            cur.execute(
                "UPDATE operations SET status = 'parked', result = ? WHERE id = ?",
                (o.result, o.op_id),
            )
            cur.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE op_id = ?",
                (o.result, o.op_id),
            )
        elif o.status is OutcomeStatus.HELD:
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
