"""Online spending through the real office over HTTP, on SQLite and PostgreSQL: two tills
online spending one balance (the second is refused in words, the office never goes below
zero), and a till whose office does not answer within its deadline (a fault proxy that
delays every answer) deciding on its offline limits, with the cashier's wait bounded."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from faultproxy import FaultProxy, FaultRates
from officekit import Terminal, enrolled_terminal, terminal_ops
from opkit import office_member
from sqlalchemy import select

from office import admin
from office.models import holds
from office.server import OfficeServer
from sync import credentials
from sync.authoriser import HttpSpendAuthoriser
from sync.protocol import OfflineLimits
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.offline import OfflineLimit
from terminal.services.till import Till

pytestmark = pytest.mark.integration

MEMBER, CARD = 1_800_001, 1_800_001


def rich_member(office: OfficeServer, balance: int = 2000_00) -> None:
    admin.add_member(
        office.db, id=MEMBER, full_name="Богатая Клиентка", address_as="Анна", balance_centi=balance
    )
    admin.add_card(office.db, id=CARD, number="7000111100081", member_id=MEMBER)


@contextmanager
def online(t: Terminal, url: str | None = None) -> Iterator[Till]:
    """The till as the app puts it together: enrolled, spending authorised over HTTP."""
    credentials.note_in_cache(t.db, t.creds)
    authoriser = HttpSpendAuthoriser(url or t.url, t.creds.token)
    try:
        yield Till(t.db, authoriser=authoriser)
    finally:
        authoriser.close()


def spend(till: Till, points: str, amount: str = "20000.00") -> str:
    done = checkout(till.unit(), CardKey(card_id=CARD), Money.parse(amount), Decimal(points))
    return done.operation_id


def open_holds(office: OfficeServer) -> int:
    with office.db.read() as conn:
        return len(conn.execute(select(holds.c.id).where(holds.c.settled_at.is_(None))).all())


def test_two_tills_online_cannot_spend_one_balance_twice(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    rich_member(office_any)
    with (
        enrolled_terminal(office_any, tmp_path / "a", "A") as a,
        enrolled_terminal(office_any, tmp_path / "b", "B") as b,
    ):
        a.sync()
        b.sync()  # both synced seconds before: each cache says 2,000.00 points
        with online(a) as till_a, online(b) as till_b:
            spent = spend(till_a, "2000")
            with pytest.raises(OfflineLimit) as refused:
                spend(till_b, "2000")  # A's operation not even pushed yet: its hold counts
            assert refused.value.code == "office_refused"
            assert "0.00 points available" in str(refused.value)
            a.sync()
            with pytest.raises(OfflineLimit) as again:  # B's cache still says 2,000.00
                spend(till_b, "1000")
            assert again.value.code == "office_refused"
            b.sync()
        assert terminal_ops(a.db)[spent][0] == "acked"
        assert [s for s, _d, _m in terminal_ops(b.db).values()] == []
    member = office_member(office_any.db, MEMBER)
    assert member["balance_centi"] >= 0 and not member["overdrawn"]
    assert member["balance_centi"] == 2000_00 + terminal_ops(a.db)[spent][1]
    assert open_holds(office_any) == 0


def test_an_office_slower_than_its_deadline_leaves_the_offline_limits_to_decide(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    rich_member(office_any)
    admin.set_limits(
        office_any.db, replace(OfflineLimits(), authorise_ms=400, per_operation_centi=300_00)
    )
    host, port = office_any.url.removeprefix("http://").split(":")
    slow = FaultRates(0, 0, 0, 0, slow=1.0, duplicate=0, reorder=0)
    with (
        enrolled_terminal(office_any, tmp_path / "a", "A") as a,
        FaultProxy(host, int(port), seed=1, rates=slow, slow_s=3.0) as proxy,
    ):
        a.sync()  # the limits, directly
        with online(a, proxy.url) as till:
            began = time.monotonic()
            with pytest.raises(OfflineLimit) as refused:
                spend(till, "1000")  # beyond the offline cap of 300.00
            waited = time.monotonic() - began
            assert refused.value.code == "offline_per_operation" and "300.00" in str(refused.value)
            assert 0.35 < waited < 1.2, f"the cashier waited {waited:.2f} s"
            began = time.monotonic()
            within = spend(till, "300")  # within the caps: recorded on them
            assert time.monotonic() - began < 1.2
        a.sync()
        assert terminal_ops(a.db)[within][0] == "acked"
        assert len(terminal_ops(a.db)) == 1
        assert proxy.log, "the holds went through the proxy"
    time.sleep(0.1)
    assert open_holds(office_any) <= 1  # the refused spend's late hold, expiring by itself
    assert office_member(office_any.db, MEMBER)["balance_centi"] >= 0
