"""A supervisor's staff card as the second factor of a PIN log-in (issue 13 point 3),
where the office asks for it (``supervisor_card`` in the limits it publishes), on a real
SQLite cache: PIN alone refused, PIN + their own card accepted, anyone else's refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from common.clock import FixedClock
from terminal.services.errors import ServiceError
from terminal.services.staff import (
    CARD_WAIT,
    CardNeeded,
    LockedOut,
    Role,
    add_staff,
    finish_with_card,
    log_in,
    log_in_by_card,
)
from terminal.services.till import Till
from terminal.services.unit import Unit
from terminal.store.database import Database
from terminal.store.row_writes import limits_text
from terminal.store.sync_state import LIMITS, set_state

OLENA_CARD, BOHDAN_CARD, ANNA_CARD = "04AABBCCDDEE01", "04AABBCCDDEE02", "04AABBCCDDEE03"


def _unit(db: Database, clock: FixedClock) -> Unit:
    return Till(db, clock).unit()


def _staff(db: Database, *, card_required: bool) -> tuple[int, int, int]:
    with db.write() as conn:
        olena = add_staff(conn, "Олена", Role.SUPERVISOR, "246810", card_uid=OLENA_CARD)
        bohdan = add_staff(conn, "Богдан", Role.STORE_ADMIN, "135790", card_uid=BOHDAN_CARD)
        anna = add_staff(conn, "Анна", Role.CASHIER, "4821", card_uid=ANNA_CARD)
        set_state(conn, LIMITS, limits_text({"supervisor_card": card_required}))
    return olena, bohdan, anna


def _actions(db: Database) -> list[str]:
    with db.read() as conn:
        return [r[0] for r in conn.execute(text("SELECT action FROM audit_log ORDER BY id"))]


def test_without_the_setting_a_supervisor_pin_alone_logs_in(
    db: Database, clock: FixedClock
) -> None:
    olena, _, _ = _staff(db, card_required=False)
    assert log_in(_unit(db, clock), olena, "246810").role is Role.SUPERVISOR
    assert log_in_by_card(_unit(db, clock), OLENA_CARD) is not None


def test_a_supervisor_pin_alone_is_refused_and_their_own_card_finishes_the_log_in(
    db: Database, clock: FixedClock
) -> None:
    olena, bohdan, _ = _staff(db, card_required=True)
    with pytest.raises(CardNeeded) as needed:
        log_in(_unit(db, clock), olena, "246810")
    pending = needed.value.pending
    assert (pending.staff_id, pending.role) == (olena, Role.SUPERVISOR)
    who = finish_with_card(_unit(db, clock), pending, OLENA_CARD.lower())
    assert (who.id, who.role) == (olena, Role.SUPERVISOR)
    with pytest.raises(CardNeeded):  # a store admin too
        log_in(_unit(db, clock), bohdan, "135790")
    assert _actions(db) == ["login_pin_card_wanted", "login_pin_and_card", "login_pin_card_wanted"]


@pytest.mark.parametrize("card", [BOHDAN_CARD, ANNA_CARD, "04FFFFFFFFFF09"])
def test_another_persons_card_or_no_staff_card_is_refused_and_counts_as_a_wrong_pin(
    db: Database, clock: FixedClock, card: str
) -> None:
    olena, _, _ = _staff(db, card_required=True)
    for attempt in range(5):
        with pytest.raises(CardNeeded) as needed:
            log_in(_unit(db, clock), olena, "246810")
        if attempt < 4:
            with pytest.raises(ServiceError) as refused:
                finish_with_card(_unit(db, clock), needed.value.pending, card)
            assert refused.value.code == "supervisor_card_wrong"
        else:
            with pytest.raises(LockedOut):  # the fifth wrong factor in a row locks
                finish_with_card(_unit(db, clock), needed.value.pending, card)
    assert _actions(db).count("login_card_not_theirs") == 5


def test_wrong_cards_count_until_the_pin_and_the_right_card_log_in(
    db: Database, clock: FixedClock
) -> None:
    olena, _, _ = _staff(db, card_required=True)
    for _ in range(2):
        with pytest.raises(CardNeeded) as needed:
            log_in(_unit(db, clock), olena, "246810")
        with pytest.raises(ServiceError):
            finish_with_card(_unit(db, clock), needed.value.pending, ANNA_CARD)
    assert _failed(db, olena) == 2  # a right PIN alone does not start the count again
    with pytest.raises(CardNeeded) as again:
        log_in(_unit(db, clock), olena, "246810")
    assert finish_with_card(_unit(db, clock), again.value.pending, OLENA_CARD).id == olena
    assert _failed(db, olena) == 0


def _failed(db: Database, staff_id: int) -> int:
    with db.read() as conn:
        q = text("SELECT failed_pins FROM staff WHERE id = :i")
        return int(conn.execute(q, {"i": staff_id}).scalar_one())


def test_the_card_must_come_in_time(db: Database, clock: FixedClock) -> None:
    olena, _, _ = _staff(db, card_required=True)
    with pytest.raises(CardNeeded) as needed:
        log_in(_unit(db, clock), olena, "246810")
    clock.advance(CARD_WAIT + timedelta(seconds=1))
    with pytest.raises(ServiceError) as late:
        finish_with_card(_unit(db, clock), needed.value.pending, OLENA_CARD)
    assert late.value.code == "supervisor_card_late"


def test_with_the_setting_a_supervisor_card_alone_is_not_enough_but_a_cashiers_is(
    db: Database, clock: FixedClock
) -> None:
    _, _, anna = _staff(db, card_required=True)
    with pytest.raises(ServiceError) as refused:
        log_in_by_card(_unit(db, clock), OLENA_CARD)
    assert refused.value.code == "supervisor_pin_needed"
    who = log_in_by_card(_unit(db, clock), ANNA_CARD)
    assert who is not None and who.id == anna
    assert log_in(_unit(db, clock), anna, "4821").role is Role.CASHIER  # no card step
