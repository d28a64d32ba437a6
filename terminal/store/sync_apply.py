"""The old home of the sync's writes to the cache, kept only for the importers not yet
moved: the sync state is in :mod:`terminal.store.sync_state`, the push in
:mod:`terminal.store.push_outcomes`, the feed in :mod:`terminal.store.feed_apply`, the
snapshot in :mod:`terminal.store.snapshot_apply`. Import those; this module goes once
nothing imports it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import Connection

from terminal.store import push_outcomes
from terminal.store.push_outcomes import (
    Counts,
    Outcome,
    OutcomeStatus,
    Outgoing,
    counts,
    last_outgoing_seq,
    outgoing,
    unpark,
)
from terminal.store.sync_state import (
    AUTH_ERROR,
    CLOCK_SKEW,
    CURSOR,
    INDEX_DDL,
    LAST_CONTACT,
    LAST_PULL,
    LIMITS,
    OFFICE_NAME,
    OFFICE_TERMINAL,
    OFFICE_URL,
    SNAPSHOT,
    get_state,
    set_state,
)

__all__ = [
    "AUTH_ERROR",
    "CLOCK_SKEW",
    "CURSOR",
    "INDEX_DDL",
    "LAST_CONTACT",
    "LAST_PULL",
    "LIMITS",
    "OFFICE_NAME",
    "OFFICE_TERMINAL",
    "OFFICE_URL",
    "SNAPSHOT",
    "Counts",
    "Outcome",
    "Outgoing",
    "counts",
    "get_state",
    "last_outgoing_seq",
    "outgoing",
    "record_outcomes",
    "set_state",
    "unpark",
]


def record_outcomes(conn: Connection, outcomes: Iterable[Outcome], synced_at: str) -> None:
    """:func:`terminal.store.push_outcomes.record_outcomes`, taking the statuses of the
    old interface too ("acked", "parked", "held" as strings)."""
    push_outcomes.record_outcomes(
        conn, [replace(o, status=OutcomeStatus(o.status)) for o in outcomes], synced_at
    )
