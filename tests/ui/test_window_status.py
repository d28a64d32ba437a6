"""The window's status bar: card readers and the printer, as the bridge reports them
(terminal.ui.status_bar)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from windowkit import deliver

from drivers.events import ReaderAppeared, Technology
from drivers.printer.transport import PrinterStatus, StatusReport
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow


def test_reader_status(qtbot: QtBot, window: MainWindow, bridge: EventBridge) -> None:
    assert "none" in window.readers_status.text()
    deliver(
        qtbot, bridge, ReaderAppeared(source="Virtual PCD 00 00", technology=Technology.CONTACTLESS)
    )
    assert "1" in window.readers_status.text()


def test_printer_status_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, bridge: EventBridge
) -> None:
    bridge.printer_sink(StatusReport(PrinterStatus.PAPER_OUT, "paper out", waiting=2))
    assert "OUT OF PAPER" in window.printer_status.text() and "2" in window.printer_status.text()
    bridge.printer_sink(StatusReport(PrinterStatus.OK))
    assert window.printer_status.text() == "Printer: ready"
