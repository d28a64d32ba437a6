"""The session on its own: who is on duty, a shift opened by a PIN, closed by a
supervisor, and refused over someone else's (terminal.ui.session)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from common.clock import FixedClock
from terminal.services.shifts import open_shift
from terminal.services.staff import Role, add_staff, log_in, staff_on_till
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.screens import MessageKind
from terminal.ui.session import Session
from terminal.ui.supervisor_page import SupervisorPage


def session_of(
    qtbot: QtBot, till: Till, *, required: bool = True
) -> tuple[Session, SupervisorPage]:
    supervisor = SupervisorPage(till)
    qtbot.addWidget(supervisor)
    session = Session(till, supervisor, required=required, till_name="till-7")
    qtbot.addWidget(session.login)
    session.log_out()
    return session, supervisor


def pin(qtbot: QtBot, session: Session, name: str, digits: str) -> None:
    session.login.who.setCurrentIndex(session.login.who.findText(name))
    qtbot.keyClicks(session.login.pin, digits)
    qtbot.keyClick(session.login.pin, Qt.Key.Key_Return)


def test_a_till_without_logins_is_always_on_duty(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    session, _ = session_of(qtbot, Till(demo_db, clock), required=False)
    assert session.on_duty and session.staff is None


def test_a_pin_opens_the_shift_and_a_supervisor_closes_it(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    till = Till(demo_db, clock)
    session, supervisor = session_of(qtbot, till)
    assert not session.on_duty
    with qtbot.waitSignal(session.opened) as opened:
        pin(qtbot, session, "Анна Кассирова", "1111")
    cashier = session.staff
    assert opened.args is not None and cashier == opened.args[0] and session.on_duty
    assert cashier is not None and session.shift is not None
    with demo_db.write() as conn:
        other = add_staff(conn, "Богдан", Role.CASHIER, "5678")
    bohdan = log_in(till.unit(), other, "5678")
    with qtbot.waitSignal(session.problem) as problem, qtbot.assertNotEmitted(session.ended):
        supervisor.close_shift_requested.emit(bohdan)  # another cashier cannot close it
    assert problem.args is not None and problem.args[0].kind is MessageKind.PROBLEM
    assert session.shift is not None
    ((boss_id, _),) = staff_on_till(till.unit(), supervisors_only=True)
    with qtbot.waitSignal(session.ended):
        supervisor.close_shift_requested.emit(log_in(till.unit(), boss_id, "999999"))
    assert session.shift is None
    with demo_db.read() as conn:
        assert conn.execute(text("SELECT closed_at FROM shifts")).scalar() is not None


def test_no_shift_over_someone_elses(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    with demo_db.write() as conn:
        bohdan = add_staff(conn, "Богдан", Role.CASHIER, "5678")
    till = Till(demo_db, clock)
    open_shift(till.unit(log_in(till.unit(), bohdan, "5678")))  # never closed
    session, _ = session_of(qtbot, till)
    with qtbot.waitSignal(session.ended), qtbot.assertNotEmitted(session.opened):
        pin(qtbot, session, "Анна Кассирова", "1111")
    assert session.staff is None and session.shift is None
    assert "Богдан" in session.login.error.text()
