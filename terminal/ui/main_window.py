"""The cashier's window: waiting for a card, the member with their checkout, messages.

No modal dialogs: a card read always lands, whatever is on screen. The window assembles
its parts and shows the screens they hand it (terminal.ui.screens):

- session: who is on duty, their shift, the login page (terminal.ui.session);
- card routing: card reads to the page they call for (terminal.ui.card_routing);
- search: the waiting page and its manual search (terminal.ui.search_page);
- checkout completion: recorded, "done", the receipt (terminal.ui.checkout_completion);
  a purchase above the program's ``confirm_above`` first asks for a supervisor's PIN in
  the checkout panel (terminal.ui.checkout_confirmation; Esc goes back to the form);
- the message page (terminal.ui.message_page) and the status bar (terminal.ui.status_bar);
- the shift's keys: F10 reprints the last receipt, F11 locks the till for a break, F12
  shows the shift's totals and closes it (terminal.ui.shift_end_page).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow

from sync.worker import SyncState, SyncStatus
from terminal.services import supervisor as supervisor_ops
from terminal.services.identify import CardKey, MemberView
from terminal.services.shifts import Shift, shift_report
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.ui.bridge import EventBridge
from terminal.ui.card_routing import CardRouter, card_screen
from terminal.ui.checkout_completion import CheckoutCompletion, receipt_picture
from terminal.ui.checkout_panel import CheckoutPanel
from terminal.ui.errors import SHOWN_ERRORS
from terminal.ui.member_page import MemberPage
from terminal.ui.member_panel import MemberPanel
from terminal.ui.message_page import MessagePage
from terminal.ui.screens import MemberScreen, MessageKind, MessageScreen, Screen, problem_screen
from terminal.ui.search_page import SearchPage
from terminal.ui.session import Session
from terminal.ui.shift_end_page import ShiftEndPage
from terminal.ui.status_bar import StatusBar
from terminal.ui.style import COMPACT_BELOW
from terminal.ui.supervisor_page import SupervisorPage
from terminal.ui.widgets import Pages, use_layout

log = logging.getLogger(__name__)

MESSAGE_MS = 8000  # how long a message or a "done" stays before the waiting screen


class MainWindow(QMainWindow):
    def __init__(self, till: Till, *, login: bool = True, till_name: str = "till-1") -> None:
        super().__init__()
        self.compact = False
        use_layout(self, compact=False)
        self._till = till
        self._view: MemberView | None = None  # the member on screen

        self._waiting = SearchPage(till)
        self.member = MemberPanel()
        self.checkout = CheckoutPanel(till)
        self._member_page = MemberPage(self.member, self.checkout)
        self._message_page = MessagePage()
        self.shift_end = ShiftEndPage()
        self.supervisor = SupervisorPage(till)
        self.session = Session(till, self.supervisor, required=login, till_name=till_name)
        self.cards = CardRouter(
            till, self.session, self.supervisor, self, logins=(self.checkout.confirmation.login,)
        )
        self.completion = CheckoutCompletion(till, self.checkout, self.session, self)
        self.pages = Pages()
        for page in (
            self._waiting,
            self._member_page,
            self._message_page,
            self.session.login,
            self.supervisor,
            self.shift_end,
        ):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.status_bar = StatusBar()
        self.setStatusBar(self.status_bar)

        # The parts' widgets by the names the window has always given them.
        self.prompt, self.search = self._waiting.prompt, self._waiting.search
        self.results = self._waiting.results
        self.message, self.receipt = self._message_page.message, self._message_page.receipt
        self.register_member = self._message_page.register_member
        self.login = self.session.login
        self.readers_status = self.status_bar.readers_status
        self.printer_status = self.status_bar.printer_status
        self.office_status = self.status_bar.office_status
        self.language = self.status_bar.language

        self._back_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._back_timer.timeout.connect(self._on_back_timer_timeout)
        self.session.opened.connect(self._on_session_opened)
        self.session.ended.connect(self._on_session_ended)
        self.session.problem.connect(self._on_session_problem)
        self.supervisor.closed.connect(self._on_supervisor_closed)
        self.cards.routed.connect(self._on_cards_routed)
        self._waiting.found.connect(self._on_waiting_found)
        self._message_page.register_requested.connect(self._on_message_page_register_requested)
        self.checkout.cancelled.connect(self._on_checkout_cancelled)
        self.checkout.replace_confirmed.connect(self._on_checkout_replace_confirmed)
        self.completion.done.connect(self._on_completion_done)
        self.completion.receipt_drawn.connect(self._on_completion_receipt_drawn)
        for key, slot in (  # the window's own keys, whatever has the focus
            (Qt.Key.Key_Escape, self._on_escape_activated),
            (Qt.Key.Key_F9, self._on_f9_activated),
            (Qt.Key.Key_F10, self._on_f10_activated),
            (Qt.Key.Key_F11, self._on_f11_activated),
            (Qt.Key.Key_F12, self._on_f12_activated),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self._waiting.reprint_requested.connect(self._on_f10_activated)
        self._waiting.break_requested.connect(self._on_f11_activated)
        self._waiting.end_of_shift_requested.connect(self._on_f12_activated)
        self.shift_end.close_requested.connect(self._on_shift_end_close_requested)
        self.shift_end.back.connect(self._on_shift_end_back)
        self._waiting.take_break.setVisible(login)  # a till without log-ins has no shifts
        self._waiting.end_shift.setVisible(login)
        self.retranslate()
        if login:
            self.show_login()
        else:
            self.show_waiting()

    def fit_to(self, width: int, height: int) -> None:
        """Be ``width``×``height``: compact below 1000×700 (an 800×600 screen), else regular."""
        compact = width < COMPACT_BELOW[0] or height < COMPACT_BELOW[1]
        if compact != self.compact:
            self.compact = compact
            use_layout(self, compact)
        self.resize(width, height)

    def fit_screen(self) -> None:
        """The size of the screen the window is on (what a maximised window gets)."""
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            self.fit_to(room.width(), room.height())

    @property
    def staff(self) -> StaffMember | None:
        """The person on duty (None: nobody has logged in)."""
        return self.session.staff

    @property
    def shift(self) -> Shift | None:
        return self.session.shift

    def connect_bridge(self, bridge: EventBridge) -> None:
        """Receive the readers', the printer's and the sync worker's news from ``bridge``,
        in the GUI thread."""
        self.status_bar.listen(bridge)
        self.cards.listen(bridge)
        bridge.sync_status.connect(self._on_bridge_sync_status)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty terminal"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- pages -------------------------------------------------------------------------
    def show_login(self) -> None:
        self._back_timer.stop()
        self.session.log_out()
        self.pages.setCurrentWidget(self.session.login)
        self.session.login.pin.setFocus()

    def show_supervisor(self) -> None:
        """F9: supervisor mode (after a supervisor's PIN)."""
        if not self.session.on_duty:
            return
        self._back_timer.stop()
        on_member = self.pages.currentWidget() is self._member_page and self._view is not None
        card = CardKey(card_id=self._view.card_id) if on_member and self._view else None
        on_message = self.pages.currentWidget() is self._message_page
        unknown = self._message_page.unknown if on_message else None
        self.pages.setCurrentWidget(self.supervisor)
        self.supervisor.open_mode(card, unknown)

    def reprint_last(self) -> None:
        """F10: a copy of the last receipt of the shift (a customer asks for one)."""
        if not self.session.on_duty or self.supervisor.active:
            return
        shift = self.session.shift
        since = shift.opened_at if shift is not None else "0001-01-01T00:00:00+00:00"
        try:
            supervisor_ops.reprint_last(self._till.unit(self.session.staff), since)
        except SHOWN_ERRORS as exc:
            self.show_message(problem_screen(exc))
            return
        self.show_message(
            MessageScreen(
                lambda: self.tr("A copy of the last receipt is printing."), MessageKind.DONE
            )
        )

    def lock_for_break(self) -> None:
        """F11: the till locked; its cashier's PIN opens it again, with the same shift."""
        if self.session.staff is None or self.supervisor.active:
            return
        self._back_timer.stop()
        self._view = None
        self.checkout.start(None)
        self.session.lock()
        self.status_bar.show_staff(None)
        self.pages.setCurrentWidget(self.session.login)
        self.session.login.pin.setFocus()

    def show_shift_end(self) -> None:
        """F12 between customers: the shift's totals, to close it (Enter) or go back."""
        staff, shift = self.session.staff, self.session.shift
        if staff is None or shift is None or self.pages.currentWidget() is not self._waiting:
            return
        try:
            report = shift_report(self._till.unit(staff), shift, self.session.till_name)
        except SHOWN_ERRORS as exc:
            self.show_message(problem_screen(exc))
            return
        self.shift_end.show_report(report)
        self.pages.setCurrentWidget(self.shift_end)

    def show_waiting(self) -> None:
        if not self.session.on_duty:
            return  # nobody passes the PIN screen with Esc
        if self.supervisor.active:
            self.supervisor.close_mode()  # leaves supervisor mode; `closed` brings us back
            return
        self._back_timer.stop()
        self._view = None
        self.checkout.start(None)
        self._waiting.clear()
        self.pages.setCurrentWidget(self._waiting)
        self.search.setFocus()

    def show_screen(self, screen: Screen) -> None:
        """What a part of the window asked for: a member, or a message."""
        if isinstance(screen, MemberScreen):
            self.show_member(screen.view)
        else:
            self.show_message(screen)

    def show_message(self, screen: MessageScreen) -> None:
        """A message for a few seconds; for an unknown card, until a supervisor or Esc."""
        form = self.supervisor.registration
        on_form = self.supervisor.active and self.supervisor.steps.currentWidget() is form
        if screen.unknown is not None and on_form and form.card == screen.unknown:
            return  # the card being registered, read again: the form and what is typed stay
        self.supervisor.close_mode()  # a card read ends supervisor mode
        self._message_page.show_screen(screen)
        self.pages.setCurrentWidget(self._message_page)
        if screen.unknown is None:
            self._back_timer.start()
        else:
            self._back_timer.stop()  # it waits for the supervisor, or Esc

    def show_member(self, view: MemberView, *, replace: bool = False) -> None:
        """The member of a card read (or found). During a checkout with an amount typed,
        another card is asked about first (``replace``: already confirmed), and the same
        card again keeps the checkout as it is."""
        current = self._view
        if (
            not replace
            and self.pages.currentWidget() is self._member_page
            and current is not None
            and self.checkout.in_progress
        ):
            if view.card_id != current.card_id:
                self.checkout.ask_replace(view)
            return
        self.supervisor.close_mode()  # a card read ends supervisor mode
        self._back_timer.stop()
        self._view = view
        self.member.show_view(view)
        self.checkout.start(view)
        self.pages.setCurrentWidget(self._member_page)

    def present(self, key: CardKey) -> None:
        """Show the member of ``key``'s card, or why not."""
        self.show_screen(card_screen(self._till, key))

    # --- the office's news ------------------------------------------------------------
    def _refresh_program(self, status: SyncStatus | None) -> None:
        if status is not None and status.state is SyncState.ONLINE:
            try:
                self._till.refresh_program()  # the office may have changed the rules
            except Exception:
                log.exception("cannot reload the program after a sync")

    # --- slots -------------------------------------------------------------------------
    @Slot(object)
    def _on_bridge_sync_status(self, status: SyncStatus | None) -> None:
        self._refresh_program(status)  # the status bar shows it

    @Slot(object)
    def _on_session_opened(self, who: StaffMember) -> None:
        self.status_bar.show_staff(who)
        self.show_waiting()

    @Slot()
    def _on_session_ended(self) -> None:
        self.status_bar.show_staff(None)
        if self.session.required:
            self.show_login()
        else:
            self.show_waiting()

    @Slot(object)
    def _on_session_problem(self, screen: MessageScreen) -> None:
        self.show_message(screen)

    @Slot(object)
    def _on_cards_routed(self, screen: Screen) -> None:
        on_member = self.pages.currentWidget() is self._member_page
        if isinstance(screen, MessageScreen) and on_member and self._member_page.tell(screen):
            return  # not a member's card during a checkout: said there, the checkout kept
        self.show_screen(screen)

    @Slot(object)
    def _on_waiting_found(self, screen: Screen) -> None:
        self.show_screen(screen)

    @Slot(object)
    def _on_completion_done(self, screen: MessageScreen) -> None:
        self.show_message(screen)

    @Slot(object)
    def _on_completion_receipt_drawn(self, png: bytes) -> None:
        self._message_page.show_receipt(receipt_picture(png, max(200, self.height() - 200)))

    @Slot()
    def _on_supervisor_closed(self) -> None:
        self.show_waiting()

    @Slot(object)
    def _on_checkout_replace_confirmed(self, view: MemberView) -> None:
        self.show_member(view, replace=True)

    @Slot()
    def _on_checkout_cancelled(self) -> None:
        self.show_waiting()

    @Slot()
    def _on_back_timer_timeout(self) -> None:
        self.show_waiting()

    @Slot()
    def _on_escape_activated(self) -> None:
        if self.supervisor.step_back():  # Esc answers supervisor mode's question
            return
        if self.pages.currentWidget() is self._member_page and self.checkout.confirming:
            self.checkout.back_to_form()  # Esc: back to the checkout, as it was typed
            return
        if self.pages.currentWidget() is self._member_page and self.checkout.asking:
            self.checkout.decline_replace()  # Esc answers the question: keep the checkout
            return
        if self.pages.currentWidget() is self.session.login and self.session.login.helping:
            self.session.login.end_help()
            return
        self.show_waiting()

    @Slot()
    def _on_f9_activated(self) -> None:
        if self.pages.currentWidget() is self.session.login:
            self.session.login.start_help()  # a supervisor lifts a cashier's lock-out
            return
        self.show_supervisor()

    @Slot()
    def _on_f10_activated(self) -> None:
        self.reprint_last()

    @Slot()
    def _on_f11_activated(self) -> None:
        self.lock_for_break()

    @Slot()
    def _on_f12_activated(self) -> None:
        self.show_shift_end()

    @Slot()
    def _on_shift_end_close_requested(self) -> None:
        self.session.close_own_shift()  # ended: the login page; problem: a message

    @Slot()
    def _on_shift_end_back(self) -> None:
        self.show_waiting()

    @Slot()
    def _on_message_page_register_requested(self) -> None:
        self.show_supervisor()
