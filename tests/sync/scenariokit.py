"""Helpers of the sync scenarios (test_*_scenarios.py, test_offline_tills.py,
test_refused_credential.py, test_retry_after.py): the real SyncWorker thread on a till,
and what its cache holds."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from builders import cards
from officekit import Terminal, now

from sync.client import OfficeClient
from sync.worker import Backoff, SyncStatus, SyncWorker
from terminal.store import push_outcomes, queries, sync_state

FAST = Backoff(base_s=0.02, cap_s=0.1)


def wait_for(cond: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or cond}")
        time.sleep(0.02)


@contextmanager
def worker(
    t: Terminal, client: OfficeClient | None = None, **kw: Any
) -> Iterator[tuple[SyncWorker, list[SyncStatus]]]:
    seen: list[SyncStatus] = []
    w = SyncWorker(
        t.db,
        client or t.client(),
        clock=now,
        on_status=seen.append,
        poll_s=kw.pop("poll_s", 0.05),
        backoff=kw.pop("backoff", FAST),
        **kw,
    )
    w.start()
    try:
        yield w, seen
    finally:
        w.stop()
        assert not w.is_alive()


def waiting(t: Terminal) -> int:
    with t.db.read() as conn:
        return push_outcomes.counts(conn).waiting


def state_value(t: Terminal, key: str) -> str | None:
    with t.db.read() as conn:
        return sync_state.get_state(conn, key)


def active_cards(t: Terminal, n: int, skip: int = 0) -> list[int]:
    return [c.id for c in cards(t.db, limit=n + skip, with_member=True)][skip:]


def member_of_card(t: Terminal, card: int) -> int:
    with t.db.read() as conn:
        found = queries.card_by_id(conn, card)
    assert found is not None and found.member_id is not None, card
    return found.member_id
