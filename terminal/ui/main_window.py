"""The cashier's window: waiting for a card, the member with their checkout, messages.

No modal dialogs: a card read always lands, whatever is on screen. The window assembles
its parts and shows the screens they hand it (terminal.ui.screens):

- session: who is on duty, their shift, the login page (terminal.ui.session);
- card routing: card reads to the page they call for (terminal.ui.card_routing);
- search: the waiting page and its manual search (terminal.ui.search_page);
- checkout completion: recorded, "done", the receipt (terminal.ui.checkout_completion);
- the message page (terminal.ui.message_page) and the status bar (terminal.ui.status_bar).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QWidget

from sync.worker import SyncState, SyncStatus
from terminal.services.identify import CardKey, MemberView
from terminal.services.shifts import Shift
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.ui.bridge import EventBridge
from terminal.ui.card_routing import CardRouter, card_screen
from terminal.ui.checkout_completion import CheckoutCompletion, receipt_picture
from terminal.ui.checkout_panel import CheckoutPanel
from terminal.ui.member_panel import MemberPanel
from terminal.ui.message_page import MessagePage
from terminal.ui.screens import MemberScreen, MessageScreen, Screen
from terminal.ui.search_page import SearchPage
from terminal.ui.session import Session
from terminal.ui.status_bar import StatusBar
from terminal.ui.style import STYLESHEET
from terminal.ui.supervisor_page import SupervisorPage

log = logging.getLogger(__name__)

MESSAGE_MS = 8000  # how long a message or a "done" stays before the waiting screen


class MainWindow(QMainWindow):
    def __init__(self, till: Till, *, login: bool = True, till_name: str = "till-1") -> None:
        super().__init__()
        self.setStyleSheet(STYLESHEET)
        self._till = till
        self._view: MemberView | None = None  # the member on screen

        self._waiting = SearchPage(till)
        self.member = MemberPanel()
        self.checkout = CheckoutPanel(till)
        self._member_page = QWidget()
        ml = QHBoxLayout(self._member_page)
        ml.addWidget(self.member, 1)
        ml.addWidget(self.checkout, 1)
        self._message_page = MessagePage()
        self.supervisor = SupervisorPage(till)
        self.session = Session(till, self.supervisor, required=login, till_name=till_name)
        self.cards = CardRouter(till, self.session, self.supervisor, self)
        self.completion = CheckoutCompletion(till, self.checkout, self.session, self)
        self.pages = QStackedWidget()
        for page in (
            self._waiting,
            self._member_page,
            self._message_page,
            self.session.login,
            self.supervisor,
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
        self.completion.done.connect(self._on_completion_done)
        self.completion.receipt_drawn.connect(self._on_completion_receipt_drawn)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape.activated.connect(self._on_escape_activated)
        self._f9 = QShortcut(QKeySequence(Qt.Key.Key_F9), self)
        self._f9.activated.connect(self._on_f9_activated)
        self.retranslate()
        if login:
            self.show_login()
        else:
            self.show_waiting()

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
        self.supervisor.close_mode()  # a card read ends supervisor mode
        self._message_page.show_screen(screen)
        self.pages.setCurrentWidget(self._message_page)
        if screen.unknown is None:
            self._back_timer.start()
        else:
            self._back_timer.stop()  # it waits for the supervisor, or Esc

    def show_member(self, view: MemberView) -> None:
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
    def _on_session_opened(self, _who: StaffMember) -> None:
        self.show_waiting()

    @Slot()
    def _on_session_ended(self) -> None:
        if self.session.required:
            self.show_login()
        else:
            self.show_waiting()

    @Slot(object)
    def _on_session_problem(self, screen: MessageScreen) -> None:
        self.show_message(screen)

    @Slot(object)
    def _on_cards_routed(self, screen: Screen) -> None:
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

    @Slot()
    def _on_checkout_cancelled(self) -> None:
        self.show_waiting()

    @Slot()
    def _on_back_timer_timeout(self) -> None:
        self.show_waiting()

    @Slot()
    def _on_escape_activated(self) -> None:
        self.show_waiting()

    @Slot()
    def _on_f9_activated(self) -> None:
        self.show_supervisor()

    @Slot()
    def _on_message_page_register_requested(self) -> None:
        self.show_supervisor()
