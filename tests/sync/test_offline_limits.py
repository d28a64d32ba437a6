"""terminal.services.offline.check_spend on a real SQLite cache: each refusal, and that
earning is never refused."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from builders import cards
from sqlalchemy import Connection

from sync.protocol import OfflineLimits, format_time
from terminal.services.offline import OfflineLimit, check_spend
from terminal.store import ledger, sync_state
from terminal.store.database import Database
from terminal.store.records import NewOperation
from terminal.store.unit_of_work import SqlReads

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
LIMITS = OfflineLimits(
    offline_after_s=120,
    max_data_age_s=3600,
    per_operation_centi=500_00,
    per_card_centi=1000_00,
    terminal_total_centi=3000_00,
    gifts_offline=True,
)
_ids = itertools.count(1)


@pytest.fixture
def cache(demo_db: Database) -> Iterator[Database]:
    """An enrolled till, offline for 10 minutes, its data pulled 20 minutes ago."""
    with demo_db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "1")
        set_limits(conn, LIMITS)
        sync_state.set_state(conn, sync_state.LAST_CONTACT, ago(minutes=10))
        sync_state.set_state(conn, sync_state.LAST_PULL, format_time(NOW - timedelta(minutes=20)))
        conn.exec_driver_sql("UPDATE members SET balance_centi = 200000")
    yield demo_db


def ago(**delta: float) -> str:
    return format_time(NOW - timedelta(**delta))


def set_limits(conn: Connection, limits: OfflineLimits) -> None:
    sync_state.set_state(conn, sync_state.LIMITS, json.dumps(limits.to_dict()))


def member_and_card(db: Database, skip: int = 0) -> tuple[int, int]:
    card = cards(db, kind=None, state=None, limit=skip + 1, with_member=True)[skip]
    assert card.member_id is not None
    return card.member_id, card.id


def spend(
    db: Database,
    member: int,
    card: int,
    centi: int,
    *,
    kind: str = "purchase",
    earn: int = 0,
    status: str = "pending",
) -> str:
    """Record an operation as the till does (operation + outbox row)."""
    op_id = f"op-{next(_ids):06d}"
    gift = kind == "gift"
    with db.write() as conn:
        ledger.record(
            conn,
            NewOperation(
                id=op_id,
                kind=kind,
                created_at=NOW.isoformat(),
                card_id=card,
                member_id=member,
                points_spent_centi=0 if gift else centi,
                points_earned_centi=earn,
                points_delta_centi=earn - centi,
            ),
        )
        if status != "pending":
            conn.exec_driver_sql("UPDATE operations SET status = ? WHERE id = ?", (status, op_id))
    return op_id


def check(
    db: Database, member: int | None, centi: int, *, gift: bool = False, now: datetime = NOW
) -> None:
    with db.read() as conn:
        check_spend(SqlReads(conn), member, centi, now, gift=gift)


def refused(db: Database, member: int | None, centi: int, **kw: object) -> OfflineLimit:
    with pytest.raises(OfflineLimit) as exc:
        check(db, member, centi, **kw)  # type: ignore[arg-type]
    return exc.value


def test_earning_is_never_refused(cache: Database) -> None:
    member, _card = member_and_card(cache)
    with cache.write() as conn:
        set_limits(
            conn,
            OfflineLimits(
                per_operation_centi=0, per_card_centi=0, terminal_total_centi=0, gifts_offline=False
            ),
        )
        sync_state.set_state(conn, sync_state.LAST_PULL, format_time(NOW - timedelta(days=90)))
        conn.exec_driver_sql("UPDATE members SET balance_centi = -500")
    check(cache, member, 0)
    check(cache, None, 0)
    with cache.write() as conn:  # never synced at all
        sync_state.set_state(conn, sync_state.LAST_PULL, None)
    check(cache, member, 0)


def test_a_hold_or_not_enrolled_the_limits_do_not_apply(cache: Database) -> None:
    member, _ = member_and_card(cache)
    with cache.write() as conn:
        sync_state.set_state(conn, sync_state.LAST_CONTACT, ago(seconds=30))
    # "online" by the last contact, but the data is the cache's: the caps apply
    assert refused(cache, member, 1900_00).code == "offline_per_operation"
    with cache.read() as conn:  # the office holds the points: its decision, no caps
        check_spend(SqlReads(conn), member, 1900_00, NOW, held_centi=1900_00)
    with cache.write() as conn:
        sync_state.set_state(conn, sync_state.LAST_CONTACT, format_time(NOW - timedelta(hours=1)))
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, None)
    check(cache, member, 1900_00)  # a till without an office: its own cache is the truth


def test_stale_data_refuses_spending_offline(cache: Database) -> None:
    member, _ = member_and_card(cache)
    check(cache, member, 100_00)
    late = NOW + timedelta(minutes=41)  # pulled 61 minutes before: older than an hour
    e = refused(cache, member, 100_00, now=late)
    assert e.code == "offline_stale" and "too old" in str(e)
    with cache.write() as conn:
        sync_state.set_state(conn, sync_state.LAST_PULL, None)
    assert refused(cache, member, 1).code == "offline_stale"


def test_the_per_operation_cap(cache: Database) -> None:
    member, _ = member_and_card(cache)
    check(cache, member, 500_00)
    e = refused(cache, member, 500_01)
    assert e.code == "offline_per_operation" and e.params == {"cap": Decimal("500.00")}
    with cache.write() as conn:  # a cap of 0: no spending offline at all
        set_limits(conn, OfflineLimits(max_data_age_s=3600, per_operation_centi=0))
    assert refused(cache, member, 1).code == "offline_per_operation"


def test_the_per_card_cap_counts_the_cards_pending_spending(cache: Database) -> None:
    member, card = member_and_card(cache)
    other, other_card = member_and_card(cache, skip=50)
    assert other != member
    spend(cache, member, card, 400_00)
    spend(cache, member, card, 200_00, kind="gift")  # a gift's points count too
    spend(cache, member, card, 300_00, status="acked")  # the office has it: not pending
    spend(cache, member, card, 300_00, status="parked")
    spend(cache, other, other_card, 450_00)  # another card's spending is not this one's
    check(cache, member, 400_00)
    e = refused(cache, member, 400_01)
    assert e.code == "offline_per_card" and e.params == {"left": Decimal("400.00")}
    assert "400.00" in str(e)


def test_the_balance_minus_pending_spending(cache: Database) -> None:
    member, card = member_and_card(cache)
    with cache.write() as conn:
        conn.exec_driver_sql("UPDATE members SET balance_centi = 50000 WHERE id = ?", (member,))
    spend(cache, member, card, 200_00)
    check(cache, member, 300_00)
    e = refused(cache, member, 300_01)
    assert e.code == "offline_balance" and e.params == {"left": Decimal("300.00")}
    # Points earned offline are not yet the office's: they do not make more spendable.
    spend(cache, member, card, 0, earn=250_00)
    assert refused(cache, member, 300_01).code == "offline_balance"
    with cache.write() as conn:
        conn.exec_driver_sql("UPDATE members SET balance_centi = -1000 WHERE id = ?", (member,))
    e = refused(cache, member, 1)
    assert e.code == "offline_balance" and e.params == {"left": Decimal("0.00")}


def test_the_terminal_cap_counts_every_cards_pending_spending(cache: Database) -> None:
    for i in range(6):
        m, c = member_and_card(cache, skip=10 * i)
        spend(cache, m, c, 450_00)  # 2700 of the till's 3000
    member, _ = member_and_card(cache, skip=200)
    check(cache, member, 300_00)
    e = refused(cache, member, 300_01)
    assert e.code == "offline_terminal" and e.params == {"left": Decimal("300.00")}


def test_gifts_offline_follow_the_office(cache: Database) -> None:
    member, _ = member_and_card(cache)
    check(cache, member, 0, gift=True)  # a free birthday gift
    check(cache, member, 300_00, gift=True)
    assert refused(cache, member, 600_00, gift=True).code == "offline_per_operation"
    with cache.write() as conn:
        set_limits(conn, OfflineLimits(max_data_age_s=3600, gifts_offline=False))
    e = refused(cache, member, 0, gift=True)
    assert e.code == "offline_gift" and "gifts cannot be handed out offline" in str(e)
    check(cache, member, 0)  # earning still works


def test_a_purchase_that_spends_and_earns_counts_what_it_spends(cache: Database) -> None:
    """Spending 400 and earning 100 in one purchase leaves 0 of a 400 balance spendable
    offline (its net -300 would wrongly leave 100)."""
    member, card = member_and_card(cache, skip=3)
    with cache.write() as conn:
        conn.exec_driver_sql("UPDATE members SET balance_centi = 40000 WHERE id = ?", (member,))
    spend(cache, member, card, 400_00, earn=100_00)
    e = refused(cache, member, 100)
    assert e.code == "offline_balance" and e.params == {"left": Decimal("0.00")}


def test_a_clock_set_back_is_not_online(cache: Database) -> None:
    """The till's clock put back a day after its last contact: the offline limits
    still apply, and the data counts as stale."""
    member, _card = member_and_card(cache)
    e = refused(cache, member, 100_00, now=NOW - timedelta(days=1))
    assert e.code == "offline_stale"
    with cache.write() as conn:
        set_limits(conn, replace(LIMITS, per_operation_centi=10_00, max_data_age_s=10**9))
    assert refused(cache, member, 100_00, now=NOW - timedelta(days=1)).code == "offline_stale"
