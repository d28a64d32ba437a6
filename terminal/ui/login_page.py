"""Start of shift: pick yourself, type your PIN, Enter. Five wrong PINs lock you out.

Where the office asks for it (``set-limits --supervisor-card``), a supervisor's right PIN
is followed by a second step: the page asks for a tap of their own staff card, and the
card router (terminal/ui/card_routing.py) hands the tap to :meth:`LoginPage.card_tapped`.
A PIN check takes a few hundred ms (argon2id, docs/PERFORMANCE.md): the pointer is the
wait cursor meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from terminal.services.staff import (
    CardNeeded,
    CardPending,
    LockedOut,
    PinRejected,
    Role,
    StaffMember,
    finish_with_card,
    log_in,
    staff_on_till,
)
from terminal.services.unit import Unit
from terminal.ui.errors import SHOWN_ERRORS, error_text
from terminal.ui.waiting import waiting


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
        self.tap_card = QLabel(objectName="prompt", wordWrap=True)
        self.tap_card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tap_card.hide()
        self.enter = QPushButton(objectName="primary")
        self._pending: CardPending | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.who, self.pin, self.tap_card, self.error, self.enter):
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
        self.enter.setText(
            self.tr("Type the PIN again (Enter)")
            if self.awaiting_card
            else self.tr("Log in (Enter)")
        )
        if self._pending is not None:
            self.tap_card.setText(
                self.tr("PIN accepted. %1, now tap your own staff card on the reader.").replace(
                    "%1", self._pending.name
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def awaiting_card(self) -> bool:
        """Whether a right supervisor PIN waits for its staff card (the second factor)."""
        return self._pending is not None

    def _await_card(self, pending: CardPending | None) -> None:
        self._pending = pending
        self.tap_card.setVisible(pending is not None)
        self.who.setEnabled(pending is None)
        self.retranslate()  # the PIN field keeps the focus: Enter there starts again
        self.pin.setFocus()

    def cancel_card_step(self) -> None:
        """Forget a right PIN still waiting for its card (the page is left)."""
        self._await_card(None)

    def reset(self) -> None:
        """Fill the list of staff from the cache and wait for a PIN."""
        self._await_card(None)
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
        not on the page if it is not; the card step if the office asks for one."""
        if self.awaiting_card:  # Enter while waiting for the card: start again
            self._await_card(None)
            self.error.hide()
            self.pin.setFocus()
            return None
        staff_id = self.who.currentData()
        pin = self.pin.text()
        self.pin.clear()
        if staff_id is None:
            return self._fail(self.tr("No staff on this till yet: store IT adds them."))
        try:
            with waiting():
                who: StaffMember = log_in(self._unit, int(staff_id), pin)
        except CardNeeded as needed:
            self.error.hide()
            return self._await_card(needed.pending)
        except SHOWN_ERRORS as exc:
            return self.refuse(exc)
        self._accept(who)
        return None

    def card_tapped(self, uid: str) -> None:
        """A card read while :attr:`awaiting_card`: the second factor of the PIN."""
        pending = self._pending
        if pending is None:
            return
        self._await_card(None)
        try:
            who = finish_with_card(self._unit, pending, uid)
        except SHOWN_ERRORS as exc:
            return self.refuse(exc)
        self._accept(who)
        return None

    def _accept(self, who: StaffMember) -> None:
        try:
            if self._supervisors_only:
                who.require(Role.SUPERVISOR, "supervisor mode")
        except SHOWN_ERRORS as exc:
            return self.refuse(exc)
        self.error.hide()
        self.logged_in.emit(who)
        return None

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
