"""It fits (issue 14, point 1): every main state of the window, at 1280×800, 1024×768 and
the compact 800×600, in ru, uk and en, with the longest demo names; the window keeps its
size, no visible widget lies outside it, no label or button shows less than its text, and
every target is at least 48 px tall (fitkit.problems says what each of these means)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fitkit import problems
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import bridged

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig
from sync.worker import SyncState, SyncStatus
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui import screenshots
from terminal.ui.bridge import EventBridge
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow

SIZES = [(1280, 800), (1024, 768), (800, 600)]
LANGUAGES = ["ru", "uk", "en"]


def _longest_name_card(db: Database) -> CardKey:
    """The active card of the member with the longest name (and address form)."""
    with db.read() as conn:
        card_id = conn.execute(
            text(
                "SELECT c.id FROM cards c JOIN members m ON m.id = c.member_id "
                "WHERE c.state = 'active' "
                "ORDER BY length(m.full_name) + length(coalesce(m.address_as, '')) DESC, c.id "
                "LIMIT 1"
            )
        ).scalar_one()
    return CardKey(card_id=int(card_id))


def _states(w: MainWindow, bridge: EventBridge, db: Database) -> dict[str, Callable[[], None]]:
    """The screenshots' states, and the others a cashier or supervisor meets."""
    longest = _longest_name_card(db)
    shown = screenshots.states(w, bridge, db)

    def long_name_checkout() -> None:
        w.present(longest)
        w.checkout.amount.setText("99999999")
        w.checkout.amount.textEdited.emit("99999999")

    def wrong_amount() -> None:
        w.present(longest)
        w.checkout.amount.setText("2450.505")
        w.checkout.amount.textEdited.emit("2450.505")

    def receipt_preview() -> None:
        shown["checkout"]()
        w.checkout.preview_button.click()

    def replace_question() -> None:
        shown["checkout"]()
        w.present(longest)  # another card during the checkout: asked about

    def search(words: str) -> Callable[[], None]:
        def run() -> None:
            w.show_waiting()
            w.search.setText(words)
            w.search.returnPressed.emit()

        return run

    def supervisor_action(row: int) -> Callable[[], None]:
        def run() -> None:
            shown["supervisor"]()
            w.supervisor.member_actions.action_list.setCurrentRow(row)

        return run

    def supervisor_question() -> None:  # the question before an adjustment, its figures
        shown["supervisor"]()
        actions = w.supervisor.member_actions
        actions.action_list.setCurrentRow(2)
        actions.value.setText("500")
        actions.text.setText("apology for a long queue at the till")
        actions.run.click()
        assert actions.asking

    def supervisor_no_card() -> None:  # opened between customers: no card, a warning
        w.show_supervisor()
        w.supervisor.auth.who.setCurrentIndex(w.supervisor.auth.who.findText("Пётр Старший"))
        w.supervisor.pin.setText("999999")
        w.supervisor.auth.enter.click()
        w.supervisor._on_warn_timeout()  # the idle warning, as ten seconds before

    states = dict(shown)
    states["supervisor-question"] = supervisor_question
    states["supervisor-no-card"] = supervisor_no_card
    states.update(
        {
            "long-name-checkout": long_name_checkout,
            "wrong-amount": wrong_amount,
            "receipt-preview": receipt_preview,
            "replace-question": replace_question,
            "search-found": search("Ершова"),
            "search-nobody": search("Zzyzx Nobody"),
            "shift-end": lambda: (w.show_waiting(), w.show_shift_end()),
        }
    )
    for row in range(w.supervisor.member_actions.action_list.count()):
        states[f"supervisor-action-{row}"] = supervisor_action(row)
    return states


def _log_in(w: MainWindow, name: str, pin: str) -> None:
    w.login.who.setCurrentIndex(w.login.who.findText(name))
    w.login.pin.setText(pin)
    w.login.enter.click()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_state_fits(
    qtbot: QtBot, demo_db: Database, clock: FixedClock, size: tuple[int, int], language: str
) -> None:
    switch_language(language)
    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())
    w = MainWindow(Till(demo_db, clock, receipts=spooler), login=True)
    qtbot.addWidget(w)
    bridge = bridged(w)
    w.fit_to(*size)
    w.show()
    found: list[str] = []

    def look(name: str) -> None:
        QApplication.processEvents()
        w.fit_to(*size)  # as a maximised window: the size stays what the screen gives
        QApplication.processEvents()
        found.extend(f"{name}: {p}" for p in problems(w, size))

    look("login")
    w.login.start_help()  # F9: a supervisor lifts a lock-out
    look("login-help")
    w.login.end_help()
    _log_in(w, "Анна Кассирова", "1111")
    assert w.staff is not None
    for name, show in _states(w, bridge, demo_db).items():
        w.supervisor.close_mode()
        w.show_waiting()  # each state from the waiting page, as a till goes
        bridge.sync_sink(SyncStatus(SyncState.ONLINE, last_sync=screenshots.AT))
        show()
        look(name)
    w.supervisor.close_mode()
    w.lock_for_break()  # F11: a break
    look("locked")
    assert w.pages.currentWidget() is w.login and w.login.pin.isVisible()
    switch_language("en")
    assert not found, "\n".join(found)


def test_the_checker_sees_a_cut_label(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    """The check itself: a label squeezed below its text is reported, and so is a window
    that grew."""
    w = MainWindow(Till(demo_db, clock), login=False)
    qtbot.addWidget(w)
    w.fit_to(1024, 768)
    w.show()
    QApplication.processEvents()
    assert problems(w, (1024, 768)) == []
    w.prompt.setWordWrap(False)
    w.prompt.setText("W" * 80)
    QApplication.processEvents()
    seen = problems(w, (1024, 768))
    assert any("grew" in p for p in seen)
    w.prompt.setMaximumWidth(200)
    w.fit_to(1024, 768)
    QApplication.processEvents()
    assert any("prompt" in p and "text needs" in p for p in problems(w, (1024, 768)))
    assert Qt.AlignmentFlag.AlignCenter & w.prompt.alignment()
