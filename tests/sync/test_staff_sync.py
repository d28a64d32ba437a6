"""Staff made at the office reach a till over real HTTP (issue 12, point 1): a till
freshly enrolled with an office that has no demo data can be logged into by PIN and by
staff card; a change keeps the till's own lock-out state; a deactivation, or a till the
person may not work at, stops the log-in; the till's audit log reaches the office once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from builders import cards
from officekit import Terminal, enrolled_terminal, terminal_ops
from opkit import SUPERVISOR_ID
from sqlalchemy import select, text

from common.clock import FixedClock
from office import audit, feed, staff
from office.db import OfficeDB
from office.limits import ServerLimits
from office.models import operations as office_operations
from office.server import OfficeServer
from sync import credentials
from terminal.loyalty import Money
from terminal.services import member_ops
from terminal.services.checkout import checkout
from terminal.services.doctor import Status, check_cache
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey
from terminal.services.staff import (
    LockedOut,
    PinRejected,
    Role,
    StaffMember,
    lift_lock_out,
    log_in,
    log_in_by_card,
    staff_on_till,
)
from terminal.services.till import Till
from terminal.store import ledger
from terminal.store.database import Database

pytestmark = pytest.mark.integration

CLOCK = FixedClock(datetime(2026, 12, 2, 10, 0, tzinfo=UTC))


@pytest.fixture
def bare_office(tmp_path: Path) -> Iterator[OfficeServer]:
    """An office with no members, no program, no demo staff: only what a test adds."""
    db = OfficeDB.open(str(tmp_path / "bare-office.sqlite3"))
    try:
        with OfficeServer(db) as server:
            yield server
    finally:
        db.close()


@pytest.fixture
def till(bare_office: OfficeServer, tmp_path: Path) -> Iterator[Terminal]:
    with enrolled_terminal(bare_office, tmp_path / "till") as t:
        credentials.note_in_cache(t.db, t.creds)  # as loyalty-terminal enroll does
        yield t


def test_staff_made_at_the_office_log_in_at_a_freshly_enrolled_till(
    bare_office: OfficeServer, till: Terminal
) -> None:
    db = bare_office.db
    olena = staff.add(db, "Олена", "cashier", pin="2468", cards=["04c0ffee000001"])
    petro = staff.add(db, "Петро", "supervisor", pin="975310")
    feed.prune(db, 10**9)  # their changes forgotten: only the snapshot's meta brings them
    with till.db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM staff")).scalar() == 0  # no demo data
    till.sync()
    unit = Till(till.db, CLOCK).unit()
    assert log_in(unit, olena, "2468") == StaffMember(olena, "Олена", Role.CASHIER)
    assert log_in(unit, petro, "975310").role is Role.SUPERVISOR
    assert log_in_by_card(unit, "04C0FFEE000001") == StaffMember(olena, "Олена", Role.CASHIER)
    with pytest.raises(PinRejected):
        log_in(unit, olena, "1357")


def test_a_change_at_the_office_keeps_the_tills_lock_out_and_a_deactivation_ends_log_ins(
    bare_office: OfficeServer, till: Terminal
) -> None:
    db = bare_office.db
    olena = staff.add(db, "Олена", "cashier", pin="2468", cards=["04C0FFEE000001"])
    till.sync()
    unit = Till(till.db, CLOCK).unit()
    for _ in range(2):
        with pytest.raises(PinRejected):
            log_in(unit, olena, "0000")
    staff.change(db, olena, name="Олена Іванівна")
    till.sync()
    with till.db.read() as conn:
        name, failed = conn.execute(
            text("SELECT name, failed_pins FROM staff WHERE id = :i"), {"i": olena}
        ).one()
    assert (name, failed) == ("Олена Іванівна", 2)  # the office's name, the till's count

    staff.deactivate(db, olena)
    till.sync()
    with pytest.raises(ServiceError) as refused:
        log_in(unit, olena, "2468")
    assert refused.value.code == "unknown_staff"
    assert log_in_by_card(unit, "04C0FFEE000001") is None


def test_a_person_not_allowed_at_this_till_cannot_log_in_there(
    bare_office: OfficeServer, till: Terminal
) -> None:
    here = till.creds.terminal_id
    away = staff.add(bare_office.db, "Чужий", "cashier", pin="2468", tills=(here + 1,))
    till.sync()
    with pytest.raises(ServiceError) as refused:
        log_in(Till(till.db, CLOCK).unit(), away, "2468")
    assert refused.value.code == "staff_not_here"
    staff.change(bare_office.db, away, tills=(here,))
    till.sync()
    assert log_in(Till(till.db, CLOCK).unit(), away, "2468").name == "Чужий"


def test_the_tills_audit_log_reaches_the_office_exactly_once(
    bare_office: OfficeServer, till: Terminal
) -> None:
    db = bare_office.db
    olena = staff.add(db, "Олена", "cashier", pin="2468")
    petro = staff.add(db, "Петро", "supervisor", pin="975310")
    till.sync()
    unit = Till(till.db, CLOCK).unit()
    for _ in range(4):
        with pytest.raises(PinRejected):
            log_in(unit, olena, "0000")
    with pytest.raises(LockedOut):
        log_in(unit, olena, "0000")
    chief = log_in(unit, petro, "975310")
    lift_lock_out(unit.acting(chief), olena)
    till.sync()
    till.sync()  # nothing new: nothing sent twice
    with till.db.read() as conn:
        local = [tuple(r) for r in conn.execute(text("SELECT id, action FROM audit_log"))]
    kept = audit.events_of(db, till.creds.terminal_id)
    assert [(e["event_id"], e["action"]) for e in kept] == local
    assert [e["action"] for e in kept].count("lockout_lifted") == 1
    lifted = next(e for e in kept if e["action"] == "lockout_lifted")
    assert (lifted["staff_id"], lifted["target"]) == (petro, str(olena))

    with till.db.write() as conn:  # an answer lost: the till sends them all again
        conn.exec_driver_sql("DELETE FROM sync_state WHERE key = 'sync.audit_sent'")
    till.sync()
    assert len(audit.events_of(db, till.creds.terminal_id)) == len(local)


def test_the_doctor_says_nobody_can_log_in_until_the_office_has_staff(
    bare_office: OfficeServer, till: Terminal
) -> None:
    till.sync()
    db_path = till.path
    till.db.close()
    found = {f.check: f for f in check_cache(db_path, CLOCK)}
    assert found["staff"].status is Status.FAIL and "office staff add" in found["staff"].fix
    staff.add(bare_office.db, "Олена", "cashier", pin="2468")
    with Database.open(db_path) as db:
        Terminal(db, db_path, till.creds, till.url).sync()
    found = {f.check: f for f in check_cache(db_path, CLOCK)}
    assert found["staff"].status is Status.WARN and "no supervisor" in found["staff"].message


def test_every_supervisor_operation_names_its_supervisor_and_the_office_takes_it(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    """The till sends the staff id on every path that needs a role; the office, which
    checks it, applies them all (the demo's supervisor is the office's, via the seed)."""
    terminal.sync()
    till = Till(terminal.db, CLOCK)
    chief = log_in(till.unit(), SUPERVISOR_ID, "999999")
    unit = till.unit(chief)
    first, second = (CardKey(card_id=c.id) for c in cards(terminal.db, limit=2, with_member=True))
    purchase = checkout(unit, first, Money.parse("1000.00")).operation_id
    recorded = [
        member_ops.adjust_points(unit, first, Decimal("15"), "goodwill").operation_id,
        member_ops.record_feedback(unit, first, "slow queue").operation_id,
        member_ops.return_purchase(unit, purchase)[0].operation_id,
        member_ops.block_card(unit, second, "lost, reported by phone").operation_id,
    ]
    terminal.sync()
    statuses = {op_id: status for op_id, (status, _d, _m) in terminal_ops(terminal.db).items()}
    assert {statuses[i] for i in [purchase, *recorded]} == {"acked"}
    with office_db.read() as conn:
        bodies = conn.execute(
            select(office_operations.c.op_id, office_operations.c.body).where(
                office_operations.c.op_id.in_(recorded)
            )
        ).all()
    assert {json.loads(b)["staff_id"] for _i, b in bodies} == {SUPERVISOR_ID}
    assert len(bodies) == len(recorded)


def test_the_log_in_list_shows_only_who_may_work_at_this_till(
    bare_office: OfficeServer, till: Terminal
) -> None:
    here = till.creds.terminal_id
    staff.add(bare_office.db, "Тут", "cashier", pin="2468", tills=(here,))
    staff.add(bare_office.db, "Всюди", "supervisor", pin="246810")
    staff.add(bare_office.db, "Деінде", "cashier", pin="2468", tills=(here + 1,))
    till.sync()
    names = [name for _, name in staff_on_till(Till(till.db, CLOCK).unit())]
    assert names == ["Всюди", "Тут"]


def _fill_audit(db: Database, count: int) -> None:
    """``count`` audit rows the size a busy till's day makes (a log-in with its details)."""
    with db.write() as conn:
        for i in range(count):
            ledger.audit(
                conn,
                f"2026-12-02T10:{i // 60 % 60:02d}:{i % 60:02d}+00:00",
                "login_failed",
                target=str(i),
                details={"reason": "wrong PIN", "attempts_left": 4, "note": "Олена " * 20},
            )


