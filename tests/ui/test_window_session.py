"""The shift in the window: a PIN or a staff card opens it, a supervisor closes it, and
nobody is served before (terminal.ui.session)."""

from __future__ import annotations

from builders import a_card
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import bridged, deliver, opened, tap, tap_uid

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services.shifts import open_shift
from terminal.services.staff import Role, add_staff, log_in
from terminal.services.till import Till
from terminal.store.database import Database


def test_shift_starts_with_a_pin(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    w = opened(qtbot, Till(demo_db, clock), login=True)
    assert w.pages.currentWidget() is w.login
    bridge = bridged(w)
    deliver(qtbot, bridge, tap(a_card(demo_db).id))
    assert w.pages.currentWidget() is w.login  # no member shown before a login
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert w.pages.currentWidget() is w.login
    w.login.who.setCurrentIndex(w.login.who.findText("Анна Кассирова"))
    qtbot.keyClicks(w.login.pin, "0000")
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    assert "4" in w.login.error.text() and w.pages.currentWidget() is w.login
    qtbot.keyClicks(w.login.pin, "1111")
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    assert w.pages.currentIndex() == 0 and w.staff is not None and w.shift is not None


def test_staff_card_and_closing_the_shift(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    with demo_db.write() as conn:
        add_staff(conn, "Мирослава", Role.SUPERVISOR, "246810", card_uid="04C0FFEE000001")
    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())
    w = opened(qtbot, Till(demo_db, clock, receipts=spooler), login=True)
    bridge = bridged(w)
    deliver(qtbot, bridge, tap_uid("04C0FFEE000001"))
    assert w.staff is not None and w.staff.name == "Мирослава" and w.pages.currentIndex() == 0
    w.show_supervisor()
    w.supervisor.who.setCurrentIndex(w.supervisor.who.findText("Мирослава"))
    qtbot.keyClicks(w.supervisor.pin, "246810")
    qtbot.keyClick(w.supervisor.pin, Qt.Key.Key_Return)
    w.supervisor.close_shift.click()
    assert w.pages.currentWidget() is w.login and w.shift is None
    with demo_db.read() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM print_jobs"))]
        closed = conn.execute(text("SELECT closed_at FROM shifts")).scalar()
    assert kinds == ["shift"] and closed is not None


def test_staff_card_of_a_locked_out_person_does_not_log_in(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    with demo_db.write() as conn:
        add_staff(conn, "Мирослава", Role.SUPERVISOR, "246810", card_uid="04C0FFEE000001")
    w = opened(qtbot, Till(demo_db, clock), login=True)
    w.login.who.setCurrentIndex(w.login.who.findText("Мирослава"))
    for _ in range(5):
        qtbot.keyClicks(w.login.pin, "0000")
        qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    assert "Too many wrong PINs" in w.login.error.text()
    w.login.error.clear()
    bridge = bridged(w)
    deliver(qtbot, bridge, tap_uid("04C0FFEE000001"))
    assert w.staff is None and w.pages.currentWidget() is w.login
    assert "Too many wrong PINs" in w.login.error.text()


def test_a_cashier_cannot_log_in_over_another_open_shift(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    with demo_db.write() as conn:
        bohdan = add_staff(conn, "Богдан", Role.CASHIER, "5678")
    till = Till(demo_db, clock)
    open_shift(till.unit(log_in(till.unit(), bohdan, "5678")))  # never closed
    w = opened(qtbot, till, login=True)
    w.login.who.setCurrentIndex(w.login.who.findText("Анна Кассирова"))
    qtbot.keyClicks(w.login.pin, "1111")
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    assert w.staff is None and w.pages.currentWidget() is w.login
    assert "Богдан" in w.login.error.text() and w.login.error.isVisible()


def test_enter_on_an_empty_pin_is_not_a_wrong_pin(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    """A second Enter (habit, key repeat) on the emptied PIN field costs no attempt."""
    w = opened(qtbot, Till(demo_db, clock), login=True)
    w.login.who.setCurrentIndex(w.login.who.findText("Пётр Старший"))
    w.login.pin.setText("")
    w.login.enter.click()
    w.login.enter.click()
    with demo_db.read() as conn:
        failed = conn.execute(
            text("SELECT failed_pins FROM staff WHERE name = :n"), {"n": "Пётр Старший"}
        ).scalar_one()
    assert failed == 0
    assert w.login.error.isHidden() and w.staff is None
