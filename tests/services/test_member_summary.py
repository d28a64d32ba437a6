"""What supervisor mode shows before acting, on real cache files: whose card it is with
its last operations newest first, the office's caps on an adjustment as they are used up,
and a return's figures before anything is recorded."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from builders import card_key
from sqlalchemy import text

from common.clock import FixedClock
from terminal.loyalty import Money, ReturnError
from terminal.services import member_ops, member_summary
from terminal.services.checkout import checkout
from terminal.services.return_lookup import find_purchase
from terminal.services.staff import NotAllowed, Role, StaffMember
from terminal.services.till import Till
from terminal.store.database import Database

CHIEF = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
CASHIER = StaffMember(1, "Анна Кассирова", Role.CASHIER)


@pytest.fixture
def till(demo_db: Database, clock: FixedClock) -> Till:
    counter = itertools.count(1)
    return Till(demo_db, clock, ids=lambda: f"00000000-0000-4000-8000-{next(counter):012d}")


def test_the_summary_names_the_member_and_their_last_three_operations(
    till: Till, demo_db: Database
) -> None:
    key = card_key(demo_db)
    with demo_db.read() as conn:
        before = conn.execute(text("SELECT count(*) FROM operations")).scalar()
    assert before == 0 and member_summary.card_summary(till.unit(), key).last == ()
    checkout(till.unit(), key, Money.parse("100"))
    purchase = checkout(till.unit(), key, Money.parse("200"))
    member_ops.adjust_points(till.unit(CHIEF), key, Decimal(-5), "a double entry")
    member_ops.return_purchase(till.unit(CHIEF), purchase.operation_id, Money.parse("50"))
    summary = member_summary.card_summary(till.unit(), key)
    assert summary.view.member is not None and summary.view.card_id == key.card_id
    assert [op.kind for op in summary.last] == ["return", "adjustment", "purchase"]
    ret, adjustment, bought = summary.last
    assert ret.amount == Money.parse("50") and adjustment.points_delta == Decimal(-5)
    assert adjustment.amount is None and bought.amount == Money.parse("200")
    assert key.card_id is not None
    other = card_key(demo_db, id_above=key.card_id)  # another member's card: none of these
    assert member_summary.card_summary(till.unit(), other).last == ()


def test_the_adjustment_room_shrinks_with_the_days_adjustments(
    till: Till, demo_db: Database
) -> None:
    room = member_summary.adjustment_room(till.unit(CHIEF))
    assert room == member_summary.AdjustmentRoom(Decimal(1000), Decimal(5000))
    member_ops.adjust_points(till.unit(CHIEF), card_key(demo_db), Decimal(-750), "goodwill")
    room = member_summary.adjustment_room(till.unit(CHIEF))
    assert room.per_operation == 1000 and room.left_today == Decimal(4250)


def test_a_returns_preview_is_what_the_return_gives_back(till: Till, demo_db: Database) -> None:
    key = card_key(demo_db)
    purchase = checkout(till.unit(), key, Money.parse("1000"))
    found = find_purchase(till.unit(CHIEF), purchase.operation_id)
    with pytest.raises(NotAllowed):
        member_summary.preview_return(till.unit(CASHIER), found)
    part = member_summary.preview_return(till.unit(CHIEF), found, Money.parse("250"))
    _recorded, done = member_ops.return_purchase(till.unit(CHIEF), found, Money.parse("250"))
    assert part == done and part.refund_money.is_positive()
    rest = member_summary.preview_return(
        till.unit(CHIEF), find_purchase(till.unit(CHIEF), purchase.operation_id)
    )
    assert rest.returning == Money.parse("750")
    with pytest.raises(ReturnError):
        member_summary.preview_return(till.unit(CHIEF), found, Money.parse("2000"))
    with demo_db.read() as conn:
        returns = conn.execute(text("SELECT count(*) FROM operations WHERE kind='return'"))
        assert returns.scalar() == 1  # previews record nothing
