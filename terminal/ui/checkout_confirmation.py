"""A purchase above the program's ``confirm_above``: the checkout asks for a supervisor's
PIN before it is recorded (terminal.services.checkout refuses it otherwise).

The page takes the checkout form's place in the checkout panel (no modal dialog: a card
read still lands), the form and what was typed in it kept for going back (Esc). The PIN
is checked by the supervisor-mode log-in page (terminal.ui.login_page, supervisors only),
its second factor included: where the office asks for the supervisor's own staff card,
the card router hands the tap to :attr:`SupervisorConfirmation.login`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from terminal.loyalty import Money
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.ui.formats import money_text
from terminal.ui.login_page import LoginPage
from terminal.ui.widgets import Button


class ConfirmationLogin(LoginPage):
    """The supervisor-mode log-in, its button saying what the PIN does here."""

    def retranslate(self) -> None:
        super().retranslate()
        if not self.awaiting_card:
            self.enter.setText(self.tr("Confirm (Enter)"))


class SupervisorConfirmation(QWidget):
    """The figures of a purchase above ``confirm_above`` and a supervisor's PIN.

    Signals:
    confirmed(object): the supervisor (StaffMember) whose PIN (and card) was right.
    back(): the cashier goes back to the checkout (the button; Esc is the window's).
    """

    confirmed = Signal(object)
    back = Signal()

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figures: tuple[Money, Money] | None = None  # the amount, the limit
        self.question = QLabel(objectName="greeting", wordWrap=True)
        self.login = ConfirmationLogin(till.unit(), supervisors_only=True)
        self.login.title.hide()  # the question says what the PIN is for
        self.back_button = Button()
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.login, 1)
        layout.addWidget(self.back_button)  # under the log-in's own button, not beside it
        self.who, self.pin = self.login.who, self.login.pin
        self.login.logged_in.connect(self._on_login_logged_in)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.retranslate()

    @property
    def asking(self) -> bool:
        return self._figures is not None

    def ask(self, amount: Money, limit: Money) -> None:
        """Ask a supervisor to confirm a purchase of ``amount``, above ``limit``."""
        self._figures = (amount, limit)
        self.login.reset()  # the supervisors of the cache, no PIN typed
        self.retranslate()
        self.pin.setFocus()

    def cancel(self) -> None:
        """Forget the question (and a right PIN still waiting for its card)."""
        self._figures = None
        self.login.cancel_card_step()
        self.pin.clear()
        self.retranslate()

    def tell(self, text: str) -> None:
        """Say ``text`` (a card read meanwhile that is no member's) over the PIN."""
        self.login.error.setText(text)
        self.login.error.show()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back to the checkout (Esc)"))
        if self._figures is None:
            self.question.clear()
            return
        amount, limit = self._figures
        self.question.setText(
            self.tr("Purchase of %1 is above %2: a supervisor confirms with their PIN")
            .replace("%1", money_text(amount.amount))
            .replace("%2", money_text(limit.amount))
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(object)
    def _on_login_logged_in(self, who: StaffMember) -> None:
        if self._figures is not None:
            self.confirmed.emit(who)

    @Slot()
    def _on_back_button_clicked(self) -> None:
        self.back.emit()
