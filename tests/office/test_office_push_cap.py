"""The push body's cap holds the largest batch a till makes: 1,000 operations of the
largest kind the till's own code records (a member registration with the longest name and
greeting it accepts, in Cyrillic, which JSON sends as \\uXXXX), as its outbox keeps them,
in the envelope sync.client sends, with a fifth to spare; and those operations pass the
office's gate and are applied."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

import pytest
from officekit import Terminal
from opkit import SUPERVISOR_ID

from common.clock import FixedClock
from office.limits import ServerLimits
from sync.protocol import MAX_BATCH
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.registration import MAX_NAME, register_member
from terminal.services.staff import Role, StaffMember
from terminal.services.till import Till
from terminal.store import sync_state

pytestmark = pytest.mark.integration


def _payloads(t: Terminal) -> list[str]:
    with t.db.read() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT payload FROM outbox ORDER BY seq")]


def test_1000_of_the_largest_operations_fit_in_a_push(terminal: Terminal) -> None:
    terminal.sync()  # the office's program and members
    with terminal.db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, str(terminal.creds.terminal_id))
    chief = SUPERVISOR_ID  # the office's demo supervisor, come with the sync
    ids = itertools.count(1)
    clock = FixedClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
    till = Till(terminal.db, clock, ids=lambda: f"{next(ids):08d}-0000-4000-8000-000000000000")
    who = StaffMember(int(chief), "Пётр Старший", Role.SUPERVISOR)
    name = ("Щ" * 99 + " ") * 3
    for n in range(5):
        card = CardKey(uid=f"04{n:012X}", number=f"70001111{n:05d}")
        register_member(
            till.unit(who),
            card,
            name[:MAX_NAME],
            name[:MAX_NAME],
            "+380 50 123 45 67",
            date(1990, 5, 17),
            True,
            True,
        )
        checkout(till.unit(who), CardKey(card_id=1), Money.parse("99999.99"), None)
    largest = max(_payloads(terminal), key=len)
    batch = [largest] * MAX_BATCH
    body = ('{"operations":[' + ",".join(batch) + "]}").encode()
    assert len(body) <= ServerLimits().max_push_bytes * 0.8, len(body)  # a fifth to spare
    with terminal.client() as client:
        results, _ = client.push(_payloads(terminal))
    assert [r.status.value for r in results] == ["applied"] * 10
