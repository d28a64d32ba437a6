"""The operations the office refused, for the supervisor's review, on a real cache file:
listed with the reason in words, sent again once (audited), refused to a cashier."""

from __future__ import annotations

import itertools
import json
from datetime import date

import pytest
from sqlalchemy import text

from common.clock import FixedClock
from terminal.services import supervisor
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey
from terminal.services.registration import Registered, register_member
from terminal.services.staff import NotAllowed, Role, StaffMember
from terminal.services.till import Till
from terminal.services.unit import Unit
from terminal.store import push_outcomes, sync_state
from terminal.store.database import Database

CHIEF = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
CASHIER = StaffMember(1, "Анна Кассирова", Role.CASHIER)


def on(db: Database, clock: FixedClock, who: StaffMember) -> Unit:
    return Till(db, clock).unit(who)


def parked_registration(db: Database, clock: FixedClock) -> Registered:
    with db.write() as conn:  # registering needs a till enrolled with the office
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "0")
    counter = itertools.count(1)
    till = Till(db, clock, ids=lambda: f"park-{next(counter):04d}")
    done = register_member(
        till.unit(CHIEF),
        CardKey(number="7000222200001"),
        "Іваненко Петро",
        "",
        "",
        date(1980, 1, 2),
        True,
        False,
    )
    answer = {
        "id": done.operation_id,
        "status": "rejected",
        "code": "card_taken",
        "message": "a card with this UID or number belongs to someone",
    }
    with db.write() as conn:
        push_outcomes.record_outcomes(
            conn,
            [
                push_outcomes.Outcome(
                    done.operation_id, push_outcomes.OutcomeStatus.PARKED, json.dumps(answer)
                )
            ],
            clock.now().isoformat(),
        )
    return done


def test_parked_operations_are_listed_with_their_reason(
    demo_db: Database, clock: FixedClock
) -> None:
    done = parked_registration(demo_db, clock)
    [parked] = supervisor.parked_operations(on(demo_db, clock, CHIEF))
    assert (parked.id, parked.kind, parked.code) == (
        done.operation_id,
        "member_register",
        "card_taken",
    )
    assert parked.reason.startswith("The card belongs to someone else")
    assert parked.member_id == done.member_id
    with pytest.raises(NotAllowed):
        supervisor.parked_operations(on(demo_db, clock, CASHIER))


def test_send_again_makes_it_pending_once_and_is_audited(
    demo_db: Database, clock: FixedClock
) -> None:
    done = parked_registration(demo_db, clock)
    woken: list[int] = []
    demo_db.outbox_listeners.append(lambda: woken.append(1))
    with pytest.raises(NotAllowed):
        supervisor.send_again(on(demo_db, clock, CASHIER), done.operation_id)
    supervisor.send_again(on(demo_db, clock, CHIEF), done.operation_id)
    assert woken == [1]
    assert supervisor.parked_operations(on(demo_db, clock, CHIEF)) == []
    with demo_db.read() as conn:
        status = conn.execute(
            text("SELECT status FROM operations WHERE id = :i"), {"i": done.operation_id}
        ).scalar_one()
        audit = conn.execute(
            text("SELECT action, staff_id, target FROM audit_log ORDER BY id DESC LIMIT 1")
        ).one()
        waiting = push_outcomes.outgoing(conn, 0, 10)
    assert status == "pending"
    assert tuple(audit) == ("send_again", CHIEF.id, done.operation_id)
    assert [o.op_id for o in waiting] == [done.operation_id]
    with pytest.raises(ServiceError) as again:
        supervisor.send_again(on(demo_db, clock, CHIEF), done.operation_id)
    assert again.value.code == "unknown_parked"


def test_an_unknown_code_and_http_refusals_have_words_too(
    demo_db: Database, clock: FixedClock
) -> None:
    done = parked_registration(demo_db, clock)
    for code, start in (
        ("http_400", "The office refused the request"),
        ("never_heard_of", "The office refused it"),
    ):
        with demo_db.write() as conn:
            conn.execute(
                text("UPDATE operations SET result = :r WHERE id = :i"),
                {"r": json.dumps({"code": code}), "i": done.operation_id},
            )
        [parked] = supervisor.parked_operations(on(demo_db, clock, CHIEF))
        assert parked.code == code and parked.reason.startswith(start)


@pytest.mark.parametrize(
    ("code", "start"),
    [
        ("unknown_staff", "The office does not know the member of staff"),
        ("staff_inactive", "The member of staff who made it was deactivated"),
        ("staff_not_here", "The member of staff who made it may not work at this till"),
        ("role_required", "It needs a supervisor's authorisation"),
    ],
)
def test_the_offices_role_refusals_are_explained_in_words(
    demo_db: Database, clock: FixedClock, code: str, start: str
) -> None:
    done = parked_registration(demo_db, clock)
    with demo_db.write() as conn:
        conn.execute(
            text("UPDATE operations SET result = :r WHERE id = :i"),
            {"r": json.dumps({"code": code}), "i": done.operation_id},
        )
    [parked] = supervisor.parked_operations(on(demo_db, clock, CHIEF))
    assert parked.code == code and parked.reason.startswith(start)
