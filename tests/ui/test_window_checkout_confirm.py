"""A purchase above the program's ``confirm_above`` in the window (offscreen, the real
widgets): the checkout asks for a supervisor's PIN with the figures, Esc goes back with the
amount kept, a wrong PIN records nothing, a right one records the purchase with the
supervisor in the audit log; where the office asks for it, their staff card too
(terminal.ui.checkout_confirmation)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

import pytest
from builders import card_key
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import bridged, deliver, opened, tap_uid

from common.clock import FixedClock
from drivers.events import BankCardRefused, Technology
from terminal.loyalty import CardState
from terminal.services.staff import Role, add_staff
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.store.row_writes import limits_text
from terminal.store.sync_state import LIMITS, set_state
from terminal.ui.formats import money_text
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow

CHIEF, CHIEF_PIN = "Пётр Старший", "999999"
MIRA, MIRA_PIN, MIRA_CARD = "Мирослава", "246810", "04C0FFEE000001"


@pytest.fixture
def active(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    """The window, active: Esc is the window's shortcut."""
    w = opened(qtbot, Till(demo_db, clock))
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    yield w
    switch_language("en")


def _operations(db: Database) -> list[tuple[object, ...]]:
    with db.read() as conn:
        rows = conn.execute(text("SELECT id, amount_minor, staff_id FROM operations")).all()
    return [tuple(r) for r in rows]


def _confirmations(db: Database) -> list[tuple[object, ...]]:
    with db.read() as conn:
        rows = conn.execute(
            text(
                "SELECT staff_id, target, details FROM audit_log "
                "WHERE action = 'purchase_confirmed' ORDER BY id"
            )
        ).all()
    return [tuple(r) for r in rows]


def _confirm_amount(qtbot: QtBot, w: MainWindow, amount: str) -> None:
    """Type ``amount`` and confirm it from the keyboard, no points spent."""
    qtbot.keyClicks(w.checkout.amount, amount)
    assert w.checkout.quote is not None
    w.checkout.points.setText("0")
    qtbot.keyClick(w.checkout.points, Qt.Key.Key_Return)


def _type_pin(qtbot: QtBot, w: MainWindow, name: str, pin: str) -> None:
    page = w.checkout.confirmation
    page.who.setCurrentIndex(page.who.findText(name))  # Cyrillic: not typed
    qtbot.keyClicks(page.pin, pin)
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)


def test_a_large_purchase_asks_a_supervisor_and_is_recorded_with_them(
    qtbot: QtBot, active: MainWindow, demo_db: Database
) -> None:
    w = active
    w.present(card_key(demo_db))
    width = w.minimumSizeHint().width()
    _confirm_amount(qtbot, w, "1500000")
    page = w.checkout.confirmation
    assert w.checkout.confirming and page.isVisible() and not w.checkout.amount.isVisible()
    big, limit = money_text(Decimal(1_500_000)), money_text(Decimal(1_000_000))
    assert page.question.text() == (
        f"Purchase of {big} is above {limit}: a supervisor confirms with their PIN"
    )
    assert [page.who.itemText(i) for i in range(page.who.count())] == [CHIEF]  # no cashier
    assert page.pin.hasFocus() and _operations(demo_db) == []
    assert w.minimumSizeHint().width() <= width  # the question makes the window no wider

    qtbot.keyClick(page.pin, Qt.Key.Key_Escape)  # the window's Esc: back, as typed
    assert not w.checkout.confirming and w.pages.currentWidget() is not w._message_page
    assert w.checkout.amount.isVisible() and w.checkout.amount.text() == "1500000"
    assert w.checkout.quote is not None and w.checkout.confirm.isEnabled()
    assert _operations(demo_db) == [] and _confirmations(demo_db) == []

    qtbot.keyClick(w.checkout.amount, Qt.Key.Key_Return)  # Enter: the points, then again
    qtbot.keyClick(w.checkout.points, Qt.Key.Key_Return)
    assert w.checkout.confirming
    _type_pin(qtbot, w, CHIEF, "123456")
    assert w.checkout.confirming and "Wrong PIN" in page.login.error.text()
    assert _operations(demo_db) == []

    _type_pin(qtbot, w, CHIEF, CHIEF_PIN)
    assert w.pages.currentWidget() is w._message_page and "Done" in w.message.text()
    ((op_id, amount_minor, staff_id),) = _operations(demo_db)
    assert amount_minor == 150_000_000 and staff_id is None  # nobody logged in on this till
    ((by, target, details),) = _confirmations(demo_db)
    assert (by, target) == (2, op_id)  # the demo's supervisor confirmed this purchase
    assert isinstance(details, str) and json.loads(details)["amount"] == "1500000.00"


def test_the_back_button_keeps_the_amount_and_at_the_limit_nobody_is_asked(
    qtbot: QtBot, active: MainWindow, demo_db: Database
) -> None:
    w = active
    w.present(card_key(demo_db))
    _confirm_amount(qtbot, w, "1000000.01")
    assert w.checkout.confirming
    w.checkout.confirmation.back_button.click()
    assert not w.checkout.confirming and w.checkout.amount.text() == "1000000.01"
    w.checkout.amount.setText("")
    _confirm_amount(qtbot, w, "1000000")  # at the limit, not above it
    assert "Done" in w.message.text() and _confirmations(demo_db) == []
    assert [op[1] for op in _operations(demo_db)] == [100_000_000]


