"""Payment cards of every scheme (docs/payment-cards.md) typed or scanned into the search
box: "bank card, not a club card", nothing to register, the text gone; a number that is
not the club's says so (terminal.ui.search_page, terminal.ui.card_routing)."""

from __future__ import annotations

import pytest
from paymentkit import SAMPLES, ids
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from windowkit import deliver, opened

from common.clock import FixedClock
from drivers.config import demo_rules
from drivers.events import ReadFailed, ReadProblem, Technology
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow


def _typed(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search.clear()
    qtbot.keyClicks(window.search, text)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)


def _grouped(pan: str) -> str:
    return " ".join(pan[i : i + 4] for i in range(0, len(pan), 4))


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_every_scheme_typed_is_a_bank_card(
    qtbot: QtBot, demo_db: Database, clock: FixedClock, scheme: str, pan: str
) -> None:
    """Under the demo program's patterns, and under patterns that would take any number
    (before, BELKART, UzCard, Humo, ... were "not in the club: register"; Visa too)."""
    for numbers in (demo_rules(), None):
        window = opened(qtbot, Till(demo_db, clock, numbers=numbers))
        dashed = _grouped(pan).replace(" ", "-")
        for text in (pan, _grouped(pan), f"  {pan}  ", dashed, dashed.replace("-", ".")):
            _typed(qtbot, window, text)
            assert window.pages.currentIndex() == 2, (scheme, text)
            assert "bank card, not a club card" in window.message.text()
            assert not window.register_member.isVisible()
            assert window.search.text() == "" and window.results.count() == 0


def test_a_number_that_is_not_the_clubs_cannot_be_registered(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    window = opened(qtbot, Till(demo_db, clock, numbers=demo_rules()))
    _typed(qtbot, window, "2990999999990")  # the demo's prefix, a wrong Luhn digit
    assert window.pages.currentIndex() == 2 and "not a club card" in window.message.text()
    assert not window.register_member.isVisible()
    _typed(qtbot, window, "2990999999998")  # the demo's pattern, not in the cache
    assert "not in the club" in window.message.text() and window.register_member.isVisible()


def test_a_reader_number_that_is_not_the_clubs_says_so(
    qtbot: QtBot, window: MainWindow, bridge: EventBridge
) -> None:
    failed = ReadFailed("wedge", Technology.WEDGE, ReadProblem.NOT_OURS)
    deliver(qtbot, bridge, failed)
    assert window.pages.currentIndex() == 2 and "not a club card" in window.message.text()
    deliver(qtbot, bridge, ReadFailed("wedge", Technology.WEDGE, ReadProblem.TORN_SWIPE))
    assert "again" in window.message.text()
