"""The till's own small widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


class Button(QPushButton):
    """The till's push button (the stylesheet makes it finger-sized)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__(text, parent)
        if objectName:
            self.setObjectName(objectName)


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
