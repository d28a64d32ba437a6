"""The cashier's window driven through its real widgets (offscreen), with card events
delivered from a background thread through the real signal bridge."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from common.clock import FixedClock
from drivers.events import (
    BankCardRefused,
    CardEvent,
    CardPresented,
    CardType,
    ReaderAppeared,
    Technology,
)
from terminal.loyalty import Money
from terminal.services import demo_data
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    w = MainWindow(Till(demo_db, clock), login=False)
    qtbot.addWidget(w)
    w.show()
    yield w


@pytest.fixture
def bridge(window: MainWindow) -> EventBridge:
    b = EventBridge()
    b.card_event.connect(window.on_card_event)
    return b


def deliver(qtbot: QtBot, bridge: EventBridge, event: CardEvent) -> None:
    """As a reader thread does: emit from another thread, then let the GUI thread run."""
    t = threading.Thread(target=bridge.sink, args=(event,))
    t.start()
    t.join()
    qtbot.wait(20)


def card_where(db: Database, where: str) -> int:
    with db.read() as conn:
        return int(conn.execute(text(f"SELECT id FROM cards WHERE {where} ORDER BY id")).scalar())


def tap(card_id: int) -> CardPresented:
    return CardPresented(
        source="Virtual PCD 00 00",
        technology=Technology.CONTACTLESS,
        card_type=CardType.UID_ONLY,
        uid=demo_data.demo_card_uid(card_id),
    )


def test_card_tap_shows_the_member(qtbot: QtBot, window: MainWindow, bridge: EventBridge) -> None:
    card = card_where(window._till.db, "kind='personal' AND state='active'")
    deliver(qtbot, bridge, tap(card))
    view = window._till.identify(CardKey(card_id=card))
    assert window.pages.currentIndex() == 1
    assert view.member is not None
    assert window.member.name.text() == view.member.full_name
    assert not window.member.problem.isVisible()
    assert window.checkout.amount.isEnabled() and window.checkout.amount.hasFocus()


def test_checkout_from_the_keyboard(qtbot: QtBot, window: MainWindow, bridge: EventBridge) -> None:
    card = card_where(window._till.db, "kind='personal' AND state='active' AND fixed_discount_bp=0")
    deliver(qtbot, bridge, tap(card))
    qtbot.keyClicks(window.checkout.amount, "2450")
    quote = window.checkout.quote
    assert quote is not None and window.checkout.lines.count() == len(quote.lines)
    assert window.checkout.points.text() == str(quote.max_spend_points)
    qtbot.keyClick(window.checkout.amount, Qt.Key.Key_Return)
    assert window.checkout.points.hasFocus() or not window.checkout.points.isEnabled()
    window.checkout.points.setText("")
    qtbot.keyClicks(window.checkout.points, "0")
    qtbot.keyClick(window.checkout.points, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 2 and "Done" in window.message.text()
    with window._till.db.read() as conn:
        row = conn.execute(text("SELECT amount_minor, points_spent_centi FROM operations")).one()
    assert tuple(row) == (245000, 0)


def test_bank_card_is_refused(qtbot: QtBot, window: MainWindow, bridge: EventBridge) -> None:
    deliver(
        qtbot,
        bridge,
        BankCardRefused(source="Virtual PCD 00 00", technology=Technology.CONTACTLESS),
    )
    assert window.pages.currentIndex() == 2 and "bank card" in window.message.text()


def test_blocked_card_shows_the_problem_and_no_checkout(
    qtbot: QtBot, window: MainWindow, bridge: EventBridge
) -> None:
    deliver(qtbot, bridge, tap(card_where(window._till.db, "state='blocked'")))
    assert window.member.problem.isVisible() and "BLOCKED" in window.member.problem.text()
    assert not window.checkout.amount.isEnabled()


def test_unknown_card_and_escape(qtbot: QtBot, window: MainWindow, bridge: EventBridge) -> None:
    deliver(qtbot, bridge, tap(10**9))
    assert window.pages.currentIndex() == 2 and "not in the club" in window.message.text()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentIndex() == 0


def test_manual_search_by_phone(qtbot: QtBot, window: MainWindow) -> None:
    with window._till.db.read() as conn:
        phone, name = conn.execute(text("SELECT phone, full_name FROM members WHERE id=3")).one()
    qtbot.keyClicks(window.search, "+" + phone)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.results.count() >= 1
    window._on_results_item_activated(window.results.item(0))
    assert window.pages.currentIndex() == 1 and window.member.name.text() == name


def test_reader_status(qtbot: QtBot, window: MainWindow, bridge: EventBridge) -> None:
    assert "none" in window.readers_status.text()
    deliver(
        qtbot, bridge, ReaderAppeared(source="Virtual PCD 00 00", technology=Technology.CONTACTLESS)
    )
    assert "1" in window.readers_status.text()


def test_printer_status_in_the_status_bar(qtbot: QtBot, window: MainWindow) -> None:
    from drivers.printer.transport import PrinterStatus, StatusReport

    window.on_printer_status(StatusReport(PrinterStatus.PAPER_OUT, "paper out", waiting=2))
    assert "OUT OF PAPER" in window.printer_status.text() and "2" in window.printer_status.text()
    window.on_printer_status(StatusReport(PrinterStatus.OK))
    assert window.printer_status.text() == "Printer: ready"


def test_done_page_shows_the_receipt_as_printed(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    from drivers.printer.config import PrinterConfig
    from terminal.receipts.config import ReceiptConfig
    from terminal.receipts.spool import Spooler

    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())
    w = MainWindow(Till(demo_db, clock, receipts=spooler), login=False)
    qtbot.addWidget(w)
    w.show()
    w.present(CardKey(card_id=card_where(demo_db, "kind='personal' AND state='active'")))
    qtbot.keyClicks(w.checkout.amount, "100")
    qtbot.keyClick(w.checkout.amount, Qt.Key.Key_F2)  # the receipt before printing
    assert w.checkout.preview.isVisible() and not w.checkout.preview.pixmap().isNull()
    w.checkout.points.setText("0")
    qtbot.keyClick(w.checkout.points, Qt.Key.Key_Return)
    assert "Done" in w.message.text()
    pixmap = w.receipt.pixmap()
    assert not pixmap.isNull() and pixmap.height() >= 200


def test_shift_starts_with_a_pin(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    w = MainWindow(Till(demo_db, clock))
    qtbot.addWidget(w)
    w.show()
    assert w.pages.currentWidget() is w.login
    bridge = EventBridge()
    bridge.card_event.connect(w.on_card_event)
    deliver(qtbot, bridge, tap(card_where(demo_db, "kind='personal' AND state='active'")))
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


def test_supervisor_reprints_a_receipt(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    from drivers.printer.config import PrinterConfig
    from terminal.receipts.config import ReceiptConfig
    from terminal.receipts.spool import Spooler

    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())
    till = Till(demo_db, clock, receipts=spooler)
    w = MainWindow(till, login=False)
    qtbot.addWidget(w)
    w.show()
    till.checkout(
        CardKey(card_id=card_where(demo_db, "kind='personal' AND state='active'")),
        Money.parse("100"),
    )
    w.show_supervisor()
    assert w.pages.currentWidget() is w.supervisor
    assert w.supervisor.who.findText("Анна Кассирова") == -1  # cashiers cannot open it
    qtbot.keyClicks(w.supervisor.pin, "9999")
    qtbot.keyClick(w.supervisor.pin, Qt.Key.Key_Return)
    assert w.supervisor.supervisor is not None and w.supervisor.jobs.count() == 1
    w.supervisor.reprint.click()
    assert w.supervisor.jobs.count() == 2
    with demo_db.read() as conn:
        audit = conn.execute(text("SELECT action, staff_id FROM audit_log WHERE action='reprint'"))
        assert [a for a, s in audit if s is not None] == ["reprint"]
    # a card read ends supervisor mode and shows the member
    w.present(CardKey(card_id=card_where(demo_db, "kind='personal' AND state='active'")))
    assert w.pages.currentIndex() == 1 and not w.supervisor.active


def test_supervisor_adjusts_points_of_the_member_on_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = window._till
    key = CardKey(card_id=card_where(till.db, "kind='personal' AND state='active'"))
    before = till.identify(key).balance
    window.present(key)
    window.show_supervisor()
    qtbot.keyClicks(window.supervisor.pin, "9999")
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
    assert "Done" in actions.result.text()
    assert till.identify(key).balance == before + 150
    window.supervisor.close_mode()
    assert window.pages.currentIndex() == 0


def test_staff_card_and_closing_the_shift(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    from drivers.printer.config import PrinterConfig
    from terminal.receipts.config import ReceiptConfig
    from terminal.receipts.spool import Spooler
    from terminal.services.staff import Role, add_staff

    with demo_db.write() as conn:
        add_staff(conn, "Мирослава", Role.SUPERVISOR, "2468", card_uid="04C0FFEE000001")
    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())
    w = MainWindow(Till(demo_db, clock, receipts=spooler))
    qtbot.addWidget(w)
    w.show()
    bridge = EventBridge()
    bridge.card_event.connect(w.on_card_event)
    staff_card = CardPresented(
        source="Virtual PCD 00 00",
        technology=Technology.CONTACTLESS,
        card_type=CardType.UID_ONLY,
        uid="04C0FFEE000001",
    )
    deliver(qtbot, bridge, staff_card)
    assert w.staff is not None and w.staff.name == "Мирослава" and w.pages.currentIndex() == 0
    w.show_supervisor()
    w.supervisor.who.setCurrentIndex(w.supervisor.who.findText("Мирослава"))
    qtbot.keyClicks(w.supervisor.pin, "2468")
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
    from terminal.services.staff import Role, add_staff

    with demo_db.write() as conn:
        add_staff(conn, "Мирослава", Role.SUPERVISOR, "2468", card_uid="04C0FFEE000001")
    w = MainWindow(Till(demo_db, clock))
    qtbot.addWidget(w)
    w.show()
    w.login.who.setCurrentIndex(w.login.who.findText("Мирослава"))
    for _ in range(5):
        qtbot.keyClicks(w.login.pin, "0000")
        qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    assert "Too many wrong PINs" in w.login.error.text()
    w.login.error.clear()
    bridge = EventBridge()
    bridge.card_event.connect(w.on_card_event)
    deliver(
        qtbot,
        bridge,
        CardPresented(
            source="Virtual PCD 00 00",
            technology=Technology.CONTACTLESS,
            card_type=CardType.UID_ONLY,
            uid="04C0FFEE000001",
        ),
    )
    assert w.staff is None and w.pages.currentWidget() is w.login
    assert "Too many wrong PINs" in w.login.error.text()


def printing_window(qtbot: QtBot, db: Database, clock: FixedClock) -> MainWindow:
    from drivers.printer.config import PrinterConfig
    from terminal.receipts.config import ReceiptConfig
    from terminal.receipts.spool import Spooler

    spooler = Spooler(db, PrinterConfig.default(), ReceiptConfig.default())  # not started
    w = MainWindow(Till(db, clock, receipts=spooler), login=False)
    qtbot.addWidget(w)
    w.show()
    return w


def supervisor_mode(qtbot: QtBot, w: MainWindow, key: CardKey | None) -> None:
    if key is not None:
        w.present(key)
    w.show_supervisor()
    qtbot.keyClicks(w.supervisor.pin, "9999")
    qtbot.keyClick(w.supervisor.pin, Qt.Key.Key_Return)
    assert w.supervisor.supervisor is not None


def test_supervisor_actions_in_the_window_print_their_receipts(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key = CardKey(card_id=card_where(demo_db, "kind='personal' AND state='active'"))
    supervisor_mode(qtbot, w, key)
    actions = w.supervisor.member_actions
    actions.action_list.setCurrentRow(2)  # adjust points
    qtbot.keyClicks(actions.value, "25")
    qtbot.keyClicks(actions.text, "goodwill")
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    assert "Done" in actions.result.text()
    with demo_db.read() as conn:
        jobs = conn.execute(text("SELECT kind, op_id FROM print_jobs")).all()
        op = conn.execute(text("SELECT id FROM operations WHERE kind='adjustment'")).scalar()
    assert [tuple(j) for j in jobs] == [("adjustment", op)]


def test_a_cashier_cannot_log_in_over_another_open_shift(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    from terminal.services.shifts import open_shift
    from terminal.services.staff import Role, add_staff, log_in

    with demo_db.write() as conn:
        bohdan = add_staff(conn, "Богдан", Role.CASHIER, "5678")
    till = Till(demo_db, clock)
    open_shift(till.unit(log_in(till.unit(), bohdan, "5678")))  # never closed
    w = MainWindow(till)
    qtbot.addWidget(w)
    w.show()
    w.login.who.setCurrentIndex(w.login.who.findText("Анна Кассирова"))
    qtbot.keyClicks(w.login.pin, "1111")
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    assert w.staff is None and w.pages.currentWidget() is w.login
    assert "Богдан" in w.login.error.text() and w.login.error.isVisible()


def test_a_double_enter_on_the_gift_list_gives_one_gift(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    rich = card_where(
        demo_db,
        "kind='personal' AND state='active' AND member_id IN "
        "(SELECT id FROM members WHERE balance_centi >= 200000)",
    )
    supervisor_mode(qtbot, w, CardKey(card_id=rich))
    actions = w.supervisor.member_actions
    assert actions.action.code == "gift"
    mug = next(
        i for i in range(actions.choices.count()) if "кружка" in actions.choices.item(i).text()
    )
    actions.choices.setCurrentRow(mug)
    actions.choices.setFocus()
    qtbot.keyClick(actions.choices, Qt.Key.Key_Return)
    qtbot.keyClick(actions.choices, Qt.Key.Key_Return)
    actions.run.click()
    with demo_db.read() as conn:
        gifts = conn.execute(text("SELECT count(*) FROM operations WHERE kind='gift'")).scalar()
    assert gifts == 1
    assert "Choose a gift" in actions.result.text()


def test_member_panel_shows_the_discount_the_rules_give(qtbot: QtBot, window: MainWindow) -> None:
    """A frequent buyer in the lowest tier: the progressive discount (5%) beats the tier's
    3%; the panel shows what a quote applies, not a figure of its own."""
    till = window._till
    card = card_where(till.db, "kind='personal' AND state='active' AND fixed_discount_bp=0")
    with till.db.write() as conn:
        conn.execute(
            text(
                "UPDATE members SET purchases = 60, lifetime_spend_minor = 0, "
                "window_spend_minor = 0 WHERE id = (SELECT member_id FROM cards WHERE id = :c)"
            ),
            {"c": card},
        )
    window.present(CardKey(card_id=card))
    view = till.identify(CardKey(card_id=card))
    quote = till.preview(view, Money.parse("1000"))
    assert quote.discount_pct == 5 and view.tier is not None and view.tier.discount_pct == 3
    assert window.member.discount.text() == "Discount: 5%"


def test_points_prefill_reads_back_in_english(qtbot: QtBot, window: MainWindow) -> None:
    """English groups thousands with a comma: the pre-filled points must not be '1,234',
    which reads back as 1.234 points."""
    from terminal.ui.i18n import switch_language

    switch_language("en")  # en_GB: 1,234
    till = window._till
    card = card_where(
        till.db,
        "kind='personal' AND state='active' AND member_id IN "
        "(SELECT id FROM members WHERE balance_centi >= 150000)",
    )
    window.present(CardKey(card_id=card))
    qtbot.keyClicks(window.checkout.amount, "20000")
    quote = window.checkout.quote
    assert quote is not None and quote.max_spend_points >= 1000
    assert window.checkout.points.text() == f"{quote.max_spend_points:f}"
    assert quote.points_spent == quote.max_spend_points
    window.checkout._on_points_edited(window.checkout.points.text())  # read back
    assert window.checkout.quote is not None
    assert window.checkout.quote.points_spent == quote.max_spend_points


def test_exponent_points_are_refused_in_checkout_and_adjustment(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = window._till
    key = CardKey(card_id=card_where(till.db, "kind='personal' AND state='active'"))
    window.present(key)
    qtbot.keyClicks(window.checkout.amount, "1000")
    window.checkout.points.setText("")
    qtbot.keyClicks(window.checkout.points, "1E+1000000000")
    assert window.checkout.quote is None and "Points" in window.checkout.error.text()
    supervisor_mode(qtbot, window, key)
    actions = window.supervisor.member_actions
    actions.action_list.setCurrentRow(2)  # adjust points
    qtbot.keyClicks(actions.value, "1e3")
    qtbot.keyClicks(actions.text, "goodwill")
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    assert "type a number" in actions.result.text()
    with till.db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM operations")).scalar() == 0


def test_a_scanned_receipt_code_shows_the_purchase_and_returns_nothing_yet(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    """A QR scanner types the code and Enter: that finds the purchase; the supervisor
    then types how much comes back (or nothing: all) and confirms with Enter."""
    w = printing_window(qtbot, demo_db, clock)
    key = CardKey(card_id=card_where(demo_db, "kind='personal' AND state='active'"))
    purchase = w._till.checkout(key, Money.parse("1000"))
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
    assert returns() == [25000] and "Done" in actions.result.text()
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)  # a second Enter returns nothing more
    assert returns() == [25000]
    qtbot.keyClicks(actions.value, purchase.operation_id)
    qtbot.keyClick(actions.value, Qt.Key.Key_Return)
    assert "250" in actions.result.text()  # returned so far
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)  # empty: the rest
    assert returns() == [25000, 75000]
