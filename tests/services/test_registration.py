"""Registering a member at the till, on real cache files: one transaction (member, card,
operation with its outbox row, audit line), ids from the till's block, consents kept,
the member checks out at once; refusals record nothing."""

from __future__ import annotations

import itertools
import json
from datetime import date

import pytest
from builders import a_card
from paymentkit import SAMPLES, ids
from sqlalchemy import text

from drivers.config import demo_rules
from terminal.loyalty import Money
from terminal.services import registration
from terminal.services.checkout import checkout
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey, identify
from terminal.services.registration import parse_birthday, register_member
from terminal.services.staff import NotAllowed, Role, StaffMember
from terminal.services.till import Till
from terminal.services.unit import Unit
from terminal.store import local_ids, sync_state
from terminal.store.database import Database

CHIEF = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
CASHIER = StaffMember(1, "Анна Кассирова", Role.CASHIER)
NEW_CARD = CardKey(uid="04A1B2C3D4E5F6", number="7000123400001")


@pytest.fixture
def till(demo_db: Database, clock: object) -> Till:
    """A till enrolled as terminal 0 (registration needs an enrolled till)."""
    with demo_db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "0")
    counter = itertools.count(1)
    return Till(demo_db, clock, ids=lambda: f"reg-{next(counter):08d}")  # type: ignore[arg-type]


def ctx(till: Till, who: StaffMember = CHIEF) -> Unit:
    """The till's unit of work with ``who`` on duty."""
    return till.unit(who)


def register(till: Till, key: CardKey = NEW_CARD, **kw: object) -> registration.Registered:
    args: dict[str, object] = {
        "full_name": "  Ковальчук   Олена Петрівна ",
        "address_as": "Олена Петрівна",
        "phone": "050 123 45 67",
        "birthday": date(1985, 3, 21),
        "consent_personal_data": True,
        "consent_marketing": False,
        **kw,
    }
    return register_member(ctx(till, args.pop("who", CHIEF)), key, **args)  # type: ignore[arg-type]


def counts(db: Database) -> tuple[int, int, int, int, int]:
    with db.read() as conn:
        return tuple(  # type: ignore[return-value]
            int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in ("members", "cards", "operations", "outbox", "audit_log")
        )


def test_registration_writes_member_card_operation_and_audit_at_once(
    till: Till, demo_db: Database
) -> None:
    before = counts(demo_db)
    done = register(till, consent_marketing=True)
    assert counts(demo_db) == tuple(n + 1 for n in before)
    assert (done.member_id, done.card_id) == local_ids.block_of(0)[:1] * 2  # demo: block 0
    with demo_db.read() as conn:
        m = conn.execute(
            text(
                "SELECT full_name, address_as, phone, birthday, consent_personal_data, "
                "consent_marketing, balance_centi, office_seq FROM members WHERE id = :i"
            ),
            {"i": done.member_id},
        ).one()
        payload = json.loads(
            conn.execute(
                text("SELECT payload FROM outbox WHERE op_id = :o"), {"o": done.operation_id}
            ).scalar_one()
        )
        audit = conn.execute(
            text("SELECT action, target, details FROM audit_log ORDER BY id DESC LIMIT 1")
        ).one()
    assert tuple(m) == (
        "Ковальчук Олена Петрівна",
        "Олена Петрівна",
        "380501234567",
        "1985-03-21",
        1,
        1,
        0,
        0,
    )
    assert payload["kind"] == "member_register"
    assert payload["member_id"] == done.member_id and payload["card_id"] == done.card_id
    facts = payload["facts"]
    assert facts["member"]["phone"] == "380501234567"
    assert facts["card"] == {
        "id": done.card_id,
        "uid": "04A1B2C3D4E5F6",
        "number": "7000123400001",
        "kind": "personal",
        "state": "active",
    }
    at = till.clock.now().isoformat()
    assert facts["consents"] == {
        "personal_data": {"given": True, "at": at},
        "marketing": {"given": True, "at": at},
    }
    assert audit[0] == "member_register" and audit[1] == f"member:{done.member_id}"
    assert "Олена" not in audit[2] and "380" not in audit[2]  # no personal data in the audit


def test_the_new_member_checks_out_at_once(till: Till) -> None:
    done = register(till)
    view = identify(till.unit(), CardKey(uid="04a1b2c3d4e5f6"))
    assert view.member is not None and view.member.id == done.member_id
    assert view.member.address_as == "Олена Петрівна" and view.usable
    result = checkout(till.unit(), done.card, Money.parse("1000"))
    assert result.quote.points_earned > 0
    after = identify(till.unit(), done.card)
    assert after.balance == result.quote.points_earned


def test_ids_follow_the_block_of_the_enrolled_till(till: Till, demo_db: Database) -> None:
    with demo_db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "3")
    first = register(till)
    second = register(till, CardKey(number="7000123400002"), phone="")
    low, high = local_ids.block_of(3)
    assert low == 9_000_030_000_001 and high == 9_000_039_999_999
    assert (first.member_id, first.card_id) == (low, low)
    assert (second.member_id, second.card_id) == (low + 1, low + 1)


