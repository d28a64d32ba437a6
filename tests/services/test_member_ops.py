"""A supervisor's operations on real cache files: returns restore exactly, gifts once per
birthday, adjustments need a reason, cards change state, and every operation reaches the
outbox and the audit log; a cashier is refused by the service itself."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from builders import card_key
from paymentkit import SAMPLES, ids
from sqlalchemy import text

from common.clock import FixedClock
from drivers.config import demo_rules
from terminal.loyalty import CardKind, CardNotUsable, CardState, Money, ReturnError
from terminal.services import gifts, member_ops
from terminal.services.checkout import checkout
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey, identify
from terminal.services.staff import NotAllowed, Role, StaffMember
from terminal.services.till import Till
from terminal.services.unit import Unit
from terminal.store.database import Database

CHIEF = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
CASHIER = StaffMember(1, "Анна Кассирова", Role.CASHIER)


@pytest.fixture
def till(demo_db: Database, clock: FixedClock) -> Till:
    counter = itertools.count(1)
    return Till(demo_db, clock, ids=lambda: f"00000000-0000-4000-8000-{next(counter):012d}")


def ctx(till: Till, who: StaffMember = CHIEF) -> Unit:
    """The till's unit of work with ``who`` on duty."""
    return till.unit(who)


def test_full_return_restores_balance_spend_and_purchases(till: Till, demo_db: Database) -> None:
    key = card_key(demo_db)
    before = identify(till.unit(), key)
    spend = min(before.balance, Decimal(50))
    purchase = checkout(till.unit(), key, Money.parse("3000"), spend)
    member_ops.return_purchase(ctx(till), purchase.operation_id)
    after = identify(till.unit(), key)
    assert after.balance == before.balance
    assert after.state.lifetime_spend == before.state.lifetime_spend
    assert after.state.purchases == before.state.purchases
    with pytest.raises(ReturnError):
        member_ops.return_purchase(ctx(till), purchase.operation_id, Money.parse("1"))


def test_partial_returns_add_up_to_the_whole(till: Till, demo_db: Database) -> None:
    key = card_key(demo_db)
    before = identify(till.unit(), key)
    purchase = checkout(till.unit(), key, Money.parse("1000.01"))
    for part in ("333.33", "333.33", "333.35"):
        member_ops.return_purchase(ctx(till), purchase.operation_id, Money.parse(part))
    assert identify(till.unit(), key).balance == before.balance


def test_cashier_is_refused_by_the_service(till: Till, demo_db: Database) -> None:
    purchase = checkout(till.unit(), card_key(demo_db), Money.parse("100"))
    with pytest.raises(NotAllowed):
        member_ops.return_purchase(ctx(till, CASHIER), purchase.operation_id)
    with pytest.raises(NotAllowed):
        member_ops.adjust_points(ctx(till, CASHIER), card_key(demo_db), Decimal(10), "goodwill")


def test_birthday_gift_once(till: Till, demo_db: Database) -> None:
    today = till.clock.today()
    key = card_key(demo_db, birthday=today, no_gift_in=2026)
    assert identify(till.unit(), key).gift_available
    member_ops.give_gift(ctx(till), key, "BDAY")
    assert not identify(till.unit(), key).gift_available
    with pytest.raises(ServiceError) as again:
        member_ops.give_gift(ctx(till), key, "BDAY")
    assert again.value.code == "birthday_gift_given"
    assert "already given for this birthday (2026)" in str(again.value)


