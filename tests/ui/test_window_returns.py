"""Returns in supervisor mode, through the window: the receipt's QR read by a
keyboard-wedge scanner, and what the supervisor is shown."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from builders import card_key
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QLocale, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import bridged, printing_window, supervisor_mode

from common.clock import FixedClock
from drivers.config import WedgeConfig
from drivers.keycodes import KEY_ENTER, KEY_LEFTSHIFT, code_of
from drivers.wedge import WedgeReader
from drivers.wedge_qt import WedgeKeyFilter
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.store.database import Database
from terminal.ui.formats import money_text
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow

XKB_OFFSET = 8
RUSSIAN = dict(zip("abcdef", "фисвуа", strict=True))  # what ЙЦУКЕН types for those keys


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def scanner_window(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> Iterator[tuple[MainWindow, WedgeKeyFilter, Clock]]:
    """The window with the wedge hook installed as the app does, its reader's events
    going through the window's bridge."""
    app = QApplication.instance()
    assert app is not None
    w = printing_window(qtbot, demo_db, clock)
    bridge = bridged(w)
    keys_clock = Clock()
    reader = WedgeReader(WedgeConfig(), w._till.numbers, bridge.sink)
    hook = WedgeKeyFilter(reader, scan_code_offset=XKB_OFFSET, clock=keys_clock, parent=w)
    hook.install(app)
    yield w, hook, keys_clock
    app.removeEventFilter(hook)


def scan(target: QObject, clock: Clock, text: str, gap: float = 0.004) -> None:
    """A scanner typing ``text`` and Enter, under a Russian layout."""

    def press(code: int, shift: bool, typed: str, key: Qt.Key = Qt.Key.Key_unknown) -> None:
        mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        event = QKeyEvent(QEvent.Type.KeyPress, key, mods, code + XKB_OFFSET, 0, 0, typed)
        QCoreApplication.sendEvent(target, event)

    for ch in text:
        code, shift = code_of(ch)
        if shift:
            press(KEY_LEFTSHIFT, True, "", Qt.Key.Key_Shift)
            clock.now += gap / 4
        press(code, shift, RUSSIAN.get(ch, ch))
        clock.now += gap
    press(KEY_ENTER, False, "\r", Qt.Key.Key_Return)


def test_a_scanned_receipt_qr_lands_in_the_return_field(
    qtbot: QtBot, scanner_window: tuple[MainWindow, WedgeKeyFilter, Clock], demo_db: Database
) -> None:
    """At scanner speed, the operation id is a receipt code, not a card read: supervisor
    mode stays open and the purchase is shown, ready to return."""
    w, hook, clock = scanner_window
    purchase = checkout(w._till.unit(), card_key(demo_db), Money.parse("1000"))
    supervisor_mode(qtbot, w, None)
    actions = w.supervisor.member_actions
    assert actions.action.code == "return"
    scan(actions.value, clock, purchase.operation_id)
    clock.now += 1
    hook.settle()
    qtbot.wait(20)  # anything the bridge would deliver
    assert w.supervisor.active and w.pages.currentWidget() is w.supervisor
    assert actions.value.text() == purchase.operation_id  # as typed, not the layout's
    # the scanner's Enter found the purchase (its amount as the locale writes it)
    assert money_text(Decimal("1000.00")) in actions.result.text()


def returns(db: Database) -> list[tuple[int, int]]:
    """The returns recorded: (amount returned, money paid, negative: given back)."""
    with db.read() as conn:
        rows = conn.execute(
            text("SELECT amount_minor, paid_minor FROM operations WHERE kind='return'")
        )
        return [(r[0], r[1]) for r in rows]


@pytest.mark.parametrize(
    ("language", "when"), [("ru", "22.11.2026 10:30"), ("uk", "22.11.2026 10:30"), ("en", None)]
)
def test_after_a_return_the_money_to_give_back_in_large_type(
    qtbot: QtBot, demo_db: Database, clock: FixedClock, language: str, when: str | None
) -> None:
    """The lookup shows the purchase's date as the language writes it; the return
    shows the money to give back, big, in the locale's format."""
    w = printing_window(qtbot, demo_db, clock)
    purchase = checkout(w._till.unit(), card_key(demo_db), Money.parse("1000"))
    try:
        switch_language(language)
        supervisor_mode(qtbot, w, None)
        actions = w.supervisor.member_actions
        assert actions.action.code == "return"
        assert actions.refund.isHidden()
        qtbot.keyClicks(actions.value, purchase.operation_id)
        qtbot.keyClick(actions.value, Qt.Key.Key_Return)
        shown = actions.result.text()
        assert "2026-11-22" not in shown
        if when is None:  # English: the locale's short format
            moment = QDateTime(QDate(2026, 11, 22), QTime(10, 30))
            when = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
        assert when in shown, shown
        qtbot.keyClicks(actions.text, money_text(Decimal("250")))
        qtbot.keyClick(actions.text, Qt.Key.Key_Return)
        assert actions.asking and returns(demo_db) == []  # asked first, with the figures
        assert money_text(Decimal("250")) in actions.question.text.text()
        qtbot.keyClick(actions.question.confirm, Qt.Key.Key_Return)
        [(amount, paid)] = returns(demo_db)
        assert amount == 25000 and paid < 0
        big = actions.refund
        assert big.isVisible() and big.objectName() == "total"
        words = {"ru": "Вернуть покупателю ", "uk": "Повернути покупцеві ", "en": "Give back "}
        assert big.text() == words[language] + money_text(Decimal(-paid) / 100)
        assert big.text() != actions.result.text()  # "Done: ..." stays below it
        assert (",", ".")[language == "en"] in big.text()  # the locale's decimal point
        actions.action_list.setCurrentRow(2)  # another action: the sum goes
        assert big.isHidden()
    finally:
        switch_language("en")