def test_marketing_consent_is_separate_and_personal_data_consent_required(
    till: Till, demo_db: Database
) -> None:
    before = counts(demo_db)
    with pytest.raises(ServiceError) as refused:
        register(till, consent_personal_data=False, consent_marketing=True)
    assert refused.value.code == "consent_missing"
    assert counts(demo_db) == before
    done = register(till, consent_marketing=False)
    with demo_db.read() as conn:
        row = conn.execute(
            text("SELECT consent_personal_data, consent_marketing FROM members WHERE id = :i"),
            {"i": done.member_id},
        ).one()
    assert tuple(row) == (1, 0)


@pytest.mark.parametrize(
    ("key", "kw", "code"),
    [
        (NEW_CARD, {"full_name": "   "}, "name_missing"),
        (NEW_CARD, {"phone": "12"}, "bad_phone"),
        (CardKey(number="4111111111111111"), {}, "bank_card_refused"),
        (CardKey(card_id=5), {}, "register_needs_card"),
        (NEW_CARD, {"birthday": date(2027, 1, 1)}, "bad_birthday"),
    ],
)
def test_refusals_record_nothing(
    till: Till, key: CardKey, kw: dict[str, object], code: str, demo_db: Database
) -> None:
    before = counts(demo_db)
    with pytest.raises(ServiceError) as refused:
        register(till, key, **kw)
    assert refused.value.code == code
    assert counts(demo_db) == before


def test_a_card_the_cache_knows_is_refused(till: Till, demo_db: Database) -> None:
    known = a_card(demo_db, kind=None, state=None)  # the cache's first card
    uid, number = known.uid, known.number
    assert uid is not None and number is not None
    for key in (CardKey(uid=uid), CardKey(number=number), CardKey(uid="0011223344", number=number)):
        with pytest.raises(ServiceError) as refused:
            register(till, key)
        assert refused.value.code == "card_known"
    register(till)
    with pytest.raises(ServiceError, match="already in the club"):
        register(till, NEW_CARD)


def test_a_cashier_cannot_register(till: Till, demo_db: Database) -> None:
    before = counts(demo_db)
    with pytest.raises(NotAllowed):
        register(till, who=CASHIER)
    assert counts(demo_db) == before


def test_birthdays_as_typed() -> None:
    today = date(2026, 11, 22)
    assert parse_birthday("21.03.1985", today) == date(1985, 3, 21)
    assert parse_birthday("1985-03-21", today) == date(1985, 3, 21)
    assert parse_birthday("29/02/2000", today) == date(2000, 2, 29)
    assert parse_birthday(" ", today) is None
    for bad in ("30.02.1990", "1.1.2030", "yesterday", "01.01.1800"):
        with pytest.raises(ServiceError):
            parse_birthday(bad, today)


def test_a_till_not_enrolled_registers_nobody(till: Till, demo_db: Database) -> None:
    with demo_db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, None)
    with pytest.raises(ServiceError) as err:
        register(till)
    assert err.value.code == "register_not_enrolled"
    with demo_db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM operations").scalar_one() == 0


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_no_payment_scheme_registers(till: Till, demo_db: Database, scheme: str, pan: str) -> None:
    """Every scheme of docs/payment-cards.md, with the UID of a tap beside it or not: the
    BELKART, UzCard, Humo, ... numbers were registered before."""
    before = counts(demo_db)
    for key in (CardKey(number=pan), CardKey(uid="04A1B2C3D4E5F6", number=pan)):
        with pytest.raises(ServiceError, match="bank card, not a club card") as refused:
            register(till, key)
        assert refused.value.code == "bank_card_refused"
    assert counts(demo_db) == before


def test_only_the_clubs_numbers_register(demo_db: Database, clock: object) -> None:
    """With the demo program's patterns (2990..., 13 digits, Luhn), another number is
    not a club card; a UID read with it is registered without it."""
    with demo_db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "0")
    strict = Till(demo_db, clock, numbers=demo_rules())  # type: ignore[arg-type]
    before = counts(demo_db)
    for number in ("7000123400001", "2990000000017", "12345678"):
        with pytest.raises(ServiceError, match="not a club card") as refused:
            register(strict, CardKey(number=number))
        assert refused.value.code == "not_club_card"
    assert counts(demo_db) == before
    done = register(strict, CardKey(uid="04A1B2C3D4E5F6", number="7000123400001"))
    with demo_db.read() as conn:
        row = conn.execute(
            text("SELECT uid, number FROM cards WHERE id = :id"), {"id": done.card_id}
        ).one()
    assert tuple(row) == ("04A1B2C3D4E5F6", None)
    ours = "2990999999998"  # the demo's pattern, no card of the cache
    assert register(strict, CardKey(number=ours), phone="").card_id
