"""Supervisor mode in the window (F9 and a supervisor's PIN): reprints, points, gifts
and returns, for the member on screen."""

from __future__ import annotations

from builders import card_key
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import opened, printing_window, supervisor_mode

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig
from terminal.loyalty import Money
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services.checkout import checkout
from terminal.services.identify import identify
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow


def test_supervisor_reprints_a_receipt(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())
    till = Till(demo_db, clock, receipts=spooler)
    w = opened(qtbot, till)
    checkout(till.unit(), card_key(demo_db), Money.parse("100"))
    w.show_supervisor()
    assert w.pages.currentWidget() is w.supervisor
    assert w.supervisor.who.findText("Анна Кассирова") == -1  # cashiers cannot open it
    qtbot.keyClicks(w.supervisor.pin, "999999")
    qtbot.keyClick(w.supervisor.pin, Qt.Key.Key_Return)
    assert w.supervisor.supervisor is not None and w.supervisor.jobs.count() == 1
    w.supervisor.reprint.click()
    assert w.supervisor.jobs.count() == 2
    try:  # the list speaks the till's language, not the queue's own words
        switch_language("ru")
        w.supervisor._show_jobs()
        first = w.supervisor.jobs.item(0).text()
        assert first.startswith("покупка #") and "purchase" not in first, first
    finally:
        switch_language("en")
    with demo_db.read() as conn:
        audit = conn.execute(text("SELECT action, staff_id FROM audit_log WHERE action='reprint'"))
        assert [a for a, s in audit if s is not None] == ["reprint"]
    # a card read ends supervisor mode and shows the member
    w.present(card_key(demo_db))
    assert w.pages.currentIndex() == 1 and not w.supervisor.active


def test_supervisor_adjusts_points_of_the_member_on_screen(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    till = window._till
    key = card_key(demo_db)
    before = identify(till.unit(), key).balance
    window.present(key)
    window.show_supervisor()
    qtbot.keyClicks(window.supervisor.pin, "999999")
    qtbot.keyClick(window.supervisor.pin, Qt.Key.Key_Return)
    actions = window.supervisor.member_actions
    actions.action_list.setCurrentRow(2)  # adjust points
    assert actions.action.code == "adjust"
    qtbot.keyClicks(actions.value, "150")
    qtbot.keyClick(actions.value, Qt.Key.Key_Return)
    assert "Reason" in actions.result.text() or "reason" in actions.result.text()
    assert actions.value.text() == "150"  # kept after the refusal
    qtbot.keyClicks(actions.text, "apology for a long queue")
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    assert actions.asking and identify(till.unit(), key).balance == before  # asked first
    qtbot.keyClick(actions.question.confirm, Qt.Key.Key_Return)
    assert "Done" in actions.result.text()
    assert identify(till.unit(), key).balance == before + 150
    window.supervisor.close_mode()
    assert window.pages.currentIndex() == 0


def test_supervisor_actions_in_the_window_print_their_receipts(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key = card_key(demo_db)
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(2)  # adjust points
    qtbot.keyClicks(actions.value, "25")
    qtbot.keyClicks(actions.text, "goodwill")
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    actions.question.confirm.click()
    assert "Done" in actions.result.text()
    with demo_db.read() as conn:
        jobs = conn.execute(text("SELECT kind, op_id FROM print_jobs")).all()
        op = conn.execute(text("SELECT id FROM operations WHERE kind='adjustment'")).scalar()
    assert [tuple(j) for j in jobs] == [("adjustment", op)]


def test_a_double_enter_on_the_gift_list_gives_one_gift(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    supervisor_mode(qtbot, w, card_key(demo_db, balance_at_least=2000))
    actions = w.supervisor.member_actions
    assert actions.action.code == "gift"
    mug = next(i for i in range(actions.choices.count()) if "mug" in actions.choices.item(i).text())
    actions.choices.setCurrentRow(mug)
    actions.choices.setFocus()
    qtbot.keyClick(actions.choices, Qt.Key.Key_Return)
    qtbot.keyClick(actions.choices, Qt.Key.Key_Return)
    actions.run.click()
    with demo_db.read() as conn:
        gifts = conn.execute(text("SELECT count(*) FROM operations WHERE kind='gift'")).scalar()
    assert gifts == 1
    assert "Choose a gift" in actions.result.text()


def test_a_scanned_receipt_code_shows_the_purchase_and_returns_nothing_yet(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    """A QR scanner types the code and Enter: that finds the purchase; the supervisor
    then types how much comes back (or nothing: all) and confirms with Enter."""
    w = printing_window(qtbot, demo_db, clock)
    purchase = checkout(w._till.unit(), card_key(demo_db), Money.parse("1000"))
    supervisor_mode(qtbot, w, None)
    actions = w.supervisor.member_actions
    assert actions.action.code == "return"
    qtbot.keyClicks(actions.value, purchase.operation_id)
    qtbot.keyClick(actions.value, Qt.Key.Key_Return)  # the scanner's Enter

    def returns() -> list[int]:
        with demo_db.read() as conn:
            rows = conn.execute(text("SELECT amount_minor FROM operations WHERE kind='return'"))
            return [r[0] for r in rows]

    assert returns() == []
    assert "1,000.00" in actions.result.text() or "1000.00" in actions.result.text()
    qtbot.keyClicks(actions.text, "250")
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    assert returns() == [] and actions.asking  # the figures first
    qtbot.keyClick(actions.question.confirm, Qt.Key.Key_Return)
    assert returns() == [25000] and "Done" in actions.result.text()
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)  # a second Enter returns nothing more
    assert returns() == [25000]
    qtbot.keyClicks(actions.value, purchase.operation_id)
    qtbot.keyClick(actions.value, Qt.Key.Key_Return)
    assert "250" in actions.result.text()  # returned so far
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)  # empty: the rest
    qtbot.keyClick(actions.question.confirm, Qt.Key.Key_Return)
    assert returns() == [25000, 75000]


def test_supervisor_unblocks_the_card_on_screen_with_a_reason(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    from terminal.loyalty import CardState
    from terminal.services import member_ops
    from terminal.services.staff import Role, StaffMember

    till = window._till
    key = card_key(demo_db)
    member_ops.block_card(till.unit(StaffMember(2, "Пётр", Role.SUPERVISOR)), key, "lost")
    window.present(key)
    window.show_supervisor()
    qtbot.keyClicks(window.supervisor.pin, "999999")
    qtbot.keyClick(window.supervisor.pin, Qt.Key.Key_Return)
    actions = window.supervisor.member_actions
    actions.action_list.setCurrentRow(5)  # unblock, next to block
    assert actions.action.code == "unblock"
    qtbot.keyClicks(actions.text, "found by the member")
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    assert "Done" in actions.result.text()
    assert identify(till.unit(), key).card_state is CardState.ACTIVE
