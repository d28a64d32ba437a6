"""The one door from the reader threads into the GUI thread.

The drivers call :meth:`EventBridge.sink` from their own threads; the signal is delivered
to the window in the GUI thread (a queued connection), so no card read is lost while a
slot runs and no widget is touched from another thread.

The receivers connect their own private slots (``MainWindow.connect_bridge``); the
sinks are the bridge's only public doors, one per kind of news.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from drivers.events import CardEvent
from drivers.printer.transport import StatusReport
from sync.worker import SyncStatus


class EventBridge(QObject):
    """Signals:
    card_event(object): a drivers.events value, delivered in the GUI thread.
    printer_status(object): a drivers.printer StatusReport, when the printer's state changes.
    sync_status(object): a sync.worker SyncStatus, when the sync worker's state changes
        (None: the till is not enrolled with an office).
    """

    card_event = Signal(object)
    printer_status = Signal(object)
    sync_status = Signal(object)

    def sink(self, event: CardEvent) -> None:
        """Callable from any thread."""
        self.card_event.emit(event)

    def printer_sink(self, report: StatusReport) -> None:
        """Callable from the printer's thread."""
        self.printer_status.emit(report)

    def sync_sink(self, status: SyncStatus | None) -> None:
        """Callable from the sync worker's thread (and from the GUI thread at start-up)."""
        self.sync_status.emit(status)
