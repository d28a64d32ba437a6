"""A credential the office refuses, end to end: a real till (SQLite file), the
reference office over real HTTP on loopback, the real SyncWorker thread."""

from __future__ import annotations

import pytest
from officekit import (
    Terminal,
    checkout,
    office_op_count,
    terminal_ops,
)
from scenariokit import active_cards, state_value, wait_for, worker

from office import auth
from office.db import OfficeDB
from sync.client import OfficeClient, Timeouts
from sync.worker import SyncState
from terminal.store import sync_state

pytestmark = pytest.mark.integration


# --- credentials ------------------------------------------------------------------------


@pytest.mark.expected_log(r"the office refused this till's credential")
@pytest.mark.parametrize("how", ["unknown", "revoked"])
def test_a_refused_credential_stops_the_worker_and_keeps_every_operation(
    terminal: Terminal, office_db: OfficeDB, how: str
) -> None:
    terminal.sync()
    cards = active_cards(terminal, 3)
    ops = [checkout(terminal, c, "250.00") for c in cards]
    if how == "revoked":
        assert auth.revoke(office_db, terminal.creds.terminal_id)
        client = terminal.client()
        status_code = 403
    else:
        client = OfficeClient(terminal.url, "forged-token", timeouts=Timeouts(2, 5))
        status_code = 401
    with worker(terminal, client) as (w, seen):
        wait_for(lambda: not w.is_alive(), what="the worker to stop")
        final = w.status
    assert final.state is SyncState.STOPPED
    assert final.message is not None and f"HTTP {status_code}" in final.message
    assert "store IT" in final.message
    assert final.waiting == 3
    assert seen[-1].state is SyncState.STOPPED
    assert state_value(terminal, sync_state.AUTH_ERROR) == final.message
    assert [terminal_ops(terminal.db)[o][0] for o in ops] == ["pending"] * 3
    with terminal.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar_one() == 3
    assert office_op_count(office_db) == 0
