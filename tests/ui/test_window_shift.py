"""What a shift needs, through the real window: the person on duty in the status bar, a
break that locks the till (its cashier's PIN goes on with the same shift), the end of a
shift by its own cashier after its totals, the last receipt reprinted, and a supervisor
lifting a cashier's lock-out from the login screen (F9)."""

from __future__ import annotations

from builders import a_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import bridged, deliver, opened, tap

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig
from terminal.loyalty import Money
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.main_window import MainWindow

CASHIER, CASHIER_PIN = "Анна Кассирова", "1111"
CHIEF, CHIEF_PIN = "Пётр Старший", "999999"


def active(qtbot: QtBot, till: Till) -> MainWindow:
    """The window with logins, active (its F-keys are the window's shortcuts)."""
    w = opened(qtbot, till, login=True)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    return w


def printing(qtbot: QtBot, db: Database, clock: FixedClock) -> MainWindow:
    spooler = Spooler(db, PrinterConfig.default(), ReceiptConfig.default())  # not started
    return active(qtbot, Till(db, clock, receipts=spooler))


def log_in(qtbot: QtBot, w: MainWindow, name: str, pin: str) -> None:
    w.login.who.setCurrentIndex(w.login.who.findText(name))
    qtbot.keyClicks(w.login.pin, pin)
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)


def sell(w: MainWindow, db: Database, amount: str = "120.00") -> None:
    """A checkout by the cashier on duty, as the checkout panel records it."""
    checkout(w._till.unit(w.staff), CardKey(card_id=a_card(db).id), Money.parse(amount))


def jobs(db: Database) -> list[tuple[str, int | None]]:
    with db.read() as conn:
        rows = conn.execute(text("SELECT kind, copy_of FROM print_jobs ORDER BY id")).all()
    return [(str(r[0]), r[1]) for r in rows]


def test_the_cashier_on_duty_is_in_the_status_bar(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = active(qtbot, Till(demo_db, clock))
    assert w.status_bar.staff_status.isHidden()
    log_in(qtbot, w, CASHIER, CASHIER_PIN)
    assert w.status_bar.staff_status.text() == f"{CASHIER} · cashier"
    assert not w.status_bar.staff_status.isHidden()


def test_a_break_locks_the_till_and_the_same_shift_goes_on(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = active(qtbot, Till(demo_db, clock))
    log_in(qtbot, w, CASHIER, CASHIER_PIN)
    shift = w.shift
    assert shift is not None
    qtbot.keyClick(w, Qt.Key.Key_F11)
    assert w.pages.currentWidget() is w.login and w.staff is None
    assert CASHIER in w.login.title.text() and "break" in w.login.title.text()
    assert w.login.who.currentText() == CASHIER and w.status_bar.staff_status.isHidden()
    deliver(qtbot, bridged(w), tap(a_card(demo_db).id))
    assert w.pages.currentWidget() is w.login  # nobody is served while the till is locked
    qtbot.keyClicks(w.login.pin, CASHIER_PIN)
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    assert w.staff is not None and w.staff.name == CASHIER
    assert w.shift is not None and w.shift.id == shift.id  # the same shift, not a new one


def test_a_cashier_ends_their_own_shift_after_its_totals(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing(qtbot, demo_db, clock)
    log_in(qtbot, w, CASHIER, CASHIER_PIN)
    sell(w, demo_db, "120.00")
    qtbot.keyClick(w, Qt.Key.Key_F12)
    assert w.pages.currentWidget() is w.shift_end
    shown = dict(w.shift_end.lines())
    assert shown["Purchases"] == "1" and shown["Sales"].replace("\u00a0", " ") == "120.00"
    qtbot.keyClick(w, Qt.Key.Key_Escape)  # not yet: nothing is closed
    assert w.pages.currentWidget() is not w.shift_end and w.shift is not None
    w.show_waiting()
    w._waiting.end_shift.click()  # the button does what F12 does
    assert w.pages.currentWidget() is w.shift_end
    qtbot.keyClick(w.shift_end, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.login and w.shift is None and w.staff is None
    with demo_db.read() as conn:
        closed = conn.execute(text("SELECT closed_at FROM shifts")).scalar()
    assert closed is not None and [k for k, _c in jobs(demo_db)][-1] == "shift"


def test_the_cashier_reprints_the_last_receipt(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing(qtbot, demo_db, clock)
    log_in(qtbot, w, CASHIER, CASHIER_PIN)
    qtbot.keyClick(w, Qt.Key.Key_F10)
    assert "nothing to reprint" in w.message.text() and jobs(demo_db) == []
    w.show_waiting()
    sell(w, demo_db, "50.00")
    sell(w, demo_db, "75.00")
    w._waiting.reprint.click()  # the button does what F10 does
    assert "copy of the last receipt" in w.message.text()
    made = jobs(demo_db)
    assert [k for k, _c in made] == ["purchase", "purchase", "purchase"]
    with demo_db.read() as conn:
        last = conn.execute(text("SELECT max(id) FROM print_jobs WHERE copy_of IS NULL")).scalar()
        audited = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'reprint'"))
        assert audited.scalar() == 1
    assert made[-1][1] == last  # a copy of the newest receipt, not of the first


def test_a_supervisor_lifts_a_lock_out_from_the_login_screen(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = active(qtbot, Till(demo_db, clock))
    for _ in range(5):
        log_in(qtbot, w, CASHIER, "0000")
    assert "Too many wrong PINs" in w.login.error.text()
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert w.login.helping and "lock-out" in w.login.title.text()
    names = [w.login.who.itemText(i) for i in range(w.login.who.count())]
    assert names == [CHIEF]  # only a supervisor may lift it
    log_in(qtbot, w, CHIEF, CHIEF_PIN)
    assert w.shift is None and w.staff is None  # no shift opened for the supervisor
    panel = w.login.lockouts
    assert panel is not None and not panel.isHidden()
    assert CASHIER in panel.people.currentText()
    panel.lift.click()
    qtbot.waitUntil(lambda: not w.login.helping, timeout=2000)
    assert not w.login.helping and "Lock-out lifted" in w.login.note.text()
    with demo_db.read() as conn:
        lifted = conn.execute(text("SELECT count(*) FROM audit_log WHERE action LIKE 'lockout%'"))
        assert lifted.scalar() >= 1
    log_in(qtbot, w, CASHIER, CASHIER_PIN)
    assert w.staff is not None and w.staff.name == CASHIER


def test_esc_leaves_the_supervisors_help_on_the_login_screen(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = active(qtbot, Till(demo_db, clock))
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert w.login.helping
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert not w.login.helping and w.login.who.findText(CASHIER) >= 0