def test_the_question_in_russian_with_the_figures_in_its_format(
    qtbot: QtBot, active: MainWindow, demo_db: Database
) -> None:
    w = active
    switch_language("ru")
    w.present(card_key(demo_db))
    width = w.minimumSizeHint().width()  # the checkout's, in Russian
    _confirm_amount(qtbot, w, "1500000")
    page = w.checkout.confirmation
    assert w.checkout.confirming and w.minimumSizeHint().width() <= width
    assert page.question.text() == (
        "Покупка на 1\u00a0500\u00a0000,00 — больше 1\u00a0000\u00a0000,00: "
        "подтверждает старший смены своим PIN-кодом"
    )
    assert page.back_button.text() == "Назад к покупке (Esc)"
    assert page.login.enter.text() == "Подтвердить (Enter)"
    switch_language("uk")
    qtbot.waitUntil(lambda: "старший зміни" in page.question.text(), timeout=2000)
    assert "1\u00a0500\u00a0000,00" in page.question.text()


def test_where_the_office_asks_for_it_the_supervisors_card_follows_the_pin(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    with demo_db.write() as conn:
        add_staff(conn, MIRA, Role.SUPERVISOR, MIRA_PIN, card_uid=MIRA_CARD)
        set_state(conn, LIMITS, limits_text({"supervisor_card": True}))
    w = opened(qtbot, Till(demo_db, clock))
    bridge = bridged(w)
    w.present(card_key(demo_db))
    _confirm_amount(qtbot, w, "2000000")
    page = w.checkout.confirmation
    _type_pin(qtbot, w, MIRA, MIRA_PIN)
    assert page.login.awaiting_card and w.checkout.confirming and _operations(demo_db) == []
    deliver(qtbot, bridge, tap_uid(MIRA_CARD))  # the router hands the tap to this page
    assert "Done" in w.message.text()
    ((op_id, amount_minor, _),) = _operations(demo_db)
    ((by, target, _),) = _confirmations(demo_db)
    assert amount_minor == 200_000_000 and target == op_id
    with demo_db.read() as conn:
        name = conn.execute(text("SELECT name FROM staff WHERE id = :i"), {"i": by}).scalar()
    assert name == MIRA


def test_a_question_left_behind_by_a_message_does_not_take_the_card(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    """The PIN typed, the card awaited, then a message replaces the checkout (F10, a
    session problem): the supervisor's card read then records nothing."""
    with demo_db.write() as conn:
        add_staff(conn, MIRA, Role.SUPERVISOR, MIRA_PIN, card_uid=MIRA_CARD)
        set_state(conn, LIMITS, limits_text({"supervisor_card": True}))
    w = opened(qtbot, Till(demo_db, clock))
    bridge = bridged(w)
    w.present(card_key(demo_db))
    _confirm_amount(qtbot, w, "2000000")
    _type_pin(qtbot, w, MIRA, MIRA_PIN)
    assert w.checkout.confirmation.login.awaiting_card
    w.reprint_last()  # the message page, the question hidden behind it
    deliver(qtbot, bridge, tap_uid(MIRA_CARD))
    assert _operations(demo_db) == [] and _confirmations(demo_db) == []


def test_after_a_confirmation_a_blocked_card_leaves_no_focus_in_the_hidden_pin(
    qtbot: QtBot, active: MainWindow, demo_db: Database
) -> None:
    w = active
    w.present(card_key(demo_db))
    _confirm_amount(qtbot, w, "1500000")
    _type_pin(qtbot, w, CHIEF, CHIEF_PIN)
    assert "Done" in w.message.text()
    w.present(card_key(demo_db, state=CardState.BLOCKED))  # no checkout for this one
    pin = w.checkout.confirmation.pin
    assert not pin.isVisible()
    QApplication.processEvents()
    assert QApplication.focusWidget() is not pin
    assert w.focusWidget() is not pin


def test_a_staff_card_tapped_during_the_question_keeps_it(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    """The supervisor taps their card before typing the PIN: the question stays, and
    says so; the purchase goes through with the PIN."""
    with demo_db.write() as conn:
        add_staff(conn, MIRA, Role.SUPERVISOR, MIRA_PIN, card_uid=MIRA_CARD)
    w = opened(qtbot, Till(demo_db, clock))
    bridge = bridged(w)
    w.present(card_key(demo_db))
    _confirm_amount(qtbot, w, "2000000")
    deliver(qtbot, bridge, tap_uid(MIRA_CARD))  # no PIN yet: not a member's card
    page = w.checkout.confirmation
    assert w.pages.currentWidget() is not w._message_page
    assert w.checkout.confirming and page.login.error.isVisible()
    assert "not in the club" in page.login.error.text()
    assert w.checkout.amount.text() == "2000000"
    _type_pin(qtbot, w, MIRA, MIRA_PIN)
    assert "Done" in w.message.text() and len(_operations(demo_db)) == 1


def test_a_card_that_is_no_members_during_a_checkout_keeps_the_amount(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = opened(qtbot, Till(demo_db, clock))
    bridge = bridged(w)
    w.present(card_key(demo_db))
    qtbot.keyClicks(w.checkout.amount, "250")
    deliver(qtbot, bridge, BankCardRefused("Virtual PCD 00 00", Technology.CONTACTLESS))
    assert w.pages.currentWidget() is not w._message_page
    assert w.checkout.amount.text() == "250" and w.checkout.quote is not None
    assert w.checkout.error.isVisible() and "bank card" in w.checkout.error.text()
    qtbot.keyClick(w.checkout.amount, Qt.Key.Key_Return)
    qtbot.keyClick(w.checkout.points, Qt.Key.Key_Return)
    assert "Done" in w.message.text() and len(_operations(demo_db)) == 1
    w.present(card_key(demo_db))  # no amount typed: the message page, as before
    deliver(qtbot, bridge, BankCardRefused("Virtual PCD 00 00", Technology.CONTACTLESS))
    assert w.pages.currentWidget() is w._message_page
