"""The one door from the reader threads into the GUI thread.

The drivers call :meth:`EventBridge.sink` from their own threads; the signal is delivered
to the window in the GUI thread (a queued connection), so no card read is lost while a
slot runs and no widget is touched from another thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from drivers.events import CardEvent


class EventBridge(QObject):
    """Signals:
    card_event(object): a drivers.events value, delivered in the GUI thread.
    """

    card_event = Signal(object)

    def sink(self, event: CardEvent) -> None:
        """Callable from any thread."""
        self.card_event.emit(event)
