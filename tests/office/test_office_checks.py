"""The office re-checks what a till sends (issue 12, "What was measured"): each attack
over real HTTP, on SQLite and on PostgreSQL, rejected alone while the rest applies."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from officekit import Terminal, enrol
from opkit import SUPERVISOR_ID, member_with_card, office_member, op, purchase, return_of, text
from sqlalchemy import select

from office import admin, auth, staff
from office.db import OfficeDB
from office.models import operations as office_operations
from office.server import OfficeServer
from sync.client import OfficeClient
from sync.protocol import OfflineLimits, OpStatus, block_of

pytestmark = pytest.mark.integration


def _push(t: Terminal, *ops: dict[str, object]) -> list[tuple[OpStatus, str | None]]:
    with t.client() as client:
        results, _ = client.push([json.dumps(o) for o in ops])
    return [(r.status, r.code) for r in results]


def test_an_adjustment_of_ten_trillion_points_is_capped(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    huge = op(member, card, 10**15)
    assert _push(terminal_any, huge) == [(OpStatus.REJECTED, "adjustment_cap")]
    no_reason = op(member, card, 100, facts={})
    assert _push(terminal_any, no_reason) == [(OpStatus.REJECTED, "reason_missing")]
    # per supervisor and day: five of the largest allowed, then no more that day
    admin.set_limits(
        office_db_any, OfflineLimits(adjust_per_operation_centi=1000, adjust_staff_day_centi=2500)
    )
    day = [op(member, card, 1000, staff_id=SUPERVISOR_ID) for _ in range(3)]
    assert _push(terminal_any, *day) == [
        (OpStatus.APPLIED, None),
        (OpStatus.APPLIED, None),
        (OpStatus.REJECTED, "adjustment_daily_cap"),
    ]
    other = staff.add(office_db_any, "Друга Старша", "supervisor")  # her own day's cap
    assert _push(terminal_any, op(member, card, -500, staff_id=other)) == [(OpStatus.APPLIED, None)]
    assert office_member(office_db_any, member)["balance_centi"] == balance + 1500


def test_a_negative_purchase_with_trillions_of_points_is_rejected(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    true = purchase(office_db_any, member, card, 100_000)
    negative = {**purchase(office_db_any, member, card, 10_000), "amount_minor": -10_000}
    minted = {
        **purchase(office_db_any, member, card, 10_000),
        "points_earned_centi": 5 * 10**14,
        "points_delta_centi": 5 * 10**14,
    }
    counted = {**purchase(office_db_any, member, card, 10_000), "purchases_delta": -1_000_000}
    above = {**purchase(office_db_any, member, card, 10_000), "amount_minor": 10**12}
    assert _push(terminal_any, negative, minted, counted, above, true) == [
        (OpStatus.REJECTED, "out_of_bounds"),
        (OpStatus.REJECTED, "figures_mismatch"),
        (OpStatus.REJECTED, "out_of_bounds"),
        (OpStatus.REJECTED, "out_of_bounds"),
        (OpStatus.APPLIED, None),
    ]
    row = office_member(office_db_any, member)
    assert row["balance_centi"] == balance + true["points_delta_centi"]


def test_a_purchase_whose_figures_the_rules_do_not_give_is_rejected(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, _ = member_with_card(office_db_any)
    base = purchase(office_db_any, member, card, 250_000, 10_000)
    discount = {**base, "id": _new(), "discount_minor": base["discount_minor"] + 2}
    facts = {**base, "id": _new(), "facts": {**base["facts"], "points_spent": "9999.00"}}
    version = {**base, "id": _new(), "facts": {**base["facts"], "version": 99}}
    richer = {**base, "id": _new(), "facts": {**base["facts"], "seen": {**base["facts"]["seen"]}}}
    richer["facts"]["seen"]["lifetime_spend_minor"] = 10**12  # the top tier
    assert _push(terminal_any, discount, facts, version, richer, base) == [
        (OpStatus.REJECTED, "figures_mismatch"),
        (OpStatus.REJECTED, "figures_mismatch"),
        (OpStatus.REJECTED, "unknown_program"),
        (OpStatus.REJECTED, "seen_mismatch"),
        (OpStatus.APPLIED, None),
    ]


def test_an_older_published_program_version_is_checked_by_that_version(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, _ = member_with_card(office_db_any)
    old = purchase(office_db_any, member, card, 100_000)
    with office_db_any.read() as conn:
        from office import programs

        current = programs.current(conn)
    assert current is not None
    body = {**current.to_dict(), "version": current.version + 1, "feedback_points": "5"}
    admin.set_program(office_db_any, body)
    assert _push(terminal_any, old) == [(OpStatus.APPLIED, None)]


def test_activate_on_a_blocked_card_and_replace_onto_anothers_card_are_rejected(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, _ = member_with_card(office_db_any)
    other, other_card, _ = member_with_card(office_db_any, skip=1)
    block = op(member, card, kind="card_block", facts={"reason": "stolen"})
    activate = op(member, card, kind="card_activate")
    unblock_no_reason = op(member, card, kind="card_unblock", facts={})
    unblock = op(member, card, kind="card_unblock", facts={"reason": "found again"})
    unblock_again = op(member, card, kind="card_unblock", facts={"reason": "twice"})
    steal = op(member, card, kind="card_replace", facts={"new_card": other_card})
    pushed = _push(terminal_any, block, activate, unblock_no_reason, unblock, unblock_again, steal)
    assert pushed == [
        (OpStatus.APPLIED, None),
        (OpStatus.REJECTED, "card_state"),
        (OpStatus.REJECTED, "reason_missing"),
        (OpStatus.APPLIED, None),
        (OpStatus.REJECTED, "card_state"),
        (OpStatus.REJECTED, "card_not_free"),
    ]
    theirs = op(member, other_card, kind="card_block", facts={"reason": "not mine"})
    assert _push(terminal_any, theirs) == [(OpStatus.REJECTED, "card_not_members")]
    with office_db_any.read() as conn:
        from office.checks_cards import card_row

        assert card_row(conn, other_card).member_id == other
        assert card_row(conn, card).state == "active"
    # onto a free card: applied, the balance stays the member's
    admin.add_card(office_db_any, id=4_000_001, number="2990000400017", state="not_activated")
    onto = op(member, card, kind="card_replace", facts={"new_card": 4_000_001})
    assert _push(terminal_any, onto) == [(OpStatus.APPLIED, None)]


def test_three_returns_of_another_tills_purchase_give_back_at_most_the_purchase(
    office_any: OfficeServer, terminal_any: Terminal, tmp_path: object
) -> None:
    db = office_any.db
    member, card, balance = member_with_card(db)
    sold = purchase(db, member, card, 300_000, 20_000)
    assert _push(terminal_any, sold) == [(OpStatus.APPLIED, None)]
    creds = enrol(office_any, _cache(tmp_path))
    whole = [return_of(db, sold) for _ in range(3)]
    half = return_of(db, sold, 150_000)
    with OfficeClient(office_any.url, creds.token) as other:
        results, _ = other.push([text(half), *(text(r) for r in whole)])
    assert [(r.status, r.code) for r in results] == [
        (OpStatus.APPLIED, None),
        (OpStatus.REJECTED, "reversal_exceeds"),
        (OpStatus.REJECTED, "reversal_exceeds"),
        (OpStatus.REJECTED, "reversal_exceeds"),
    ]
    rest = return_of(db, sold, 150_000, already=150_000)
    with OfficeClient(office_any.url, creds.token) as other:
        (last,), _ = other.push([text(rest)])
    assert last.status is OpStatus.APPLIED
    row = office_member(db, member)
    assert row["balance_centi"] == balance  # exactly as before the purchase
    assert row["purchases"] == office_member(db, member)["purchases"]


def test_another_till_re_pushing_a_tills_operation_is_rejected_never_applied_twice(
    office_any: OfficeServer, terminal_any: Terminal, tmp_path: object
) -> None:
    db = office_any.db
    member, card, balance = member_with_card(db)
    adjust = op(member, card, 700)
    assert _push(terminal_any, adjust) == [(OpStatus.APPLIED, None)]
    creds = enrol(office_any, _cache(tmp_path))
    with OfficeClient(office_any.url, creds.token) as other:
        (r,), _ = other.push([text(adjust)])
        (again,), _ = other.push([text(adjust)])
    assert (r.status, r.code) == (again.status, again.code) == (OpStatus.REJECTED, "op_id_taken")
    assert _push(terminal_any, adjust) == [(OpStatus.DUPLICATE, None)]
    assert office_member(db, member)["balance_centi"] == balance + 700
    # the same terminal enrolled again keeps its operations: duplicate, as before
    code = auth.create_code(db, "", terminal_id=terminal_any.creds.terminal_id)
    with OfficeClient(office_any.url) as anon:
        token = anon.enrol(code).body["token"]
    with OfficeClient(office_any.url, token) as same:
        (dup,), _ = same.push([text(adjust)])
    assert dup.status is OpStatus.DUPLICATE


@pytest.mark.parametrize(
    "poison",
    [
        {"card": {"new_card": 2**63}},
        {"deep": [[[[[[[[1]]]]]]]]},
        {"text": "a\x00b"},
        {"ratio": 0.5},
        {"big": "x" * 20_000},
    ],
    ids=["int_2_63", "deep", "nul", "float", "large"],
)
def test_facts_the_database_cannot_keep_are_rejected_alone(
    terminal_any: Terminal, office_db_any: OfficeDB, poison: dict[str, object]
) -> None:
    member, card, balance = member_with_card(office_db_any)
    bad = op(member, card, 100, facts={"reason": "x", **poison})
    replace = op(member, card, kind="card_replace", facts={"new_card": 2**63 + 5})
    gift = op(member, card, -100, kind="gift", facts={"gift": "mug", "birthday_year": 2**64})
    good = op(member, card, 300)
    assert _push(terminal_any, bad, replace, gift, good) == [
        (OpStatus.REJECTED, "bad_operation"),
        (OpStatus.REJECTED, "bad_operation"),
        (OpStatus.REJECTED, "bad_operation"),
        (OpStatus.APPLIED, None),
    ]
    assert office_member(office_db_any, member)["balance_centi"] == balance + 300


def test_a_registration_with_a_nul_in_the_name_or_a_payment_card_is_rejected_alone(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    low, _ = block_of(terminal_any.creds.terminal_id)

    def register(n: int, name: str, number: str) -> dict[str, object]:
        return op(
            low + n,
            low + n,
            kind="member_register",
            facts={
                "member": {"id": low + n, "full_name": name, "address_as": "Вы"},
                "card": {"id": low + n, "uid": None, "number": number},
                "consents": {"personal_data": {"given": True, "at": "2026-11-22T12:00:00Z"}},
            },
        )

    nul = register(1, "Иван\x00Петров", "2990000000101")
    pan = register(2, "Иван Петров", "4111111111111111")
    fine = register(3, "Иван Петров", "2990000000102")
    assert _push(terminal_any, nul, pan, fine) == [
        (OpStatus.REJECTED, "bad_operation"),
        (OpStatus.REJECTED, "payment_card"),
        (OpStatus.APPLIED, None),
    ]
    # the refused payment card's number is nowhere in the office's tables
    with office_db_any.read() as conn:
        kept = [str(r[0]) for r in conn.exec_driver_sql("SELECT body FROM operations")]
        kept += [str(r[0]) for r in conn.exec_driver_sql("SELECT result FROM operations")]
    assert kept and not any("4111111111111111" in body for body in kept)


def test_the_office_refuses_payment_cards_in_add_card_and_imports(office_db: OfficeDB) -> None:
    with pytest.raises(admin.AdminError, match="payment card"):
        admin.add_card(office_db, id=4_000_002, number="4111111111111111")


def _new() -> str:
    return str(uuid.uuid4())


def _cache(tmp_path: object) -> Path:
    folder = Path(str(tmp_path)) / "b"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "cache.sqlite3"


def test_registration_fields_are_checked_before_they_are_stored(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    low, _ = block_of(terminal_any.creds.terminal_id)

    def register(n: int, **member: object) -> dict[str, object]:
        return op(
            low + n,
            low + n,
            kind="member_register",
            facts={
                "member": {"id": low + n, "full_name": "Иван Петров", **member},
                "card": {"id": low + n, "uid": f"04A1B2C3D4E5{n:02d}", "number": None},
                "consents": {"personal_data": {"given": True, "at": "2026-11-22T12:00:00Z"}},
            },
        )

    bad = [
        register(1, full_name="Я" * 201),
        register(2, birthday="21.03.1985"),
        register(3, phone="+7 916"),
        register(4, address_as="Вы\x00"),
    ]
    assert _push(terminal_any, *bad, register(5, birthday="1985-03-21")) == [
        *[(OpStatus.REJECTED, "bad_operation")] * 4,
        (OpStatus.APPLIED, None),
    ]


def test_import_csv_refuses_a_payment_card_number(office_db: OfficeDB, tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(
        "id,full_name,address_as,birthday,phone,segment,balance,card_number\n"
        "3000101,Иван Петров,Иван,,,,0,4111111111111111\n",
        encoding="utf-8",
    )
    with pytest.raises(admin.AdminError, match="payment card"):
        admin.import_csv(office_db, path)


def test_a_state_seen_before_a_return_elsewhere_is_an_honest_past_view(
    office_any: OfficeServer, terminal_any: Terminal, tmp_path: Path
) -> None:
    db = office_any.db
    member, card, _ = member_with_card(db, skip=4)
    admin.add_member(db, id=member, full_name="Клиент", address_as="Клиент", purchases=9)
    first = purchase(db, member, card, 100_000)
    assert _push(terminal_any, first) == [(OpStatus.APPLIED, None)]  # 10: the next step
    seen_at = office_member(db, member)["seq"]
    later = purchase(db, member, card, 100_000)  # quoted on 10 purchases
    creds = enrol(office_any, _cache(tmp_path))
    with OfficeClient(office_any.url, creds.token) as other:  # back to 9 at another till
        (back,), _ = other.push([text(return_of(db, first))])
    assert back.status is OpStatus.APPLIED
    blind = {**later, "id": _new()}
    named = {**later, "facts": {**later["facts"], "seen": {**later["facts"]["seen"]}}}
    named["facts"]["seen"]["member_seq"] = seen_at
    assert _push(terminal_any, blind, named) == [
        (OpStatus.REJECTED, "seen_mismatch"),
        (OpStatus.APPLIED, None),
    ]


def test_a_birthday_gift_for_a_year_to_come_is_not_due(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, _ = member_with_card(office_db_any)
    with office_db_any.read() as conn:
        gift = conn.exec_driver_sql("SELECT code FROM gifts WHERE kind = 'birthday'").scalar()
    assert gift is not None
    ahead = op(member, card, 0, kind="gift", facts={"gift": gift, "birthday_year": 2031})
    assert _push(terminal_any, ahead) == [(OpStatus.REJECTED, "gift_not_due")]


def test_a_held_return_is_rejected_when_its_purchase_is(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    """A return that arrived before its purchase waits (held); the purchase then
    rejected, the return is decided with it (target_rejected), not held for ever."""
    member, card, _ = member_with_card(office_db_any)
    bought = purchase(office_db_any, member, card, 1000_00)
    back = return_of(office_db_any, bought)
    assert _push(terminal_any, back) == [(OpStatus.HELD, "target_missing")]
    bought["discount_minor"] += 5_00  # figures the rules do not give
    assert _push(terminal_any, bought) == [(OpStatus.REJECTED, "figures_mismatch")]
    with office_db_any.read() as conn:
        status, result = conn.execute(
            select(office_operations.c.status, office_operations.c.result).where(
                office_operations.c.op_id == back["id"]
            )
        ).one()
    assert (status, json.loads(result)["code"]) == ("rejected", "target_rejected")
