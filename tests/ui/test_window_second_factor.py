"""The supervisor card as the second factor in the window (issue 13 point 3), offscreen:
where the office asks for it, a supervisor's right PIN makes the log-in page ask for a
tap of their own staff card; their card logs them in, anyone else's is refused; the same
in supervisor mode. Cashiers log in as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windowkit import bridged, deliver, opened, tap_uid

from common.clock import FixedClock
from terminal.services.staff import Role, add_staff
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.store.row_writes import limits_text
from terminal.store.sync_state import LIMITS, set_state
from terminal.ui.i18n import switch_language
from terminal.ui.login_page import LoginPage
from terminal.ui.main_window import MainWindow

MIRA, ANNA = "04C0FFEE000001", "04C0FFEE000002"


def _window(qtbot: QtBot, db: Database, clock: FixedClock) -> MainWindow:
    with db.write() as conn:
        add_staff(conn, "Мирослава", Role.SUPERVISOR, "246810", card_uid=MIRA)
        add_staff(conn, "Ганна", Role.CASHIER, "4821", card_uid=ANNA)
        set_state(conn, LIMITS, limits_text({"supervisor_card": True}))
    return opened(qtbot, Till(db, clock), login=True)


def _type_pin(qtbot: QtBot, page: LoginPage, name: str, pin: str) -> None:
    page.who.setCurrentIndex(page.who.findText(name))
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def test_a_supervisor_pin_asks_for_their_card_and_their_card_logs_them_in(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = _window(qtbot, demo_db, clock)
    bridge = bridged(w)
    _type_pin(qtbot, w.login, "Мирослава", "246810")
    assert w.staff is None and w.login.awaiting_card
    assert w.login.tap_card.isVisible() and "tap your own staff card" in w.login.tap_card.text()
    assert "Мирослава" in w.login.tap_card.text() and not w.login.who.isEnabled()
    deliver(qtbot, bridge, tap_uid(MIRA))
    assert w.staff is not None and w.staff.name == "Мирослава" and w.shift is not None
    assert QApplication.overrideCursor() is None  # the wait cursor is gone again


def test_another_persons_card_is_refused_and_the_pin_is_asked_again(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = _window(qtbot, demo_db, clock)
    bridge = bridged(w)
    _type_pin(qtbot, w.login, "Мирослава", "246810")
    deliver(qtbot, bridge, tap_uid(ANNA))
    assert w.staff is None and not w.login.awaiting_card and w.login.who.isEnabled()
    assert "not your staff card" in w.login.error.text()


def test_enter_while_the_card_is_awaited_asks_for_the_pin_again(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = _window(qtbot, demo_db, clock)
    _type_pin(qtbot, w.login, "Мирослава", "246810")
    assert w.login.enter.text() == "Type the PIN again (Enter)"
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    assert not w.login.awaiting_card and w.login.enter.text() == "Log in (Enter)"
    deliver(qtbot, bridged(w), tap_uid(MIRA))  # a card alone, now: not enough
    assert w.staff is None


def test_a_supervisor_card_alone_says_to_type_the_pin_first(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = _window(qtbot, demo_db, clock)
    deliver(qtbot, bridged(w), tap_uid(MIRA))
    assert w.staff is None and "types their PIN, then taps their card" in w.login.error.text()


def test_a_cashier_logs_in_with_the_pin_alone(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = _window(qtbot, demo_db, clock)
    _type_pin(qtbot, w.login, "Ганна", "4821")
    assert w.staff is not None and w.staff.name == "Ганна" and not w.login.awaiting_card


@pytest.mark.parametrize(("card", "opens"), [(MIRA, True), (ANNA, False)])
def test_supervisor_mode_asks_for_the_card_too(
    qtbot: QtBot, demo_db: Database, clock: FixedClock, card: str, opens: bool
) -> None:
    w = _window(qtbot, demo_db, clock)
    bridge = bridged(w)
    _type_pin(qtbot, w.login, "Ганна", "4821")
    w.show_supervisor()
    _type_pin(qtbot, w.supervisor.auth, "Мирослава", "246810")
    assert w.supervisor.auth.awaiting_card and w.supervisor.supervisor is None
    deliver(qtbot, bridge, tap_uid(card))
    assert (w.supervisor.supervisor is not None) is opens
    assert not w.supervisor.auth.awaiting_card
    assert w.staff is not None and w.staff.name == "Ганна"  # the cashier stays on duty


@pytest.mark.parametrize(
    ("code", "words"),
    [("en", "tap your own staff card"), ("ru", "карту сотрудника"), ("uk", "картку працівника")],
)
def test_the_card_step_is_in_the_cashiers_language_and_fits_1024x768(
    qtbot: QtBot, demo_db: Database, clock: FixedClock, code: str, words: str
) -> None:
    w = _window(qtbot, demo_db, clock)
    w.resize(1024, 768)
    switch_language(code)
    try:
        _type_pin(qtbot, w.login, "Мирослава", "246810")
        label = w.login.tap_card
        assert label.isVisible() and words in label.text() and "Мирослава" in label.text()
        assert label.wordWrap() and label.sizeHint().width() <= 1024
        assert label.geometry().right() <= w.width() <= 1024 and w.height() <= 768
        deliver(qtbot, bridged(w), tap_uid(ANNA))
        assert words.split()[-1][:5] in w.login.error.text()  # the refusal too
    finally:
        switch_language("en")