def test_birthday_gift_stays_given_when_a_sync_rewrites_the_member(
    till: Till, demo_db: Database
) -> None:
    """The office's row comes back (a sync) before the office has seen the gift: the
    terminal's pending gift still counts, as its pending points do."""
    today = till.clock.today()
    key = card_key(demo_db, birthday=today, no_gift_in=2026)
    member_ops.give_gift(ctx(till), key, "BDAY")
    member = identify(till.unit(), key).member
    assert member is not None
    with demo_db.write() as conn:  # what the office last knew: last year's gift
        conn.execute(
            text("UPDATE members SET last_gift_year = 2025 WHERE id = :id"), {"id": member.id}
        )
    assert not identify(till.unit(), key).gift_available
    with pytest.raises(ServiceError) as again:
        member_ops.give_gift(ctx(till), key, "BDAY")
    assert again.value.code == "birthday_gift_given"
    assert "already given for this birthday (2026)" in str(again.value)
    with demo_db.write() as conn:  # acknowledged: the office's row now holds the year
        conn.execute(text("UPDATE operations SET status = 'acked'"))
        conn.execute(
            text("UPDATE members SET last_gift_year = 2026 WHERE id = :id"), {"id": member.id}
        )
    assert not identify(till.unit(), key).gift_available


def test_blocking_needs_a_reason(till: Till, demo_db: Database) -> None:
    key = card_key(demo_db)
    with pytest.raises(ServiceError) as refused:
        member_ops.block_card(ctx(till), key, "  ")
    assert refused.value.code == "reason_missing"
    assert identify(till.unit(), key).card_state is CardState.ACTIVE


def test_reward_costs_points_and_needs_them(till: Till, demo_db: Database) -> None:
    rich = card_key(demo_db, balance_at_least=1000)
    before = identify(till.unit(), rich).balance
    member_ops.give_gift(ctx(till), rich, "MUG")
    assert identify(till.unit(), rich).balance == before - 500
    poor = card_key(demo_db, balance_below=500)
    with pytest.raises(ServiceError) as short:
        member_ops.give_gift(ctx(till), poor, "MUG")
    assert short.value.code == "points_short"


def test_adjustment_and_feedback(till: Till, demo_db: Database) -> None:
    key = card_key(demo_db)
    before = identify(till.unit(), key).balance
    with pytest.raises(ServiceError):
        member_ops.adjust_points(ctx(till), key, Decimal(100), "   ")
    member_ops.adjust_points(ctx(till), key, Decimal(100), "goodwill: long queue")
    member_ops.record_feedback(ctx(till), key, "Долго ждала у кассы")
    assert identify(till.unit(), key).balance == before + 100 + till.program.feedback_points
    with demo_db.read() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM operations ORDER BY seq"))]
        outbox = conn.execute(text("SELECT count(*) FROM outbox")).scalar()
        audit = conn.execute(text("SELECT action, staff_id FROM audit_log")).all()
    assert kinds == ["adjustment", "feedback"] and outbox == 2
    assert [tuple(a) for a in audit] == [("adjustment", 2), ("feedback", 2)]


def test_block_activate_replace(till: Till, demo_db: Database) -> None:
    key = card_key(demo_db)
    member_ops.block_card(ctx(till), key, "reported stolen by phone")
    with pytest.raises(CardNotUsable):
        checkout(till.unit(), key, Money.parse("10"))

    bearer = card_key(demo_db, CardKind.BEARER, CardState.NOT_ACTIVATED)
    member_ops.activate_bearer_card(ctx(till), bearer)
    assert identify(till.unit(), bearer).card_state is CardState.ACTIVE

    old = card_key(demo_db, id_above=10)
    fresh = card_key(demo_db, CardKind.BEARER, CardState.NOT_ACTIVATED)
    balance = identify(till.unit(), old).balance
    member_ops.replace_card(ctx(till), old, fresh)
    assert identify(till.unit(), old).card_state is CardState.REPLACED
    now = identify(till.unit(), fresh)
    assert now.card_state is CardState.ACTIVE and now.balance == balance
    with pytest.raises(ServiceError):
        member_ops.replace_card(ctx(till), fresh, old)


