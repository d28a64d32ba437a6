"""The wait the cashier may see: a use case that asks the office first (a spend the
office authorises, terminal/services/spend_auth.py) holds the GUI thread for at most the
office's deadline (``authorise_ms``, 1.5 s by default). Meanwhile the pointer is the wait
cursor, so a press that seems to do nothing is not pressed again. A PIN check (argon2id,
a few hundred ms: docs/PERFORMANCE.md) waits the same way (:func:`waiting`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@contextmanager
def waiting() -> Iterator[None]:
    """The wait cursor while the GUI thread is busy for a moment."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


waiting_for_the_office = waiting
