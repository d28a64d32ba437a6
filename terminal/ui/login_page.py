"""Start of shift: pick yourself, type your PIN, Enter. Five wrong PINs lock you out. On a
touch screen, the number pad beside the PIN types it (terminal.ui.numpad).

Where the office asks for it (``set-limits --supervisor-card``), a supervisor's right PIN
is followed by a second step: the page asks for a tap of their own staff card, and the
card router (terminal/ui/card_routing.py) hands the tap to :meth:`LoginPage.card_tapped`.
A PIN check takes a few hundred ms (argon2id, docs/PERFORMANCE.md): the pointer is the
wait cursor meanwhile.

Two more uses of the page: a till locked for a break (:meth:`lock_for`: its cashier's
PIN goes on with the same shift), and a supervisor helping a cashier locked out after
wrong PINs (:meth:`start_help`, F9 on the page: the supervisor's PIN, then the lock-outs
to lift, terminal.ui.lockout_panel; no shift is opened or closed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

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
from terminal.ui.lockout_panel import LockoutPanel
from terminal.ui.numpad import NumberPad, beside_pad
from terminal.ui.waiting import waiting
from terminal.ui.widgets import Button


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
        lockouts: LockoutPanel | None = None,
    ) -> None:
        """``unit``: the till's unit of work, nobody on duty yet (``till.unit()``);
        ``lockouts``: the panel a supervisor lifts lock-outs with (:meth:`start_help`)."""
        super().__init__(parent)
        self._unit = unit
        self._only_supervisors = supervisors_only
        self._supervisors_only = supervisors_only
        self._helping = False
        self._locked_by: StaffMember | None = None
        self.lockouts = lockouts
        self.title = QLabel(objectName="prompt", wordWrap=True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QComboBox()
        self.pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password, maxLength=12)
        self.error = QLabel(objectName="problem", wordWrap=True)
        self.tap_card = QLabel(objectName="prompt", wordWrap=True)
        self.tap_card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tap_card.hide()
        self.enter = Button(objectName="primary")
        self.note = QLabel(objectName="done", wordWrap=True)  # a lock-out lifted
        self.note.hide()
        self.hint = QLabel(wordWrap=True)  # F9: a supervisor helps
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pending: CardPending | None = None
        self.pad = NumberPad()  # for a touch screen: digits only, no decimal separator
        self.pad.serve(self.pin)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        fields = (self.who, self.pin, self.tap_card, self.error, self.enter)
        layout.addLayout(beside_pad(self.pad, *((w, 0) for w in fields)))
        layout.addWidget(self.note)
        if lockouts is not None:
            layout.addWidget(lockouts)
            lockouts.lifted.connect(self._on_lockouts_lifted)
            lockouts.failed.connect(self._fail)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        self.hint.setVisible(lockouts is not None)
        self.pin.returnPressed.connect(self._on_pin_return_pressed)
        self.enter.clicked.connect(self._on_enter_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        if self._helping:
            self.title.setText(self.tr("Supervisor: lift a PIN lock-out (Esc: back)"))
        elif self._locked_by is not None:
            self.title.setText(
                self.tr("Till locked: %1 is on a break. Their PIN opens it again.").replace(
                    "%1", self._locked_by.name
                )
            )
        else:
            self.title.setText(
                self.tr("Supervisor") if self._supervisors_only else self.tr("Start of shift")
            )
        self.hint.setText(self.tr("Locked out after wrong PINs? A supervisor helps: F9"))
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
        self.retranslate()
        if pending is not None or self.isVisible():
            # The PIN field keeps the focus: Enter there starts again. A page left
            # (cancelled from behind another) does not take it from the page on screen.
            self.pin.setFocus()

    def cancel_card_step(self) -> None:
        """Forget a right PIN still waiting for its card (the page is left)."""
        self._await_card(None)

    @property
    def helping(self) -> bool:
        """Whether a supervisor is at the page to lift a lock-out (:meth:`start_help`)."""
        return self._helping

    def start_help(self) -> None:
        """F9: a supervisor's PIN (and card, where asked), then the lock-outs to lift."""
        if self.lockouts is None:
            return
        self._helping = True
        self._supervisors_only = True
        locked = self._locked_by
        self.reset()
        self._locked_by = locked  # Esc goes back to the locked till
        self.note.hide()

    def end_help(self) -> None:
        """Back to the log-in (or to the locked till) for the staff."""
        self._helping = False
        self._supervisors_only = self._only_supervisors
        locked = self._locked_by
        self.reset()
        if locked is not None:
            self.lock_for(locked)

    def lock_for(self, who: StaffMember) -> None:
        """A break: the page waits for ``who``'s PIN (their shift stays open)."""
        self.reset()
        self._locked_by = who
        index = self.who.findData(who.id)
        if index >= 0:
            self.who.setCurrentIndex(index)
        self.retranslate()

    def reset(self) -> None:
        """Fill the list of staff from the cache and wait for a PIN."""
        self._await_card(None)
        self._locked_by = None
        self.who.clear()
        self.pin.clear()
        self.error.hide()
        if self.lockouts is not None:
            self.lockouts.show_for(None)
        self.retranslate()
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
            return self._fail(self.tr("No staff on this till yet: call store IT to add them."))
        if not pin:  # Enter on an empty field (a second Enter): not a wrong PIN
            self.pin.setFocus()
            return None
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
        if self._helping and self.lockouts is not None:  # no shift: only the lock-outs
            self.lockouts.show_for(who)
            if self.lockouts.isHidden():
                self._fail(self.tr("Nobody is locked out now: Esc goes back."))
            return None
        self.note.hide()
        self.logged_in.emit(who)
        return None

    @Slot(int)
    def _on_lockouts_lifted(self, _staff_id: int) -> None:
        QTimer.singleShot(0, self._after_lift)  # once the panel has listed who is left

    def _after_lift(self) -> None:
        if self.lockouts is not None and not self.lockouts.isHidden():
            return  # more people locked out: the supervisor may lift the next one
        self.end_help()
        self.note.setText(self.tr("Lock-out lifted: log in with your PIN."))
        self.note.show()

    def refuse(self, exc: BaseException) -> None:
        """Say why a log-in (by PIN or by staff card) was refused."""
        if isinstance(exc, PinRejected):
            return self._fail(
                self.tr("Wrong PIN: type it again. %1 attempt(s) left.").replace(
                    "%1", str(exc.attempts_left)
                )
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
