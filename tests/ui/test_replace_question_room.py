"""The "Replace …?" question takes the room of the quote's lines, the receipt preview and
the number pad (an 800×600 screen has no more), and keeps it until it is answered: a
language switched, F2 or the Receipt button, an amount typed meanwhile do not bring them
back over it (found by review)."""

from __future__ import annotations

from builders import cards
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from windowkit import bridged, deliver, printing_window, tap

from common.clock import FixedClock
from terminal.store.database import Database
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow


def _room_taken(w: MainWindow) -> bool:
    c = w.checkout
    return c.lines.isHidden() and c.preview.isHidden() and c.pad.isHidden()


def test_the_question_keeps_its_room_until_answered(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = printing_window(qtbot, demo_db, clock)
    bridge = bridged(w)
    first, second = cards(demo_db, limit=2, with_member=True)
    deliver(qtbot, bridge, tap(first.id))
    checkout = w.checkout
    qtbot.keyClicks(checkout.amount, "100")
    checkout.preview_button.click()  # the receipt on screen, then another card
    assert not checkout.preview.isHidden()
    deliver(qtbot, bridge, tap(second.id))
    assert checkout.asking and _room_taken(w)
    assert not checkout.preview_button.isEnabled()
    switch_language("uk")
    try:
        QApplication.processEvents()
        assert _room_taken(w)
    finally:
        switch_language("en")
    QApplication.processEvents()
    qtbot.keyClick(checkout, Qt.Key.Key_F2)
    checkout.preview_button.click()
    assert _room_taken(w)
    qtbot.keyClicks(checkout.amount, "5")
    assert _room_taken(w) and checkout.asking
    checkout.decline_replace()  # Esc: keep this checkout, all of it back
    assert not checkout.lines.isHidden() and not checkout.pad.isHidden()
    assert checkout.preview.isHidden() and checkout.preview_button.isEnabled()
