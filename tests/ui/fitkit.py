"""What "it fits" means for the geometry test (test_fit.py): the window keeps the size it
was given, every visible widget lies inside it, no label or button shows less than its
text, and every control is a finger's size."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QWidget,
)

from terminal.ui.style import MIN_TOUCH_PX

SLACK = 1  # a pixel of rounding


def _inside_scroll_area(w: QWidget, top: QWidget) -> bool:
    """A widget a scroll area shows through its viewport (it may lie beyond it)."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(w):
            return True
        parent = parent.parentWidget()
    return False


def _describe(w: QWidget) -> str:
    text = getattr(w, "text", None)
    shown = text() if callable(text) and not isinstance(w, QLineEdit) else ""
    return f"{type(w).__name__}({w.objectName() or '-'}) {shown[:50]!r}"


def _label_cut(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        return None
    room = label.contentsRect()
    margin = label.margin() * 2 + label.indent() if label.indent() > 0 else label.margin() * 2
    width = room.width() - margin
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"wrapped text needs {needed} px of height, has {label.height()}"
        return None
    metrics = label.fontMetrics()
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > width + SLACK:
        return f"text needs {widest} px, has {width}"
    return None


def _items_cut(box: QListWidget) -> list[str]:
    """Items of a list shown with less than their text (a list that wraps never is)."""
    if box.wordWrap() or box.horizontalScrollBar().isVisible():
        return []
    room = box.viewport().width() - 16  # the item's padding
    metrics = box.fontMetrics()
    texts = [box.item(i).text() for i in range(box.count())]
    return [
        f"item {t[:40]!r} needs {metrics.horizontalAdvance(t)} px, has {room}"
        for t in texts
        if metrics.horizontalAdvance(t) > room
    ]


def problems(window: QMainWindow, size: tuple[int, int]) -> list[str]:
    """Everything that does not fit in ``window`` shown at ``size``."""
    found: list[str] = []
    width, height = size
    if window.width() > width or window.height() > height:
        found.append(f"the window grew to {window.width()}×{window.height()}")
    frame = QRect(0, 0, min(width, window.width()), min(height, window.height()))
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.width() <= 0 or w.height() <= 0:
            continue
        if w.window() is not window or _inside_scroll_area(w, window):
            continue
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if not frame.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
            found.append(f"{_describe(w)} lies outside the window: {rect.getRect()}")
        if isinstance(w, QLabel):
            cut = _label_cut(w)
            if cut:
                found.append(f"{_describe(w)}: {cut}")
        if isinstance(w, QAbstractButton) and not isinstance(w, QCheckBox):
            hint = w.minimumSizeHint()
            tall = w.heightForWidth(w.width()) if w.hasHeightForWidth() else hint.height()
            if w.width() + SLACK < hint.width() or w.height() + SLACK < tall:
                found.append(
                    f"{_describe(w)} cut: {w.width()}×{w.height()} of {hint.width()}×{tall}"
                )
        if isinstance(w, QListWidget):
            found.extend(f"{_describe(w)}: {cut}" for cut in _items_cut(w))
        touch = isinstance(w, (QAbstractButton, QComboBox, QLineEdit))
        if touch and w.height() + SLACK < MIN_TOUCH_PX:
            found.append(f"{_describe(w)} is {w.height()} px tall (a finger needs 48)")
    return found
