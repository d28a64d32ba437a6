"""The till's own small widgets."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStackedWidget, QWidget

from terminal.ui.style import COMPACT_LINE_PX, stylesheet


class Button(QPushButton):
    """The till's push button (the stylesheet makes it finger-sized). With a line limit
    (:meth:`set_line_limit`, the compact layout's), a text wider than it takes two lines,
    broken at the space nearest its middle: a long button does not widen the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__("", parent)
        self._full_text = ""
        self._line_px: int | None = None
        if objectName:
            self.setObjectName(objectName)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full_text = text
        super().setText(self._lines(text))

    def full_text(self) -> str:
        """The text as given (``text()`` may have a line break in it)."""
        return self._full_text

    def set_line_limit(self, px: int | None) -> None:
        """Break a text wider than ``px`` pixels in two (None: one line, whatever its width)."""
        self._line_px = px
        super().setText(self._lines(self._full_text))

    def _lines(self, text: str) -> str:
        if self._line_px is None or " " not in text.strip():
            return text
        self.ensurePolished()
        if self.fontMetrics().horizontalAdvance(text) <= self._line_px:
            return text
        middle = len(text) / 2
        cut = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - middle))
        return text[:cut] + "\n" + text[cut + 1 :]


class Pages(QStackedWidget):
    """A stack of pages as big as the page on screen. A QStackedWidget is as big as its
    biggest page: one tall or wide page (registration, a long name's checkout) would
    grow the window on every other. The pages not shown have the Ignored size policy,
    which the stack's layout leaves out of its sizes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def addWidget(self, page: QWidget) -> int:
        index = super().addWidget(page)
        self._on_current_changed(self.currentIndex())
        return index

    @Slot(int)
    def _on_current_changed(self, index: int) -> None:
        for i in range(self.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            if (page := self.widget(i)) is not None:
                page.setSizePolicy(policy, policy)
        self.updateGeometry()


def use_layout(window: QWidget, compact: bool) -> None:
    """The regular or the compact layout (an 800×600 screen) on ``window``: the style
    sheet's sizes, and long buttons in two lines in the compact one."""
    window.setStyleSheet(stylesheet(compact))
    for button in window.findChildren(Button):
        button.set_line_limit(COMPACT_LINE_PX if compact else None)


def set_tone(widget: QWidget, name: str) -> None:
    """Give ``widget`` the stylesheet's look ``name`` ("problem": red, "done": green, "":
    plain) now: a changed object name takes effect once the style polishes it again."""
    if widget.objectName() == name:
        return
    widget.setObjectName(name)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
