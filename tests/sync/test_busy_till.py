"""A till busy enough that a new operation comes during every push still pulls: a pass
pushes what was waiting when it began, then follows the feed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pytest
from officekit import Terminal, checkout, now, terminal_ops

from sync.client import OfficeClient, Timeouts
from sync.engine import Syncer
from sync.protocol import OpResult
from terminal.store import sync_state

pytestmark = pytest.mark.integration


class BusyClient(OfficeClient):
    """The real client; the cashier checks out while each push is on the wire."""

    def __init__(self, t: Terminal, limit: int) -> None:
        super().__init__(t.url, t.creds.token, timeouts=Timeouts(2.0, 5.0))
        self.till = t
        self.pushes = 0
        self.limit = limit

    def push(self, operations: Sequence[str]) -> tuple[list[OpResult], datetime | None]:
        answer = super().push(operations)
        self.pushes += 1
        if self.pushes <= self.limit:
            checkout(self.till, 1, "100.00")
        return answer


def test_a_pass_pushes_what_waited_when_it_began_then_pulls(terminal: Terminal) -> None:
    terminal.sync()
    with terminal.db.read() as conn:
        cursor = sync_state.get_state(conn, sync_state.CURSOR)
    checkout(terminal, 1, "100.00")
    with BusyClient(terminal, limit=20) as client:
        result = Syncer(terminal.db, client, now, push_batch=1).run_pass()
        assert (client.pushes, result.pushed, result.acked) == (1, 1, 1)
        assert result.changes >= 1  # the member's change from that push
        with terminal.db.read() as conn:
            assert sync_state.get_state(conn, sync_state.CURSOR) != cursor
        assert sorted(s for s, _d, _m in terminal_ops(terminal.db).values()) == [
            "acked",
            "pending",
        ]
