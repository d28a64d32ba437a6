"""The old home of the sync's writes to the cache, kept for the importers not yet moved:
the sync state in :mod:`terminal.store.sync_state`, the push in
:mod:`terminal.store.push_outcomes`, the feed in :mod:`terminal.store.feed_apply`, the
snapshot in :mod:`terminal.store.snapshot_apply`. Import those; this module goes once
nothing imports it.
"""

from __future__ import annotations

from terminal.store.feed_apply import apply_changes
from terminal.store.push_outcomes import (
    Counts,
    Outcome,
    Outgoing,
    counts,
    last_outgoing_seq,
    outgoing,
    record_outcomes,
    unpark,
)
from terminal.store.snapshot_apply import (
    SnapshotState,
    snapshot_page,
    snapshot_start,
    snapshot_state,
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
    "SnapshotState",
    "apply_changes",
    "counts",
    "get_state",
    "last_outgoing_seq",
    "outgoing",
    "record_outcomes",
    "set_state",
    "snapshot_page",
    "snapshot_start",
    "snapshot_state",
    "unpark",
]
