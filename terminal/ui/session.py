"""Who is on duty at the till: a PIN (or a staff card) opens their shift, a supervisor
closes it; until then, when logins are required, no member is shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from terminal.services.shifts import Shift, close_shift, open_shift
from terminal.services.staff import StaffMember, log_in_by_card
from terminal.services.till import Till
from terminal.ui.errors import SHOWN_ERRORS
from terminal.ui.lockout_panel import LockoutPanel
from terminal.ui.login_page import LoginPage
from terminal.ui.screens import problem_screen
from terminal.ui.supervisor_page import SupervisorPage


class Session(QObject):
    """The person on duty and their shift, and the login page that starts it.

    Signals:
    opened(object): the StaffMember who logged in; their shift is open.
    ended(): nobody is on duty: the shift was closed, or it could not be opened.
    problem(object): the shift could not be closed; it stays open (a MessageScreen).
    """

    opened = Signal(object)
    ended = Signal()
    problem = Signal(object)

    def __init__(
        self,
        till: Till,
        supervisor: SupervisorPage,
        *,
        required: bool = True,
        till_name: str = "till-1",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._till = till
        self.required = required  # False: the till serves without a login (demo, tests)
        self.till_name = till_name
        self.staff: StaffMember | None = None
        self.shift: Shift | None = None
        self.login = LoginPage(till.unit(), lockouts=LockoutPanel(till))
        self.login.logged_in.connect(self._on_login_logged_in)
        supervisor.close_shift_requested.connect(self._on_supervisor_close_shift_requested)

    @property
    def on_duty(self) -> bool:
        """Whether the till may serve: someone is logged in, or no login is required."""
        return not self.required or self.staff is not None

    def log_out(self) -> None:
        """Nobody on duty; the login page waits for a PIN."""
        self.staff = None
        self.login.reset()

    def lock(self) -> None:
        """A break: nobody on duty, the shift stays open, and the login page waits for
        its owner's PIN (another cashier cannot log in over it; a supervisor can)."""
        who = self.staff
        if who is None or not self.required:
            return
        self.staff = None
        self.login.lock_for(who)

    def close_own_shift(self) -> None:
        """End of the day: the person on duty closes the shift (theirs; a supervisor any)
        and its report is printed; ``ended`` then, or ``problem`` if it stays open."""
        if self.staff is None or self.shift is None:
            return
        try:
            close_shift(self._till.unit(self.staff), self.shift, self.till_name)
        except SHOWN_ERRORS as exc:
            self.problem.emit(problem_screen(exc))
            return
        self.shift = None
        self.ended.emit()

    def log_in_by_card(self, uid: str) -> None:
        """A card read while nobody is on duty: a staff card logs its owner in."""
        try:
            who = log_in_by_card(self._till.unit(), uid)
        except SHOWN_ERRORS as exc:  # its owner is locked out: as with a PIN
            self.login.refuse(exc)
            return
        if who is not None:
            self._open_shift(who)

    def _open_shift(self, who: StaffMember) -> None:
        try:
            self.shift = open_shift(self._till.unit(who), self.till_name)
        except SHOWN_ERRORS as exc:  # someone else's shift is still open, the cache failed
            self.ended.emit()
            self.login.refuse(exc)
            return
        self.staff = who
        self.opened.emit(who)

    @Slot(object)
    def _on_login_logged_in(self, who: StaffMember) -> None:
        self._open_shift(who)

    @Slot(object)
    def _on_supervisor_close_shift_requested(self, who: StaffMember) -> None:
        if self.shift is not None:
            try:
                close_shift(self._till.unit(who), self.shift, self.till_name)
            except SHOWN_ERRORS as exc:  # the shift stays open; the supervisor tries again
                self.problem.emit(problem_screen(exc))
                return
        self.shift = None
        self.ended.emit()
