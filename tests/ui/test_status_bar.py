"""The status bar on its own: readers coming and going, the printer, the office, each
from the bridge (terminal.ui.status_bar)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import READER, deliver

from drivers.events import ReaderAppeared, ReaderDisappeared, ReaderFailed, Technology
from drivers.printer.transport import PrinterStatus, StatusReport
from sync.worker import SyncState, SyncStatus
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow
from terminal.ui.status_bar import StatusBar


def listening(qtbot: QtBot) -> tuple[StatusBar, EventBridge]:
    bar = StatusBar()
    qtbot.addWidget(bar)
    bridge = EventBridge()
    bar.listen(bridge)
    return bar, bridge


def test_readers_are_counted_as_they_come_and_go(qtbot: QtBot) -> None:
    bar, bridge = listening(qtbot)
    other = "ACS ACR122U 01 00"
    for source in (READER, other, READER):  # the same reader twice counts once
        deliver(qtbot, bridge, ReaderAppeared(source, Technology.CONTACTLESS))
    assert bar.readers_status.text() == "Readers: 2"
    deliver(qtbot, bridge, ReaderDisappeared(READER, Technology.CONTACTLESS))
    assert bar.readers_status.text() == "Readers: 1"
    deliver(qtbot, bridge, ReaderFailed(other, Technology.CONTACTLESS, "pcscd gone", 1.0))
    assert bar.readers_status.text() == "Readers: none"


def test_the_printer_before_and_after_its_first_report(qtbot: QtBot) -> None:
    bar, bridge = listening(qtbot)
    assert bar.printer_status.text() == "Printer: …"
    bridge.printer_sink(StatusReport(PrinterStatus.OFFLINE, "no answer", waiting=3))
    assert bar.printer_status.text() == "Printer: OFFLINE · 3 receipt(s) waiting"
    bridge.printer_sink(StatusReport(PrinterStatus.DISABLED))
    assert bar.printer_status.text() == "Printer: none configured"


def test_the_office_from_the_sync_worker_thread(qtbot: QtBot) -> None:
    bar, bridge = listening(qtbot)
    bridge.sync_sink(None)
    assert bar.office_status.text() == "Office: not enrolled"
    status = SyncStatus(SyncState.OFFLINE, waiting=2, last_sync=datetime.now(UTC))
    worker = threading.Thread(target=bridge.sync_sink, args=(status,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "OFFLINE" in bar.office_status.text(), timeout=2000)
    assert bar.office_status.text().startswith("Office: OFFLINE · 2 to send")


def test_the_window_reloads_the_program_when_the_office_is_back(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    """The office may have changed the rules while the till was offline."""
    bridge = EventBridge()
    window.connect_bridge(bridge)
    version = window._till.program.version
    with demo_db.write() as conn:  # what a sync of a new program version leaves
        conn.execute(
            text(
                "UPDATE programs SET version = version + 1, "
                "body = json_set(body, '$.version', version + 1) WHERE active"
            )
        )
    bridge.sync_sink(SyncStatus(SyncState.OFFLINE))
    assert window._till.program.version == version
    bridge.sync_sink(SyncStatus(SyncState.ONLINE))
    assert window.office_status.text() == "Office: online"
    assert window._till.program.version == version + 1
