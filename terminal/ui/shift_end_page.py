"""End of shift (F12): the shift's totals on screen, then closing it with its report
printed, by the cashier whose shift it is (or a supervisor). Nothing is closed until
the person on duty confirms with Enter; Esc goes back to the till."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from terminal.receipts.model import ShiftReport
from terminal.ui.formats import money_text, points_text
from terminal.ui.widgets import Button


class ShiftEndPage(QWidget):
    """Signals:
    close_requested(): close the shift shown and print its report.
    back(): not now: back to the till.
    """

    close_requested = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: ShiftReport | None = None
        self.title = QLabel(objectName="prompt", wordWrap=True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(24)
        self.unsent = QLabel(wordWrap=True)
        self.close_shift = Button(objectName="primary")
        self.go_back = Button()
        self.close_shift.clicked.connect(self.close_requested)
        self.go_back.clicked.connect(self.back)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.figures)
        layout.addWidget(self.unsent)
        layout.addStretch(1)
        layout.addWidget(self.close_shift)
        layout.addWidget(self.go_back)
        self._labels: list[tuple[QLabel, QLabel]] = []
        self.retranslate()

    def show_report(self, report: ShiftReport) -> None:
        self._report = report
        self.retranslate()
        self.close_shift.setFocus()

    def lines(self) -> list[tuple[str, str]]:
        """The figures shown, as (label, value), in the current language."""
        r = self._report
        if r is None:
            return []
        return [
            (self.tr("Purchases"), str(r.purchases)),
            (self.tr("Sales"), money_text(r.sales.amount)),
            (self.tr("Discounts"), money_text(r.discounts.amount)),
            (self.tr("Paid"), money_text(r.paid.amount)),
            (self.tr("Returns"), str(r.returns)),
            (self.tr("Money returned"), money_text(r.returned.amount)),
            (self.tr("Gifts"), str(r.gifts)),
            (self.tr("Points earned"), points_text(r.points_earned)),
            (self.tr("Points spent"), points_text(r.points_spent)),
            (
                self.tr("Points adjustments"),
                f"{r.adjustments} (+{points_text(r.points_added)} / "
                f"−{points_text(r.points_removed)})",
            ),
        ]

    def retranslate(self) -> None:
        self.close_shift.setText(self.tr("Close the shift and print its report (Enter)"))
        self.go_back.setText(self.tr("Back to the till (Esc)"))
        r = self._report
        self.title.setText(
            self.tr("End of shift")
            if r is None or r.cashier is None
            else self.tr("End of shift: %1, since %2")
            .replace("%1", r.cashier)
            .replace("%2", r.opened_at.astimezone().strftime("%H:%M"))
        )
        for name, value in self._labels:
            self.figures.removeWidget(name)
            self.figures.removeWidget(value)
            name.deleteLater()
            value.deleteLater()
        self._labels = []
        for row, (text, figure) in enumerate(self.lines()):
            name, value = QLabel(text), QLabel(figure, objectName="figure")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.figures.addWidget(name, row, 0)
            self.figures.addWidget(value, row, 1)
            self._labels.append((name, value))
        unsent = 0 if r is None else r.unsent
        self.unsent.setText(
            self.tr("%1 operation(s) not yet at the office: they are sent by themselves.").replace(
                "%1", str(unsent)
            )
        )
        self.unsent.setVisible(unsent > 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_requested.emit()
            return
        super().keyPressEvent(event)
