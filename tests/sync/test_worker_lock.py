"""A worker that finds the till's sync lock held (`sync --once` beside the app) waits for
it without calling the till offline, then syncs."""

from __future__ import annotations

import time

import pytest
from officekit import Terminal, checkout, now, terminal_ops

from sync.engine import sync_lock
from sync.worker import SyncState, SyncStatus, SyncWorker

pytestmark = pytest.mark.integration


def test_a_held_lock_is_not_offline(terminal: Terminal) -> None:
    terminal.sync()
    op = checkout(terminal, 1, "120.00")
    seen: list[SyncStatus] = []
    worker = SyncWorker(
        terminal.db, terminal.client(), clock=now, on_status=seen.append, poll_s=600
    )
    with sync_lock(terminal.path):
        worker.start()
        time.sleep(1.0)
        assert terminal_ops(terminal.db)[op][0] == "pending"
    try:
        deadline = time.monotonic() + 10
        while terminal_ops(terminal.db)[op][0] != "acked":
            assert time.monotonic() < deadline, "the worker did not sync after the lock"
            time.sleep(0.05)
    finally:
        worker.stop()
    assert SyncState.OFFLINE not in {s.state for s in seen}
