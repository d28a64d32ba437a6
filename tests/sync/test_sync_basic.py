"""Push, pull and snapshot against the reference office over real HTTP on loopback."""

from __future__ import annotations

import pytest
from officekit import (
    Terminal,
    cache_balances,
    checkout,
    office_balances,
    terminal_ops,
)

from office.db import OfficeDB

pytestmark = pytest.mark.integration


def test_first_sync_downloads_the_office_and_pushes_a_checkout(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    office = office_balances(office_db)
    assert cache_balances(terminal.db) == office
    op = checkout(terminal, 1, "1000.00")
    assert terminal_ops(terminal.db)[op][0] == "pending"
    terminal.sync()
    status, delta, member = terminal_ops(terminal.db)[op]
    assert status == "acked"
    assert member is not None
    after = office_balances(office_db)
    assert after[member] == office[member] + delta
    assert cache_balances(terminal.db) == after
