"""Supervisor mode's defects found by review, each with the test that would have caught
it: a question left when the mode closed, Esc and the focus on a page behind, Enter on
Cancel, a payment card typed as the new card, a zero adjustment, a card tapped during a
return."""

from __future__ import annotations

from builders import a_card, card_key
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windowkit import bridged, deliver, printing_window, supervisor_mode, tap

from common.clock import FixedClock
from terminal.loyalty import CardState, Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey, identify
from terminal.store.database import Database
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow


def _active(qtbot: QtBot, w: MainWindow) -> None:
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)


def _ask_block(qtbot: QtBot, w: MainWindow, key: CardKey) -> None:
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(4)  # block
    actions.text.setText("lost")
    actions.run.click()
    assert actions.asking


def _state(w: MainWindow, key: CardKey) -> CardState:
    return identify(w._till.unit(), key).card_state


def test_a_question_left_when_the_mode_closes_is_gone_for_the_next_supervisor(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key = CardKey(card_id=a_card(demo_db, with_member=True, with_number=True).id)
    _active(qtbot, w)
    _ask_block(qtbot, w, key)
    w.supervisor.back.click()  # Back (or the idle timeout) with the question up
    actions = w.supervisor.member_actions
    assert not w.supervisor.active and not actions.asking and actions.text.text() == ""
    w.show_supervisor()  # F9 again, between customers
    qtbot.keyClick(w.supervisor.pin, Qt.Key.Key_Escape)  # Esc closes it, as it says
    assert not w.supervisor.active
    w.show_supervisor()
    qtbot.keyClicks(w.supervisor.pin, "999999")  # into the PIN, not a hidden field
    assert w.supervisor.pin.text() == "999999" and actions.text.text() == ""
    assert _state(w, key) is CardState.ACTIVE


def test_a_language_switched_behind_the_mode_leaves_the_focus_where_it_is(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    _active(qtbot, w)
    w.show_waiting()
    w.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.search, timeout=2000)
    switch_language("uk")
    try:
        QApplication.processEvents()  # the language change reaches every widget
        assert QApplication.focusWidget() is w.search
    finally:
        switch_language("en")


def test_enter_on_cancel_cancels(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key = CardKey(card_id=a_card(demo_db, with_member=True, with_number=True).id)
    _active(qtbot, w)
    _ask_block(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.question.cancel.setFocus()
    qtbot.keyClick(actions.question.cancel, Qt.Key.Key_Return)
    assert not actions.asking and actions.text.text() == "lost"
    assert _state(w, key) is CardState.ACTIVE


def test_a_payment_card_typed_as_the_new_card_is_refused_before_the_question(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key = CardKey(card_id=a_card(demo_db, with_member=True, with_number=True).id)
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(7)  # replace
    actions.value.setText("4111111111111111")
    actions.run.click()
    assert not actions.asking and "1111" not in actions.question.text.text()
    assert "bank card" in actions.result.text() and actions.value.text() == ""


def test_a_zero_adjustment_is_refused_and_a_negative_one_reads_plainly(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key = CardKey(card_id=a_card(demo_db, with_member=True, with_number=True).id)
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(2)  # adjust
    actions.value.setText("-40")
    actions.text.setText("a mistake")
    actions.run.click()
    assert actions.asking and actions.question.text.text().startswith("Take 40 points from")
    actions.question.cancel.click()
    actions.value.setText("0")
    actions.run.click()
    assert not actions.asking and "type a number" in actions.result.text()


def test_a_card_tapped_during_a_return_keeps_it(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    bridge = bridged(w)
    purchase = checkout(w._till.unit(), card_key(demo_db), Money.parse("100"))
    card = a_card(demo_db, with_member=True, with_number=True)
    supervisor_mode(qtbot, w, None)
    actions = w.supervisor.member_actions
    actions.value.setText(purchase.operation_id)
    actions.run.click()  # found, shown
    actions.text.setText("50")
    assert actions._purchase is not None
    deliver(qtbot, bridge, tap(card.id))  # the member's card: now the card acted on
    assert actions.value.text() == purchase.operation_id and actions.text.text() == "50"
    assert actions._purchase is not None and actions.whose.summary is not None
