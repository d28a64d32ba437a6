"""Card reads reach the cashier's window from a background thread through the real
signal bridge, and land on the page they call for (terminal.ui.card_routing)."""

from __future__ import annotations

from builders import a_card
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from windowkit import deliver, tap

from drivers.events import BankCardRefused, Technology
from terminal.loyalty import CardState
from terminal.services.identify import CardKey, identify
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow


def test_card_tap_shows_the_member(
    qtbot: QtBot, window: MainWindow, bridge: EventBridge, demo_db: Database
) -> None:
    card = a_card(demo_db).id
    deliver(qtbot, bridge, tap(card))
    view = identify(window._till.unit(), CardKey(card_id=card))
    assert window.pages.currentIndex() == 1
    assert view.member is not None
    assert window.member.name.text() == view.member.full_name
    assert not window.member.problem.isVisible()
    assert window.checkout.amount.isEnabled() and window.checkout.amount.hasFocus()


def test_bank_card_is_refused(qtbot: QtBot, window: MainWindow, bridge: EventBridge) -> None:
    deliver(
        qtbot,
        bridge,
        BankCardRefused(source="Virtual PCD 00 00", technology=Technology.CONTACTLESS),
    )
    assert window.pages.currentIndex() == 2 and "bank card" in window.message.text()


def test_blocked_card_shows_the_problem_and_no_checkout(
    qtbot: QtBot, window: MainWindow, bridge: EventBridge, demo_db: Database
) -> None:
    deliver(qtbot, bridge, tap(a_card(demo_db, kind=None, state=CardState.BLOCKED).id))
    assert window.member.problem.isVisible() and "BLOCKED" in window.member.problem.text()
    assert not window.checkout.amount.isEnabled()


def test_unknown_card_and_escape(qtbot: QtBot, window: MainWindow, bridge: EventBridge) -> None:
    deliver(qtbot, bridge, tap(10**9))
    assert window.pages.currentIndex() == 2 and "not in the club" in window.message.text()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentIndex() == 0
