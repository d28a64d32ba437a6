"""Start of shift: pick yourself, type your PIN, Enter. Five wrong PINs lock you out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from terminal.services.staff import (
    LockedOut,
    PinRejected,
    Role,
    StaffMember,
    log_in,
    staff_on_till,
)
from terminal.services.unit import Unit
from terminal.ui.errors import SHOWN_ERRORS, error_text


class LoginPage(QWidget):
    """Signals:
    logged_in(object): the StaffMember whose PIN was right.
    """

    logged_in = Signal(object)

    def __init__(
        self,
        unit: Unit,
        parent: QWidget | None = None,
        *,
        supervisors_only: bool = False,
    ) -> None:
        """``unit``: the till's unit of work, nobody on duty yet (``till.unit()``)."""
        super().__init__(parent)
        self._unit = unit
        self._supervisors_only = supervisors_only
        self.title = QLabel(objectName="prompt")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QComboBox()
        self.pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password, maxLength=12)
        self.error = QLabel(objectName="problem", wordWrap=True)
        self.enter = QPushButton(objectName="primary")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.who, self.pin, self.error, self.enter):
            layout.addWidget(w)
        layout.addStretch(1)
        self.pin.returnPressed.connect(self._on_pin_return_pressed)
        self.enter.clicked.connect(self._on_enter_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(
            self.tr("Supervisor") if self._supervisors_only else self.tr("Start of shift")
        )
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.enter.setText(self.tr("Log in (Enter)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self) -> None:
        """Fill the list of staff from the cache and wait for a PIN."""
        self.who.clear()
        self.pin.clear()
        self.error.hide()
        try:
            people = staff_on_till(self._unit, supervisors_only=self._supervisors_only)
        except SHOWN_ERRORS as exc:
            self._fail(error_text(exc))
            return
        for staff_id, name in people:
            self.who.addItem(name, staff_id)
        self.pin.setFocus()

    @Slot()
    def _on_pin_return_pressed(self) -> None:
        self._log_in()

    @Slot()
    def _on_enter_clicked(self) -> None:
        self._log_in()

    def _log_in(self) -> None:
        """Check the PIN typed for the person chosen: ``logged_in`` if it is right, why
        not on the page if it is not."""
        staff_id = self.who.currentData()
        pin = self.pin.text()
        self.pin.clear()
        if staff_id is None:
            return self._fail(self.tr("No staff on this till yet: store IT adds them."))
        try:
            who: StaffMember = log_in(self._unit, int(staff_id), pin)
            if self._supervisors_only:
                who.require(Role.SUPERVISOR, "supervisor mode")
        except SHOWN_ERRORS as exc:
            return self.refuse(exc)
        self.error.hide()
        self.logged_in.emit(who)

    def refuse(self, exc: BaseException) -> None:
        """Say why a log-in (by PIN or by staff card) was refused."""
        if isinstance(exc, PinRejected):
            return self._fail(
                self.tr("Wrong PIN. %1 attempt(s) left.").replace("%1", str(exc.attempts_left))
            )
        if isinstance(exc, LockedOut):
            return self._fail(
                self.tr("Too many wrong PINs. Try again after %1.").replace(
                    "%1", exc.until.astimezone().strftime("%H:%M")
                )
            )
        self._fail(error_text(exc))

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.pin.setFocus()
