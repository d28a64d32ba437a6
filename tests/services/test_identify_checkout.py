"""Identify and check out on a real cache file: the balance shown, durability, atomicity."""

from __future__ import annotations

import itertools
import threading
from decimal import Decimal

import pytest
from builders import a_card, a_member, cards
from sqlalchemy import text

from common.clock import FixedClock
from terminal.loyalty import CardKind, CardNotUsable, CardState, Money, PointsError
from terminal.services import demo_data
from terminal.services.checkout import checkout, preview
from terminal.services.errors import UnknownCard
from terminal.services.identify import CardKey, card_key_from_text, identify, search
from terminal.services.till import Till
from terminal.store.database import Database


@pytest.fixture
def till(demo_db: Database, clock: FixedClock) -> Till:
    counter = itertools.count(1)
    return Till(demo_db, clock, ids=lambda: f"00000000-0000-4000-8000-{next(counter):012d}")


def _number(card_id: int) -> CardKey:
    return CardKey(number=demo_data.demo_card_number(card_id))


def test_identify_active_member(till: Till, demo_db: Database) -> None:
    card = a_card(demo_db, fixed_discount=False).id
    view = identify(till.unit(), CardKey(uid=demo_data.demo_card_uid(card)))
    assert view.usable and view.member is not None
    assert view.tier is not None and view.progress is not None
    assert view.balance == view.office_balance and view.pending_operations == 0


def test_identify_bearer_and_problem_cards(till: Till, demo_db: Database) -> None:
    bearer = identify(till.unit(), _number(a_card(demo_db, CardKind.BEARER).id))
    assert bearer.member is None and bearer.tier is None and bearer.terms.fixed_discount_pct > 0
    blocked = identify(till.unit(), _number(a_card(demo_db, None, CardState.BLOCKED).id))
    assert blocked.card_state is CardState.BLOCKED and not blocked.usable


def test_unknown_card(till: Till) -> None:
    with pytest.raises(UnknownCard):
        identify(till.unit(), CardKey(number="2990999999990"))


def test_checkout_writes_operation_and_outbox_together(till: Till, demo_db: Database) -> None:
    card = a_card(demo_db, fixed_discount=False).id
    before = identify(till.unit(), _number(card))
    spend = min(before.balance, Decimal(100))
    result = checkout(till.unit(), _number(card), Money.parse("2500,00"), spend)
    q = result.quote
    assert q.points_spent == spend
    with demo_db.read() as conn:
        op = conn.execute(text("SELECT seq, status, points_delta_centi FROM operations")).one()
        box = conn.execute(text("SELECT op_id, seq FROM outbox")).one()
    assert op.status == "pending" and box.op_id == result.operation_id and box.seq == op.seq
    assert op.points_delta_centi == int((q.points_earned - q.points_spent) * 100)
    after = identify(till.unit(), _number(card))
    assert after.balance == before.balance - q.points_spent + q.points_earned
    assert after.office_balance == before.office_balance
    assert after.pending_operations == 1
    assert after.state.purchases == before.state.purchases + 1
    assert after.state.lifetime_spend == before.state.lifetime_spend + q.facts().spend_added


def test_refused_checkouts_write_nothing(till: Till, demo_db: Database) -> None:
    blocked = a_card(demo_db, None, CardState.BLOCKED).id
    active = a_card(demo_db).id
    with pytest.raises(CardNotUsable):
        checkout(till.unit(), _number(blocked), Money.parse("100"))
    with pytest.raises(PointsError):
        checkout(till.unit(), _number(active), Money.parse("100"), Decimal(10**6))
    with demo_db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM operations")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM outbox")).scalar() == 0


def test_concurrent_checkouts_get_distinct_gap_free_sequence(till: Till, demo_db: Database) -> None:
    card = _number(a_card(demo_db).id)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(10):
                checkout(till.unit(), card, Money.parse("10"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with demo_db.read() as conn:
        seqs = [r[0] for r in conn.execute(text("SELECT seq FROM operations ORDER BY seq"))]
    assert seqs == list(range(1, 41))


def test_search_by_phone_card_and_name(till: Till, demo_db: Database) -> None:
    member = a_member(demo_db, with_phone=True)
    assert member.phone is not None
    assert [m.id for m in search(till.unit(), "+" + member.phone)][:1] == [member.id]
    assert member.id in [m.id for m in search(till.unit(), member.full_name[:6], limit=2000)]
    assert search(till.unit(), "") == []


@pytest.mark.parametrize(
    ("typed", "uid", "number"),
    [
        ("2990000000017", None, "2990000000017"),
        ("04:a1:b2:c3:d4:e5:f6", "04A1B2C3D4E5F6", None),
        ("12345678", "12345678", "12345678"),
        ("hello", None, None),
    ],
)
def test_card_key_from_text(typed: str, uid: str | None, number: str | None) -> None:
    key = card_key_from_text(typed)
    if uid is None and number is None:
        assert key is None
    else:
        assert key == CardKey(uid=uid, number=number)


@pytest.mark.parametrize("combine", ["best_of", "stacked"])
def test_the_views_discount_is_the_quotes(
    demo_db: Database, clock: FixedClock, combine: str
) -> None:
    """What the member panel shows is what a purchase gets, whatever the program's mode."""
    import json

    with demo_db.write() as conn:
        body = json.loads(conn.execute(text("SELECT body FROM programs WHERE active")).scalar())
        body["combine"] = combine
        conn.execute(text("UPDATE programs SET body = :b WHERE active"), {"b": json.dumps(body)})
    ids = [card.id for card in cards(demo_db, kind=None, limit=300)]
    till = Till(demo_db, clock)
    stacked = 0
    for card_id in ids:
        view = identify(till.unit(), CardKey(card_id=card_id))
        q = preview(till.unit(), view, Money.parse("1000"))
        assert view.discount_pct == q.discount_pct, card_id
        stacked += q.discount_source is None and q.discount_pct > 0
    assert combine == "best_of" or stacked > 0