def test_gift_return_and_adjustment_print_their_receipts(till: Till, demo_db: Database) -> None:
    from drivers.printer.config import PrinterConfig
    from drivers.printer.decoder import decode
    from terminal.receipts.config import ReceiptConfig
    from terminal.receipts.spool import Spooler

    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())  # not started
    context = Till(demo_db, till.clock, till.ids, receipts=spooler).unit(CHIEF)
    key = card_key(demo_db, balance_at_least=1000)
    purchase = checkout(till.unit(), key, Money.parse("500"))
    member_ops.return_purchase(context, purchase.operation_id)
    member_ops.give_gift(context, key, "MUG")
    member_ops.adjust_points(context, key, Decimal(-20), "duplicate bonus")
    with demo_db.read() as conn:
        jobs = conn.execute(text("SELECT kind, op_id, data FROM print_jobs ORDER BY id")).all()
    assert [j.kind for j in jobs] == ["return", "gift", "adjustment"]
    texts = [decode(j.data).text() for j in jobs]
    assert purchase.operation_id in texts[0]
    assert "Фирменная кружка" in texts[1]
    assert "duplicate bonus" in texts[2]


@pytest.mark.parametrize(("language", "name"), [("uk", "Фірмова чашка"), ("en", "Branded mug")])
def test_a_gift_receipt_names_the_gift_in_its_language(
    till: Till, demo_db: Database, language: str, name: str
) -> None:
    import dataclasses

    from drivers.printer.config import PrinterConfig
    from drivers.printer.decoder import decode
    from terminal.receipts.config import ReceiptConfig
    from terminal.receipts.spool import Spooler

    config = dataclasses.replace(ReceiptConfig.default(), language=language)
    spooler = Spooler(demo_db, PrinterConfig.default(), config)  # not started
    context = Till(demo_db, till.clock, till.ids, receipts=spooler).unit(CHIEF)
    member_ops.give_gift(context, card_key(demo_db, balance_at_least=1000), "MUG")
    with demo_db.read() as conn:
        data = conn.execute(text("SELECT data FROM print_jobs WHERE kind = 'gift'")).scalar_one()
    receipt = decode(data).text()
    assert name in receipt and "Фирменная" not in receipt
    catalogue = {g.code: g for g in gifts.gift_catalogue(context)}
    assert catalogue["MUG"].name_in(language) == name


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_a_bank_card_is_never_a_replacement(
    till: Till, demo_db: Database, scheme: str, pan: str
) -> None:
    old = card_key(demo_db, id_above=10)
    with pytest.raises(ServiceError, match="bank card, not a club card"):
        member_ops.replace_card(ctx(till), old, CardKey(number=pan))
    with pytest.raises(ServiceError, match="bank card, not a club card"):
        member_ops.block_card(ctx(till), CardKey(number=pan), "lost")
    assert identify(till.unit(), old).card_state is CardState.ACTIVE


def test_a_replacement_must_be_a_club_number(demo_db: Database, clock: FixedClock) -> None:
    strict = Till(demo_db, clock, numbers=demo_rules())
    old = card_key(demo_db, id_above=10)
    with pytest.raises(ServiceError) as refused:
        member_ops.replace_card(strict.unit(CHIEF), old, CardKey(number="70001234000012"))
    assert refused.value.code == "not_club_card"


def test_unblock_needs_a_blocked_card_and_a_reason(till: Till, demo_db: Database) -> None:
    key = card_key(demo_db)
    with pytest.raises(ServiceError) as active:
        member_ops.unblock_card(ctx(till), key, "found")
    assert active.value.code == "not_blocked"
    member_ops.block_card(ctx(till), key, "reported lost")
    with pytest.raises(ServiceError) as silent:
        member_ops.unblock_card(ctx(till), key, " ")
    assert silent.value.code == "reason_missing"
    with pytest.raises(NotAllowed):
        member_ops.unblock_card(ctx(till, CASHIER), key, "found")
    member_ops.unblock_card(ctx(till), key, "found by the member")
    assert identify(till.unit(), key).card_state is CardState.ACTIVE
    with demo_db.read() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM operations ORDER BY seq"))]
        facts = conn.execute(text("SELECT facts FROM operations ORDER BY seq DESC")).scalar()
    assert kinds == ["card_block", "card_unblock"] and "found by the member" in str(facts)


