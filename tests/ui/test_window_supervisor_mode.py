"""Supervisor mode as the shop uses it (issue 14, point 4), through the real window: whose
card it acts on, the question before a block, an adjustment, a replacement or a return,
a card tapped while the mode is open, Enter wherever a button says so, the messages, and
the warning before the idle timeout."""

from __future__ import annotations

from decimal import Decimal

from builders import a_card, card_key
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windowkit import bridged, deliver, printing_window, supervisor_mode, tap, tap_uid

from common.clock import FixedClock
from drivers.events import BankCardRefused, Technology
from terminal.loyalty import CardKind, CardState, Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey, identify
from terminal.services.receipt_preview import card_tail
from terminal.store import sync_state
from terminal.store.database import Database
from terminal.ui.formats import points_text
from terminal.ui.main_window import MainWindow


def active_window(qtbot: QtBot, w: MainWindow) -> None:
    """Offscreen, the window's shortcuts (Esc) work once it is the active window."""
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)


def member_card(db: Database) -> tuple[CardKey, str, str]:
    """A member's card, its member's name and its masked tail."""
    card = a_card(db, with_member=True, with_number=True)
    view_key = CardKey(card_id=card.id)
    assert card.number is not None
    return view_key, card.number, f"•••• {card_tail(card.number)}"


