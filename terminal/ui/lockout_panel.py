"""Lifting a PIN lock-out, on the supervisor's page: the staff locked out now, and a
button that lets the chosen one try again (terminal.services.staff.lift_lock_out,
audited). Hidden while nobody is locked out, so it costs the page no room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from terminal.services import staff
from terminal.services.roles import StaffMember
from terminal.services.till import Till
from terminal.ui.errors import SHOWN_ERRORS, error_text
from terminal.ui.widgets import Button


class LockoutPanel(QWidget):
    """Signals:
    failed(str): what went wrong, for the page to show.
    lifted(int): the staff id whose lock-out was lifted.
    """

    failed = Signal(str)
    lifted = Signal(int)

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._till = till
        self._who: StaffMember | None = None
        self.label = QLabel(wordWrap=True)
        self.people = QComboBox()
        # A long name must not widen the page past a 1024-pixel screen.
        self.people.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.people.setMinimumContentsLength(6)
        self.lift = Button()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.people)
        layout.addWidget(self.lift)
        self.lift.clicked.connect(self._on_lift_clicked)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Locked out after wrong PINs"))
        self.lift.setText(self.tr("Lift the lock-out"))
        if self._who is not None:
            self.show_for(self._who)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_for(self, who: StaffMember | None) -> None:
        """The staff locked out now, for ``who`` (the supervisor on duty; None: clear)."""
        self._who = who
        self.people.clear()
        found = [] if who is None else staff.locked_out(self._till.unit(who))
        for staff_id, name, until in found:
            text = self.tr("%1 · until %2").replace("%1", name).replace("%2", f"{until:%H:%M}")
            self.people.addItem(text, staff_id)
        self.setVisible(bool(found))

    @Slot()
    def _on_lift_clicked(self) -> None:
        staff_id = self.people.currentData()
        if self._who is None or staff_id is None:
            return
        try:
            staff.lift_lock_out(self._till.unit(self._who), int(staff_id))
        except SHOWN_ERRORS as exc:
            self.failed.emit(error_text(exc))
            return
        self.lifted.emit(int(staff_id))
        self.show_for(self._who)