def test_an_adjustment_above_the_offices_cap_is_refused_before_it_is_sent(
    till: Till, demo_db: Database
) -> None:
    from terminal.services.offline import OfflineLimit

    key = card_key(demo_db)
    with pytest.raises(OfflineLimit) as capped:
        member_ops.adjust_points(ctx(till), key, Decimal("1000.01"), "goodwill")
    assert capped.value.code == "adjust_per_operation"
    member_ops.adjust_points(ctx(till), key, Decimal(-1000), "taken back: a double entry")


def test_a_supervisors_adjustments_of_a_day_stop_at_the_offices_daily_cap(
    till: Till, demo_db: Database, clock: FixedClock
) -> None:
    """The office caps one supervisor's adjustments of a (UTC) day (5,000 points by
    default); the till refuses beyond it before anything is recorded, in words."""
    from datetime import timedelta

    from terminal.services.offline import OfflineLimit
    from terminal.services.staff import add_staff

    key = card_key(demo_db)
    for points in ("1000", "-1000", "1000", "1000", "999.50"):  # 4,999.50 either way
        member_ops.adjust_points(ctx(till), key, Decimal(points), "goodwill")
    with pytest.raises(OfflineLimit) as capped:
        member_ops.adjust_points(ctx(till), key, Decimal("-0.51"), "one more")
    assert capped.value.code == "adjust_staff_day" and "0.50 points are left" in str(capped.value)
    member_ops.adjust_points(ctx(till), key, Decimal("0.50"), "the last of the day")
    with demo_db.write() as conn:  # another supervisor has a day of her own
        other_id = add_staff(conn, "Друга Старша", Role.SUPERVISOR, "246813")
    other = StaffMember(other_id, "Друга Старша", Role.SUPERVISOR)
    member_ops.adjust_points(ctx(till, other), key, Decimal(1000), "goodwill")
    tomorrow = Till(demo_db, FixedClock(clock.now() + timedelta(days=1)), till.ids)
    member_ops.adjust_points(tomorrow.unit(CHIEF), key, Decimal(1000), "a new day")
    with demo_db.read() as conn:
        n = conn.execute(text("SELECT count(*) FROM operations WHERE kind = 'adjustment'"))
        assert n.scalar() == 8


def test_a_receipt_is_found_by_its_short_code_as_typed(
    till: Till, demo_db: Database, clock: FixedClock
) -> None:
    import uuid

    from terminal.loyalty.receipt_codes import short_code
    from terminal.services.return_lookup import UnknownPurchase, find_purchase

    random_ids = Till(demo_db, clock, ids=lambda: str(uuid.uuid4()))
    sold = [checkout(random_ids.unit(), card_key(demo_db), Money.parse(a)) for a in ("100", "250")]
    for purchase in sold:
        code = short_code(purchase.operation_id)
        assert code is not None
        typed = f"{code[:5].lower()}-{code[5:]}"  # as a person types it off the paper
        found = find_purchase(ctx(random_ids), typed)
        assert found.operation_id == purchase.operation_id
    with pytest.raises(UnknownPurchase):
        find_purchase(ctx(random_ids), "ZZZZZZZZZZ")
    # Ids that share their first 50 bits (this fixture's): the till says so, and asks
    # for the QR code, rather than returning the wrong purchase.
    for amount in ("10", "20"):
        checkout(till.unit(), card_key(demo_db), Money.parse(amount))
    shared = short_code("00000000-0000-4000-8000-000000000001")
    assert shared is not None
    with pytest.raises(ServiceError) as two:
        find_purchase(ctx(till), shared)
    assert two.value.code == "receipt_code_ambiguous"
