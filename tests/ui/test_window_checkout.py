"""Checkout in the window, keyboard first, to "done" and the receipt as printed
(terminal.ui.checkout_panel, terminal.ui.checkout_completion)."""

from __future__ import annotations

import pytest
from builders import a_card, card_key, cards, member_of
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import deliver, printing_window, supervisor_mode, tap

from common.clock import FixedClock
from terminal.loyalty import Money
from terminal.services.checkout import preview
from terminal.services.identify import CardKey, identify
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow
from terminal.ui.screens import MessageKind, MessageScreen


def test_checkout_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, bridge: EventBridge, demo_db: Database
) -> None:
    card = a_card(demo_db, fixed_discount=False).id
    deliver(qtbot, bridge, tap(card))
    qtbot.keyClicks(window.checkout.amount, "2450")
    quote = window.checkout.quote
    assert quote is not None and window.checkout.lines.count() == len(quote.lines)
    # Nothing is spent unless the customer asks: the points start at 0.
    assert window.checkout.points.text() == "0" and quote.points_spent == 0
    qtbot.keyClick(window.checkout.amount, Qt.Key.Key_Return)
    assert window.checkout.points.hasFocus() or not window.checkout.points.isEnabled()
    window.checkout.points.setText("")
    qtbot.keyClicks(window.checkout.points, "0")
    qtbot.keyClick(window.checkout.points, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 2 and "Done" in window.message.text()
    with demo_db.read() as conn:
        row = conn.execute(text("SELECT amount_minor, points_spent_centi FROM operations")).one()
    assert tuple(row) == (245000, 0)


def test_done_page_shows_the_receipt_as_printed(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    w.present(card_key(demo_db))
    qtbot.keyClicks(w.checkout.amount, "100")
    qtbot.keyClick(w.checkout.amount, Qt.Key.Key_F2)  # the receipt before printing
    assert w.checkout.preview.isVisible() and not w.checkout.preview.pixmap().isNull()
    w.checkout.points.setText("0")
    qtbot.keyClick(w.checkout.points, Qt.Key.Key_Return)
    assert "Done" in w.message.text()
    pixmap = w.receipt.pixmap()
    assert not pixmap.isNull() and pixmap.height() >= 200


def test_member_panel_shows_the_discount_the_rules_give(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    """A frequent buyer in the lowest tier: the progressive discount (5%) beats the tier's
    3%; the panel shows what a quote applies, not a figure of its own."""
    till = window._till
    card = a_card(demo_db, fixed_discount=False)
    with demo_db.write() as conn:
        conn.execute(
            text(
                "UPDATE members SET purchases = 60, lifetime_spend_minor = 0, "
                "window_spend_minor = 0 WHERE id = :m"
            ),
            {"m": card.member_id},
        )
    window.present(CardKey(card_id=card.id))
    view = identify(till.unit(), CardKey(card_id=card.id))
    quote = preview(till.unit(), view, Money.parse("1000"))
    assert quote.discount_pct == 5 and view.tier is not None and view.tier.discount_pct == 3
    assert window.member.discount.text() == "Discount: 5%"


def test_f4_spends_the_most_and_reads_back_in_english(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    """F4 fills in the most the customer may spend. English groups thousands with a
    comma: the points filled in must not be '1,234', which reads back as 1.234 points."""
    switch_language("en")  # en_GB: 1,234
    window.present(card_key(demo_db, balance_at_least=1500))
    qtbot.keyClicks(window.checkout.amount, "20000")
    assert window.checkout.quote is not None and window.checkout.quote.points_spent == 0
    assert window.checkout.spend_all.isEnabled()
    qtbot.keyClick(window.checkout.amount, Qt.Key.Key_F4)
    quote = window.checkout.quote
    assert quote is not None and quote.max_spend_points >= 1000
    assert window.checkout.points.text() == f"{quote.max_spend_points:f}"
    assert not window.checkout.spend_all.isEnabled()  # nothing more to spend
    assert quote.points_spent == quote.max_spend_points
    window.checkout.points.textEdited.emit(window.checkout.points.text())  # read back
    assert window.checkout.quote is not None
    assert window.checkout.quote.points_spent == quote.max_spend_points


def test_exponent_points_are_refused_in_checkout_and_adjustment(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    key = card_key(demo_db)
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
    with demo_db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM operations")).scalar() == 0


def test_completion_says_done_then_draws_the_receipt(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    w.present(card_key(demo_db))
    qtbot.keyClicks(w.checkout.amount, "100")
    w.checkout.points.setText("0")
    quote = w.checkout.quote
    seen: list[object] = []
    w.completion.done.connect(seen.append)
    w.completion.receipt_drawn.connect(seen.append)
    qtbot.keyClick(w.checkout.points, Qt.Key.Key_Return)
    done, drawn = seen  # "done" first: the operation is recorded whatever the drawing does
    assert isinstance(done, MessageScreen) and done.kind is MessageKind.DONE
    assert quote is not None and f"To pay {quote.paid.amount:.2f}" in done.text()
    assert w.message.text() == done.text()
    assert isinstance(drawn, bytes) and drawn.startswith(b"\x89PNG")


def test_no_printer_no_receipt_picture(qtbot: QtBot, window: MainWindow, demo_db: Database) -> None:
    window.present(card_key(demo_db))
    qtbot.keyClicks(window.checkout.amount, "100")
    window.checkout.points.setText("0")
    with (
        qtbot.waitSignal(window.completion.done),
        qtbot.assertNotEmitted(window.completion.receipt_drawn),
    ):
        qtbot.keyClick(window.checkout.points, Qt.Key.Key_Return)
    assert window.receipt.pixmap().isNull()


class _RefusingOffice:
    """The SpendAuthoriser port: the office says the points were spent elsewhere."""

    def __init__(self) -> None:
        self.asked = 0

    def authorise(
        self, op_id: str, member_id: int, card_id: int | None, points_centi: int, deadline_s: float
    ) -> object:
        from sync.wire_spend import HoldAnswer

        self.asked += 1
        return HoldAnswer(op_id, False, points_centi, 3_00, reason="balance")


def test_the_office_refusing_the_points_is_said_in_words_and_nothing_is_recorded(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    from terminal.store import sync_state

    card = a_card(demo_db, fixed_discount=False, balance_at_least=100)
    with demo_db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "1")  # a till with an office
    office = _RefusingOffice()
    window._till.authorise_with(office)  # type: ignore[arg-type]
    window.present(CardKey(card_id=card.id))
    qtbot.keyClicks(window.checkout.amount, "1000")
    qtbot.keyClick(window.checkout.amount, Qt.Key.Key_Return)
    window.checkout.points.setText("")
    qtbot.keyClicks(window.checkout.points, "50")
    qtbot.keyClick(window.checkout.points, Qt.Key.Key_Return)
    assert office.asked == 1
    assert window.checkout.error.isVisible()
    assert window.checkout.error.text().startswith("The office refuses")
    assert "only 3 points" in window.checkout.error.text()  # points as points: not "3.00"
    with demo_db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM operations")).scalar() == 0


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("abc", "Not an amount"),
        ("-100", "cannot be negative"),
        ("2450.505", "At most two decimals"),
        ("99999999999999999999", "far too large"),
        ("0", "more than zero"),
        ("99999999", "largest purchase the program allows"),
    ],
)
def test_a_wrong_amount_says_what_is_wrong_and_leaves_nothing_behind(
    qtbot: QtBot, window: MainWindow, demo_db: Database, typed: str, words: str
) -> None:
    window.present(card_key(demo_db, balance_at_least=1500))
    checkout = window.checkout
    qtbot.keyClicks(checkout.amount, "2000")
    qtbot.keyClick(checkout.amount, Qt.Key.Key_F4)  # points asked for, then the amount changed
    assert checkout.points.text() != "0"
    checkout.amount.clear()
    qtbot.keyClicks(checkout.amount, typed)  # no exception reaches Qt
    assert words in checkout.error.text() and not checkout.error.isHidden()
    assert checkout.quote is None and not checkout.confirm.isEnabled()
    assert checkout.points.text() == "0" and not checkout.points.isEnabled()


def test_a_card_read_during_a_checkout_is_asked_about_first(
    qtbot: QtBot, window: MainWindow, bridge: EventBridge, demo_db: Database
) -> None:
    first, second = cards(demo_db, limit=2, with_member=True)
    deliver(qtbot, bridge, tap(first.id))
    qtbot.keyClicks(window.checkout.amount, "2450")
    deliver(qtbot, bridge, tap(first.id))  # the same card again: nothing is lost
    assert window.checkout.amount.text() == "2450" and not window.checkout.asking
    deliver(qtbot, bridge, tap(second.id))
    checkout = window.checkout
    assert checkout.asking and not checkout.replace_prompt.isHidden()
    assert member_of(demo_db, second).full_name in checkout.replace_prompt.text()
    assert window.member.name.text() == member_of(demo_db, first).full_name  # still the first
    assert checkout.amount.text() == "2450"
    window._on_escape_activated()  # Esc: keep this checkout
    assert not checkout.asking and checkout.amount.text() == "2450"
    assert window.member.name.text() == member_of(demo_db, first).full_name
    deliver(qtbot, bridge, tap(second.id))
    qtbot.keyClick(checkout.amount, Qt.Key.Key_Return)  # Enter: replace
    assert window.member.name.text() == member_of(demo_db, second).full_name
    assert checkout.amount.text() == "" and not checkout.asking


def test_the_receipt_preview_is_readable_and_zooms(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    w.resize(1280, 800)
    w.present(card_key(demo_db))
    qtbot.keyClicks(w.checkout.amount, "100")
    qtbot.keyClick(w.checkout.amount, Qt.Key.Key_F2)
    shown = w.checkout.preview.pixmap().height()
    assert shown >= 500 and w.checkout.lines.isHidden()  # the lines make room for it
    qtbot.keyClick(w.checkout.amount, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert w.checkout.amount.text() == "100"  # the zoom key types nothing
    assert w.checkout.preview.pixmap().height() > shown
    qtbot.keyClick(w.checkout.amount, Qt.Key.Key_F2)  # back to the lines
    assert w.checkout.preview.isHidden() and not w.checkout.lines.isHidden()