def test_the_panel_shows_whose_card_and_refreshes_after_an_action(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key, _number, tail = member_card(demo_db)
    checkout(w._till.unit(), key, Money.parse("100"))
    view = identify(w._till.unit(), key)
    assert view.member is not None
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    who = actions.whose.who.text()
    assert view.member.full_name in who and tail in who and points_text(view.balance) in who
    assert "purchase" in actions.whose.last.text() and "100.00" in actions.whose.last.text()
    jobs = w.supervisor.jobs.count()
    actions.action_list.setCurrentRow(2)  # adjust
    actions.value.setText("40")
    actions.text.setText("goodwill")
    actions.run.click()
    assert actions.asking
    question = actions.question.text.text()
    assert view.member.full_name in question and "+40" in question
    assert f"{points_text(view.balance)} → {points_text(view.balance + 40)}" in question
    assert f"{points_text(Decimal(1000))} points in one adjustment" in question  # the cap
    actions.question.confirm.click()
    assert actions.result.objectName() == "done" and "Done" in actions.result.text()
    assert points_text(view.balance + 40) in actions.whose.who.text()  # refreshed
    assert actions.whose.last.text().startswith("Last operations: points adjustment")
    assert w.supervisor.jobs.count() == jobs + 1  # the adjustment's receipt, listed at once
    actions.action_list.setCurrentRow(3)  # another action: the last message goes
    assert actions.result.text() == "" and actions.result.objectName() == ""


def test_without_a_card_the_card_actions_are_greyed_and_say_what_to_do(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    supervisor_mode(qtbot, w, None)
    actions = w.supervisor.member_actions
    assert "present the member's card" in actions.whose.who.text()
    assert actions.whose.last.isHidden()
    adjust = actions.action_list.item(2)
    assert not adjust.flags() & Qt.ItemFlag.ItemIsEnabled
    assert adjust.foreground().color().name() == "#9e9e9e"  # it looks disabled
    assert actions.action_list.item(1).flags() & Qt.ItemFlag.ItemIsEnabled  # a return
    rect = actions.action_list.visualItemRect(adjust)
    qtbot.mouseClick(actions.action_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert actions.action.code == "return"  # not chosen
    assert "Present the member's card first" in actions.result.text()
    assert actions.result.objectName() == "problem"


def test_a_block_asks_first_and_esc_goes_back_with_what_was_typed(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key, _number, tail = member_card(demo_db)
    supervisor_mode(qtbot, w, key)
    active_window(qtbot, w)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(4)
    assert actions.action.code == "block"
    qtbot.keyClicks(actions.text, "lost")
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    assert actions.asking and f"Block card {tail} of " in actions.question.text.text()
    assert identify(w._till.unit(), key).card_state is CardState.ACTIVE
    qtbot.keyClick(actions.question.confirm, Qt.Key.Key_Escape)  # the window's Esc
    assert not actions.asking and w.supervisor.active  # back, still in supervisor mode
    assert actions.text.text() == "lost" and actions.text.isEnabled()
    assert identify(w._till.unit(), key).card_state is CardState.ACTIVE
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    actions.question.cancel.click()  # Cancel is Esc
    assert not actions.asking and actions.text.text() == "lost"
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    qtbot.keyClick(actions.question.confirm, Qt.Key.Key_Return)  # the second Enter
    assert identify(w._till.unit(), key).card_state is CardState.BLOCKED
    assert "BLOCKED" in actions.whose.who.text()


def test_an_adjustment_above_the_offices_cap_is_refused_before_asking(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key, _number, _tail = member_card(demo_db)
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(2)
    actions.value.setText("1500")
    actions.text.setText("goodwill")
    actions.run.click()
    assert not actions.asking and actions.result.objectName() == "problem"
    assert f"{points_text(Decimal(1000))} points in one adjustment" in actions.result.text()
    assert "Type fewer points" in actions.result.text()
    assert actions.value.text() == "1500"  # kept, to correct


def test_a_return_asks_then_shows_the_money_to_give_back_and_the_new_receipt(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    purchase = checkout(w._till.unit(), card_key(demo_db), Money.parse("679.39"))
    supervisor_mode(qtbot, w, None)
    actions = w.supervisor.member_actions
    jobs = w.supervisor.jobs.count()
    actions.value.setText(purchase.operation_id)
    actions.run.click()  # the purchase, shown
    actions.run.click()  # empty amount: all of it; the question
    assert actions.asking
    question = actions.question.text.text()
    assert question.startswith("Return 679.39 of purchase") and "give back" in question
    actions.question.confirm.click()
    assert actions.refund.isVisible() and actions.refund.text().startswith("Give back ")
    assert w.supervisor.jobs.count() == jobs + 1  # the return's receipt is in the list
    actions.text.setText("1")  # typing the next one: the sum stays until another action
    assert actions.refund.isVisible()


def test_enter_on_the_action_list_activates_a_bearer_card(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key = card_key(demo_db, CardKind.BEARER, CardState.NOT_ACTIVATED)
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(6)
    assert actions.action.code == "activate"
    actions.action_list.setFocus()
    qtbot.keyClick(actions.action_list, Qt.Key.Key_Return)  # "Do it (Enter)"
    assert identify(w._till.unit(), key).card_state is CardState.ACTIVE
    assert actions.result.objectName() == "done"


def test_enter_on_the_reprint_button_reprints(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    checkout(w._till.unit(), card_key(demo_db), Money.parse("100"))
    supervisor_mode(qtbot, w, None)
    assert w.supervisor.jobs.count() == 1
    w.supervisor.reprint.setFocus()
    qtbot.keyClick(w.supervisor.reprint, Qt.Key.Key_Return)  # "Reprint (Enter)"
    assert w.supervisor.jobs.count() == 2


def test_replacing_a_card_by_tapping_the_new_one(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    bridge = bridged(w)
    key, _number, tail = member_card(demo_db)
    fresh = a_card(demo_db, CardKind.BEARER, CardState.NOT_ACTIVATED, with_number=True)
    assert fresh.number is not None
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(7)
    assert actions.action.code == "replace"
    assert key.card_id is not None
    deliver(qtbot, bridge, tap(key.card_id))  # the old card again: nothing happens
    assert not actions.asking and actions.value.text() == ""
    deliver(qtbot, bridge, tap(fresh.id))  # the new card
    assert w.supervisor.active and w.pages.currentWidget() is w.supervisor
    assert actions.asking
    question = actions.question.text.text()
    assert f"Replace card {tail} of" in question and card_tail(fresh.number) in question
    actions.question.confirm.click()
    assert identify(w._till.unit(), key).card_state is CardState.REPLACED
    assert f"•••• {card_tail(fresh.number)}" in actions.whose.who.text()  # the new card


def test_another_card_or_a_bank_card_tapped_at_the_actions_keeps_supervisor_mode(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    bridge = bridged(w)
    key, _number, tail = member_card(demo_db)
    assert key.card_id is not None
    other = a_card(demo_db, with_member=True, with_number=True, id_above=key.card_id)
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(2)
    actions.value.setText("25")
    deliver(qtbot, bridge, tap(key.card_id))  # the same member's card: ignored
    assert actions.result.text() == "" and actions.value.text() == "25"
    deliver(qtbot, bridge, tap(other.id))
    assert w.supervisor.active and w.pages.currentWidget() is w.supervisor
    assert other.number is not None
    said = actions.result.text()
    assert f"•••• {card_tail(other.number)} was read" in said and tail in said
    assert tail in actions.whose.who.text() and actions.value.text() == "25"
    deliver(qtbot, bridge, BankCardRefused("Virtual PCD 00 00", Technology.CONTACTLESS))
    assert "bank card" in actions.result.text() and actions.result.objectName() == "problem"
    assert w.supervisor.active and actions.value.text() == "25"


def test_a_member_card_tapped_in_supervisor_mode_without_one_is_acted_on(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    bridge = bridged(w)
    key, _number, tail = member_card(demo_db)
    assert key.card_id is not None
    supervisor_mode(qtbot, w, None)
    actions = w.supervisor.member_actions
    deliver(qtbot, bridge, tap(key.card_id))
    assert w.supervisor.active and tail in actions.whose.who.text()
    assert actions.action_list.item(2).flags() & Qt.ItemFlag.ItemIsEnabled


def test_another_card_on_the_registration_form_keeps_the_form(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    with demo_db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "0")
    w = printing_window(qtbot, demo_db, clock)
    bridge = bridged(w)
    deliver(qtbot, bridge, tap_uid("04C0FFEE112233"))
    supervisor_mode(qtbot, w, None)
    form = w.supervisor.registration
    assert w.supervisor.steps.currentWidget() is form
    form.full_name.setText("Гончаренко Тарас")
    deliver(qtbot, bridge, tap_uid("04C0FFEE112233"))  # the same card: nothing
    assert form.error.isHidden()
    deliver(qtbot, bridge, tap(card_key(demo_db).card_id or 0))  # a member's card
    assert w.supervisor.active and w.supervisor.steps.currentWidget() is form
    assert form.full_name.text() == "Гончаренко Тарас"
    assert form.error.isVisible() and "Another card was read" in form.error.text()
    deliver(qtbot, bridge, BankCardRefused("Virtual PCD 00 00", Technology.CONTACTLESS))
    assert "bank card" in form.error.text() and form.full_name.text() == "Гончаренко Тарас"


def test_a_warning_before_the_idle_timeout_keeps_the_typed_work(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key, _number, _tail = member_card(demo_db)
    page = w.supervisor
    page.idle_ms, page.warn_ms = 800, 700  # the warning at once, the close soon after
    supervisor_mode(qtbot, w, key)
    actions = page.member_actions
    actions.action_list.setCurrentRow(2)
    actions.value.setText("30")
    qtbot.waitUntil(page.idle_warning.isVisible)
    assert "Supervisor mode closes in 1 s" in page.idle_warning.text()
    qtbot.keyClick(actions.value, Qt.Key.Key_Return)  # answers the warning, nothing else
    assert page.idle_warning.isHidden() and page.active
    assert actions.value.text() == "30" and actions.result.text() == ""
    qtbot.waitUntil(page.idle_warning.isVisible)  # warned again: a digit (a scan's first
    qtbot.keyClick(actions.value, Qt.Key.Key_5)  # character) answers it and is typed too
    assert page.idle_warning.isHidden() and actions.value.text() == "305"
    qtbot.waitUntil(lambda: not page.active, timeout=5000)  # then, left alone, it closes


def test_a_return_above_the_programs_confirm_above_says_to_check_it(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    from terminal.services.staff import Role, StaffMember

    w = printing_window(qtbot, demo_db, clock)
    limit = w._till.program.confirm_above
    assert limit is not None
    chief = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
    big = limit + Money.parse("500")
    purchase = checkout(w._till.unit(), card_key(demo_db), big, confirmed_by=chief)
    small = checkout(w._till.unit(), card_key(demo_db), Money.parse("100"))
    supervisor_mode(qtbot, w, None)
    actions = w.supervisor.member_actions
    for op, warned in ((small, False), (purchase, True)):
        actions.value.clear()
        qtbot.keyClicks(actions.value, op.operation_id)  # typed: the code is looked up anew
        actions.run.click()
        actions.run.click()
        assert actions.asking
        assert ("check the amount against the receipt" in actions.question.text.text()) is warned
        actions.question.cancel.click()
