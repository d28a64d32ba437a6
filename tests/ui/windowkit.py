"""Helpers of the cashier's window tests: card events delivered from a background thread
through the real signal bridge, supervisor mode (the cards themselves: tests/builders.py)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from common.clock import FixedClock
from drivers.events import CardEvent, CardPresented, CardType, Technology
from drivers.printer.config import PrinterConfig
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services import demo_data
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow

READER = "Virtual PCD 00 00"


def deliver(qtbot: QtBot, bridge: EventBridge, event: CardEvent) -> None:
    """As a reader thread does: emit from another thread, then let the GUI thread run."""
    t = threading.Thread(target=bridge.sink, args=(event,))
    t.start()
    t.join()
    qtbot.wait(20)


def tap(card_id: int) -> CardPresented:
    return tap_uid(demo_data.demo_card_uid(card_id))


def tap_uid(uid: str) -> CardPresented:
    return CardPresented(
        source=READER,
        technology=Technology.CONTACTLESS,
        card_type=CardType.UID_ONLY,
        uid=uid,
    )


def bridged(w: MainWindow) -> EventBridge:
    """A bridge whose news reach ``w``, as in the app."""
    bridge = EventBridge()
    w.connect_bridge(bridge)
    return bridge


def opened(qtbot: QtBot, till: Till, *, login: bool = False) -> MainWindow:
    w = MainWindow(till, login=login)
    qtbot.addWidget(w)
    w.show()
    return w


def printing_window(qtbot: QtBot, db: Database, clock: FixedClock) -> MainWindow:
    spooler = Spooler(db, PrinterConfig.default(), ReceiptConfig.default())  # not started
    return opened(qtbot, Till(db, clock, receipts=spooler))


def supervisor_mode(qtbot: QtBot, w: MainWindow, key: CardKey | None) -> None:
    if key is not None:
        w.present(key)
    w.show_supervisor()
    qtbot.keyClicks(w.supervisor.pin, "999999")
    qtbot.keyClick(w.supervisor.pin, Qt.Key.Key_Return)
    assert w.supervisor.supervisor is not None
