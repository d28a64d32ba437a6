"""The waiting page's manual search: a phone, a surname, or a card number typed in full
(terminal.ui.search_page, terminal.services.card_input)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from terminal.ui.main_window import MainWindow


def test_manual_search_by_phone(qtbot: QtBot, window: MainWindow) -> None:
    with window._till.db.read() as conn:
        phone, name = conn.execute(text("SELECT phone, full_name FROM members WHERE id=3")).one()
    qtbot.keyClicks(window.search, "+" + phone)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.results.count() >= 1
    window.results.itemActivated.emit(window.results.item(0))
    assert window.pages.currentIndex() == 1 and window.member.name.text() == name
