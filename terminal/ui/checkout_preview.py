"""The receipt a checkout will print (F2), drawn from the printer's own bytes, in the room
of the quote's lines: as tall as the window allows, readable at arm's length, Ctrl+ and
Ctrl- zoom it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QWidget


class ReceiptPreview(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zoom = 1.0
        self._receipt = QImage()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_receipt(self, png: bytes) -> None:
        """Show ``png``, the receipt as the printer prints it, at the first size."""
        self._receipt = QImage.fromData(png)
        self._zoom = 1.0
        self.show()
        self._draw()

    def zoom(self, larger: bool) -> None:
        """Ctrl+ (``larger``) or Ctrl-: a step larger or smaller, within bounds."""
        self._zoom = min(2.5, max(0.5, self._zoom * (1.25 if larger else 0.8)))
        self._draw()

    def _draw(self) -> None:
        """The receipt as tall as the window allows, times the zoom; wider than the
        panel only when zoomed in."""
        room = max(300, self.window().height() - 260)
        self.setPixmap(
            QPixmap.fromImage(self._receipt).scaledToHeight(
                int(room * self._zoom), Qt.TransformationMode.SmoothTransformation
            )
        )
