"""Fast: the offline limits on a fake unit of work, each refusal and each way past them
(the same limits on a real cache: tests/sync/test_offline_limits.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from fake_tables import NOW, Row, Tables
from service_fakes import FakeStore, tables, unit

from terminal.loyalty import Money
from terminal.services import member_ops
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.offline import OfflineLimit, check_spend, state
from terminal.store.records import NewOperation

LIMITS: dict[str, int | bool] = {
    "offline_after_s": 120,
    "max_data_age_s": 3600,
    "per_operation_centi": 500_00,
    "per_card_centi": 1000_00,
    "terminal_total_centi": 3000_00,
    "gifts_offline": True,
}


def offline(t: Tables, **limits: int | bool) -> Tables:
    """Enrolled, offline for ten minutes, data pulled twenty minutes ago."""
    t.terminal_id = "1"
    t.limits = {**LIMITS, **limits}
    t.last_contact = NOW - timedelta(minutes=10)
    t.last_pull = NOW - timedelta(minutes=20)
    t.members[1] = replace(t.members[1], balance_centi=2000_00)
    return t


def pending(t: Tables, member_id: int | None, spent: int, *, kind: str = "purchase") -> None:
    gift = kind == "gift"
    op = NewOperation(
        id=f"op-{len(t.operations) + 1}",
        kind=kind,
        created_at=NOW.isoformat(),
        card_id=None,
        member_id=member_id,
        points_spent_centi=0 if gift else spent,
        points_delta_centi=-spent,
    )
    t.operations.append(Row(op, len(t.operations) + 1))


def refused(t: Tables, member_id: int | None, centi: int, *, gift: bool = False) -> str:
    with FakeStore(t).read() as tx, pytest.raises(OfflineLimit) as exc:
        check_spend(tx, member_id, centi, NOW, gift=gift)
    return exc.value.code


def allowed(t: Tables, member_id: int | None, centi: int, *, gift: bool = False) -> None:
    with FakeStore(t).read() as tx:
        check_spend(tx, member_id, centi, NOW, gift=gift)


def test_a_hold_or_not_enrolled_has_no_limits_online_without_one_has() -> None:
    t = offline(tables())
    t.last_contact = NOW - timedelta(seconds=30)  # "online": data from the cache all the same
    assert refused(t, 1, 10**9) == "offline_per_operation"
    with FakeStore(t).read() as tx:  # the office holds the points: its decision
        check_spend(tx, 1, 10**9, NOW, held_centi=10**9)
        with pytest.raises(OfflineLimit):  # a spend above its hold is an offline one
            check_spend(tx, 1, 10**9, NOW, held_centi=10**9 - 1)
    t = offline(tables())
    t.terminal_id = None
    allowed(t, 1, 10**9)
    with FakeStore(t).read() as tx:
        st = state(tx, NOW)
    assert not st.enrolled and st.data_age == timedelta(minutes=20)


def test_earning_is_never_refused() -> None:
    t = offline(tables())
    t.last_pull = None  # never pulled: the data is as stale as it gets
    allowed(t, 1, 0)


def test_stale_or_never_pulled_data_spends_nothing() -> None:
    t = offline(tables())
    t.last_pull = NOW - timedelta(hours=2)
    assert refused(t, 1, 100) == "offline_stale"
    t.last_pull = None
    assert refused(t, 1, 100) == "offline_stale"
    t.last_pull = NOW + timedelta(minutes=1)  # the clock went back: stale, not fresh
    assert refused(t, 1, 100) == "offline_stale"


def test_a_clock_set_back_counts_as_offline() -> None:
    t = offline(tables())
    t.last_contact = NOW + timedelta(minutes=5)
    with FakeStore(t).read() as tx:
        assert not state(tx, NOW).online


def test_the_caps_per_operation_card_and_till() -> None:
    t = offline(tables())
    assert refused(t, 1, 500_01) == "offline_per_operation"
    allowed(t, 1, 500_00)
    pending(t, 1, 600_00)
    assert refused(t, 1, 400_01) == "offline_per_card"
    allowed(t, 1, 400_00)
    pending(t, None, 2000_00)  # bearer cards' spending counts for the till
    pending(t, 2, 300_00)
    assert refused(t, None, 100_01) == "offline_terminal"


def test_the_known_balance_minus_what_is_pending_against_it() -> None:
    t = offline(tables(), per_card_centi=10**9)
    t.members[1] = replace(t.members[1], balance_centi=300_00)
    pending(t, 1, 250_00)
    assert refused(t, 1, 50_01) == "offline_balance"
    allowed(t, 1, 50_00)


def test_gifts_offline_follow_the_office_switch() -> None:
    t = offline(tables(), gifts_offline=False)
    assert refused(t, 1, 0, gift=True) == "offline_gift"
    t = offline(tables())
    allowed(t, 1, 0, gift=True)


def test_a_refused_checkout_and_gift_write_nothing() -> None:
    store = FakeStore(offline(tables(), per_operation_centi=100))
    with pytest.raises(OfflineLimit):
        checkout(unit(store), CardKey(card_id=1), Money.parse("500"), Decimal(2))
    store.tables.limits["gifts_offline"] = False
    with pytest.raises(OfflineLimit):
        member_ops.give_gift(unit(store), CardKey(card_id=1), "MUG")
    assert store.tables.operations == [] and store.commits == 0
