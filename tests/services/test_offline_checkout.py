"""The checkout enforces the office's offline limits: earning always works, spending
offline only within them, and a refused checkout records nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from builders import a_card
from sqlalchemy import text

from common.clock import FixedClock
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.offline import OfflineLimit
from terminal.services.till import Till
from terminal.store import sync_state
from terminal.store.database import Database


def rich_card(db: Database) -> tuple[int, int]:
    """A member's active card, and the member, with 2,000 points or more."""
    card = a_card(db, balance_at_least=2000)
    assert card.member_id is not None
    return card.id, card.member_id


def enrol_offline(
    db: Database, clock: FixedClock, contact_ago: timedelta, **limits: int | bool
) -> None:
    """A till enrolled with an office, last heard from ``contact_ago`` ago."""
    at = (clock.now() - contact_ago).isoformat()
    with db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "1")
        sync_state.set_state(conn, sync_state.LAST_CONTACT, at)
        sync_state.set_state(conn, sync_state.LAST_PULL, at)
        sync_state.set_state(conn, sync_state.LIMITS, json.dumps(limits))


def operations(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM operations")).scalar_one())


def test_offline_spending_beyond_the_cap_is_refused_and_nothing_recorded(
    demo_db: Database, clock: FixedClock
) -> None:
    card, _member = rich_card(demo_db)
    enrol_offline(demo_db, clock, timedelta(minutes=10), per_operation_centi=10_000)
    till = Till(demo_db, clock)
    with pytest.raises(OfflineLimit) as err:
        checkout(till.unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal("150"))
    assert err.value.code == "offline_per_operation"
    assert "100.00" in str(err.value)
    assert operations(demo_db) == 0
    # within the cap, and earning only: both recorded
    checkout(till.unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal("100"))
    checkout(till.unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal("0"))
    assert operations(demo_db) == 2


@dataclass(frozen=True)
class Decision:
    granted: bool
    points_centi: int
    available_centi: int
    reason: str | None = None


class FakeOffice:
    """The SpendAuthoriser port, answering as told (None: no answer in time)."""

    def __init__(self, answer: Callable[[int], Decision | None]) -> None:
        self.answer = answer
        self.asked: list[tuple[str, int, int | None, int, float]] = []

    def authorise(
        self, op_id: str, member_id: int, card_id: int | None, points_centi: int, deadline_s: float
    ) -> Decision | None:
        self.asked.append((op_id, member_id, card_id, points_centi, deadline_s))
        return self.answer(points_centi)


def test_online_a_spend_the_office_holds_is_not_capped_one_it_does_not_is(
    demo_db: Database, clock: FixedClock
) -> None:
    card, member = rich_card(demo_db)
    enrol_offline(demo_db, clock, timedelta(seconds=10), per_operation_centi=10_000)
    # "online" by the status, but nobody asked the office: the cache's data, the caps
    with pytest.raises(OfflineLimit) as err:
        checkout(
            Till(demo_db, clock).unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal(150)
        )
    assert err.value.code == "offline_per_operation"
    office = FakeOffice(lambda centi: Decision(True, centi, 0))
    done = checkout(
        Till(demo_db, clock, authoriser=office).unit(),
        CardKey(card_id=card),
        Money.parse("5000.00"),
        Decimal("150"),
    )
    assert operations(demo_db) == 1
    [(op_id, asked_member, asked_card, points, deadline)] = office.asked
    assert (op_id, asked_member, asked_card, points) == (done.operation_id, member, card, 150_00)
    assert deadline == 1.5  # the office's default authorise_ms
    # no answer within the deadline: the offline caps again
    silent = Till(demo_db, clock, authoriser=FakeOffice(lambda centi: None))
    with pytest.raises(OfflineLimit) as err:
        checkout(silent.unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal("150"))
    assert err.value.code == "offline_per_operation"
    checkout(silent.unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal("100"))
    assert operations(demo_db) == 2


def test_the_office_refusing_a_spend_records_nothing_and_says_why(
    demo_db: Database, clock: FixedClock
) -> None:
    card, _member = rich_card(demo_db)
    enrol_offline(demo_db, clock, timedelta(seconds=10))
    office = FakeOffice(lambda centi: Decision(False, centi, 12_34, "balance"))
    till = Till(demo_db, clock, authoriser=office)
    with pytest.raises(OfflineLimit) as err:
        checkout(till.unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal("50"))
    assert err.value.code == "office_refused"
    assert "12.34" in str(err.value) and "another till" in str(err.value)
    blocked = Till(demo_db, clock, authoriser=FakeOffice(lambda c: Decision(False, c, 0, "x")))
    with pytest.raises(OfflineLimit) as err:
        checkout(blocked.unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal("50"))
    assert err.value.code == "office_refused_card"
    assert operations(demo_db) == 0
    # earning only: nothing to authorise, the office is not asked
    checkout(till.unit(), CardKey(card_id=card), Money.parse("5000.00"), Decimal("0"))
    assert operations(demo_db) == 1 and len(office.asked) == 1


def test_stale_data_offline_allows_earning_only(demo_db: Database, clock: FixedClock) -> None:
    card, _member = rich_card(demo_db)
    enrol_offline(demo_db, clock, timedelta(days=3))
    till = Till(demo_db, clock)
    with pytest.raises(OfflineLimit) as err:
        checkout(till.unit(), CardKey(card_id=card), Money.parse("1000.00"), Decimal("1"))
    assert err.value.code == "offline_stale"
    checkout(till.unit(), CardKey(card_id=card), Money.parse("1000.00"), Decimal("0"))
    assert operations(demo_db) == 1


def test_gifts_offline_follow_the_office(demo_db: Database, clock: FixedClock) -> None:
    """The office can forbid gifts offline; allowed, a reward still needs fresh data."""
    from terminal.services import member_ops
    from terminal.services.staff import Role, StaffMember

    card, _member = rich_card(demo_db)
    with demo_db.read() as conn:
        code = conn.execute(
            text(
                "SELECT code FROM gifts WHERE kind = 'reward' AND active "
                "ORDER BY points_cost_centi LIMIT 1"
            )
        ).scalar_one()
    till = Till(demo_db, clock)
    chief = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
    ctx = till.unit(chief)
    enrol_offline(demo_db, clock, timedelta(minutes=10), gifts_offline=False)
    with pytest.raises(OfflineLimit) as err:
        member_ops.give_gift(ctx, CardKey(card_id=card), code)
    assert err.value.code == "offline_gift"
    enrol_offline(demo_db, clock, timedelta(days=3))
    with pytest.raises(OfflineLimit) as err:
        member_ops.give_gift(ctx, CardKey(card_id=card), code)
    assert err.value.code == "offline_stale"
    assert operations(demo_db) == 0
    enrol_offline(demo_db, clock, timedelta(minutes=10))
    member_ops.give_gift(ctx, CardKey(card_id=card), code)
    assert operations(demo_db) == 1


def test_a_gift_online_is_the_offices_decision(demo_db: Database, clock: FixedClock) -> None:
    from terminal.services import member_ops
    from terminal.services.staff import Role, StaffMember

    card, member = rich_card(demo_db)
    with demo_db.read() as conn:
        code, cost = conn.execute(
            text(
                "SELECT code, points_cost_centi FROM gifts WHERE kind = 'reward' AND active "
                "ORDER BY points_cost_centi LIMIT 1"
            )
        ).one()
    chief = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
    enrol_offline(demo_db, clock, timedelta(seconds=10), gifts_offline=False)
    with pytest.raises(OfflineLimit) as err:  # nobody asked: the offline rule
        member_ops.give_gift(Till(demo_db, clock).unit(chief), CardKey(card_id=card), code)
    assert err.value.code == "offline_gift"
    refusing = FakeOffice(lambda centi: Decision(False, centi, 5_00, "balance"))
    with pytest.raises(OfflineLimit) as err:
        member_ops.give_gift(
            Till(demo_db, clock, authoriser=refusing).unit(chief), CardKey(card_id=card), code
        )
    assert err.value.code == "office_refused" and "5.00" in str(err.value)
    assert operations(demo_db) == 0
    granting = FakeOffice(lambda centi: Decision(True, centi, 0))
    done = member_ops.give_gift(
        Till(demo_db, clock, authoriser=granting).unit(chief), CardKey(card_id=card), code
    )
    assert granting.asked[0][:4] == (done.operation_id, member, card, cost)
    assert operations(demo_db) == 1