@pytest.mark.parametrize("cap", [None, 16 * 1024])
def test_a_long_audit_log_reaches_the_office_through_its_body_cap(
    tmp_path: Path, cap: int | None
) -> None:
    """Batches of 500 real-sized events are far over the small body cap of an enrolment;
    under a push cap smaller than a whole batch (16 KiB), the till halves its batches
    until they fit. Every event arrives once."""
    db = OfficeDB.open(str(tmp_path / "office.sqlite3"))
    limits = ServerLimits() if cap is None else ServerLimits(max_push_bytes=cap)
    try:
        with OfficeServer(db, limits=limits) as server:
            with enrolled_terminal(server, tmp_path / "till") as t:
                credentials.note_in_cache(t.db, t.creds)
                _fill_audit(t.db, 1200)
                with t.client() as client:
                    sizes: list[int] = []
                    push_audit = client.push_audit

                    def counted(events: Any) -> Any:
                        sizes.append(len(events))
                        return push_audit(events)

                    client.push_audit = counted  # type: ignore[method-assign]
                    t.syncer(client).run_pass()
                kept = audit.events_of(db, t.creds.terminal_id)
                with t.db.read() as conn:
                    local = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
                assert len(kept) == local >= 1200
                assert len({e["event_id"] for e in kept}) == len(kept)
                if cap is None:  # whole batches of 500 fit the push cap
                    assert sizes[:2] == [500, 500]
                else:  # halved until a batch fit, then at that size
                    assert sizes[0] == 500 and 1 < min(sizes) < 500
    finally:
        db.close()
