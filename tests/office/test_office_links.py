"""The office's answers that keep every till's cache consistent: a replacement card that
does not exist is refused (every till would link to nothing), and a till enrolled again as
a new terminal still reverses what it sold as the old one."""

from __future__ import annotations

from opkit import member_with_card, office_member, op, purchase, return_of

from office import auth, ledger
from office.db import OfficeDB
from office.server import OfficeServer
from sync.protocol import OpStatus, block_of


def test_a_replacement_by_a_card_the_office_does_not_have_is_refused(office_db: OfficeDB) -> None:
    terminal, _token = auth.enrol(office_db, auth.create_code(office_db, "till"))
    member, card, _balance = member_with_card(office_db)
    replace = op(member, card, kind="card_replace", facts={"new_card": 987_654_321})
    (result,) = ledger.push(office_db, terminal.id, [replace])
    assert (result.status, result.code) == (OpStatus.REJECTED, "unknown_card")


def test_a_return_of_what_the_till_sold_as_its_old_terminal(office_db: OfficeDB) -> None:
    old, _ = auth.enrol(office_db, auth.create_code(office_db, "till"))
    member, card, balance = member_with_card(office_db, skip=2)
    sold = purchase(office_db, member, card, 150_000)
    assert ledger.push(office_db, old.id, [sold])[0].status is OpStatus.APPLIED
    # nothing left to send: the till may come back as a new terminal
    new, _ = auth.enrol(office_db, auth.create_code(office_db, "till again"), was=old.id)
    assert new.id != old.id
    back = return_of(office_db, sold)
    (result,) = ledger.push(office_db, new.id, [back])
    assert result.status is OpStatus.APPLIED, result
    assert office_member(office_db, member)["balance_centi"] == balance


def test_a_registration_too_long_for_the_office_is_rejected_not_a_batch_error(
    office_any: OfficeServer,
) -> None:
    """On PostgreSQL a UID longer than its column failed the whole batch (HTTP 500) at
    every retry, so nothing behind it ever applied; now it alone is rejected."""
    assert isinstance(office_any, OfficeServer)
    db = office_any.db
    terminal, _ = auth.enrol(db, auth.create_code(db, "till"))
    low, _high = block_of(terminal.id)
    member_id, card_id = low, low
    register = op(
        member_id,
        card_id,
        kind="member_register",
        facts={
            "member": {"id": member_id, "full_name": "Длинный Номер", "address_as": "Вы"},
            "card": {"id": card_id, "uid": "AB" * 20, "number": None},
            "consents": {"personal_data": {"given": True, "at": "2026-11-22T12:00:00+00:00"}},
        },
    )
    member, card, _balance = member_with_card(db)
    after = purchase(db, member, card, 10_000)
    first, second = ledger.push(db, terminal.id, [register, after])
    assert (first.status, first.code) == (OpStatus.REJECTED, "bad_operation")
    assert second.status is OpStatus.APPLIED
