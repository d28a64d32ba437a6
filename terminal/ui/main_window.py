"""The cashier's window: waiting for a card, the member with their checkout, messages.

No modal dialogs: a card read always lands, whatever is on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from drivers.events import (
    BankCardRefused,
    CardEvent,
    CardPresented,
    ReaderAppeared,
    ReaderDisappeared,
    ReaderFailed,
    ReadFailed,
)
from drivers.printer.transport import PrinterStatus, StatusReport
from sync.worker import SyncState, SyncStatus
from terminal.loyalty import Money
from terminal.services.errors import UnknownCard
from terminal.services.identify import CardKey, MemberView, card_key_from_text
from terminal.services.messages import BANK_CARD, READ_AGAIN, UNKNOWN_CARD
from terminal.services.registration import Registered
from terminal.services.shifts import Shift, close_shift, open_shift
from terminal.services.staff import StaffMember, log_in_by_card
from terminal.services.till import Till
from terminal.ui.checkout_panel import CheckoutPanel
from terminal.ui.errors import SHOWN_ERRORS, error_text
from terminal.ui.formats import money_text, points_text
from terminal.ui.i18n import (
    LANGUAGE_NAMES,
    current_language,
    switch_language,
    translate_message,
)
from terminal.ui.login_page import LoginPage
from terminal.ui.member_panel import MemberPanel
from terminal.ui.office_status import OfficeStatus
from terminal.ui.style import STYLESHEET
from terminal.ui.supervisor_page import SupervisorPage

log = logging.getLogger(__name__)

MESSAGE_MS = 8000  # how long a message or a "done" stays before the waiting screen


class MainWindow(QMainWindow):
    def __init__(self, till: Till, *, login: bool = True, till_name: str = "till-1") -> None:
        super().__init__()
        self.till_name = till_name
        self.setStyleSheet(STYLESHEET)
        self._till = till
        self._view: MemberView | None = None
        self._unknown: CardKey | None = None  # the card on the message page: not in the club
        self._readers: set[str] = set()

        self._message: Callable[[], str] | None = None
        self.prompt = QLabel(objectName="prompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.search = QLineEdit()
        self.results = QListWidget()
        waiting = QWidget()
        wl = QVBoxLayout(waiting)
        wl.addStretch(1)
        wl.addWidget(self.prompt)
        wl.addStretch(1)
        wl.addWidget(self.search)
        wl.addWidget(self.results, 1)

        self.member = MemberPanel()
        self.checkout = CheckoutPanel(till)
        member_page = QWidget()
        ml = QHBoxLayout(member_page)
        ml.addWidget(self.member, 1)
        ml.addWidget(self.checkout, 1)

        self.message = QLabel(wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt = QLabel()  # the receipt as printed, drawn from the printer's bytes
        self.receipt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.register_member = QPushButton(objectName="primary")  # for an unknown card
        self.register_member.clicked.connect(self.show_supervisor)
        self.register_member.hide()
        message_page = QWidget()
        msl = QVBoxLayout(message_page)
        msl.addWidget(self.message)
        msl.addWidget(self.register_member)
        msl.addWidget(self.receipt, 1)

        self.login = LoginPage(till.db, till.clock)
        self.login.logged_in.connect(self._on_login_logged_in)
        self.staff: StaffMember | None = None
        self.shift: Shift | None = None
        self.supervisor = SupervisorPage(till)
        self.supervisor.closed.connect(self.show_waiting)
        self.supervisor.close_shift_requested.connect(self._on_supervisor_close_shift_requested)
        self.supervisor.member_registered.connect(self._on_supervisor_member_registered)
        self.pages = QStackedWidget()
        for page in (waiting, member_page, message_page, self.login, self.supervisor):
            self.pages.addWidget(page)
        self._waiting, self._member_page, self._message_page = waiting, member_page, message_page
        self.setCentralWidget(self.pages)

        self.readers_status = QLabel()
        self.office_status = OfficeStatus()
        self.printer_status = QLabel()
        self._printer: StatusReport | None = None
        self.language = QComboBox()
        self.language.setAccessibleName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.statusBar().addWidget(self.readers_status)
        self.statusBar().addPermanentWidget(self.printer_status)
        self.statusBar().addPermanentWidget(self.office_status)
        self.statusBar().addPermanentWidget(self.language)
        self.language.activated.connect(self._on_language_activated)
        self.retranslate()

        self._back_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._back_timer.timeout.connect(self.show_waiting)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.checkout.confirmed.connect(self._on_checkout_confirmed)
        self.checkout.cancelled.connect(self.show_waiting)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.show_waiting)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, activated=self.show_supervisor)
        self._login_required = login
        if login:
            self.show_login()
        else:
            self.show_waiting()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty terminal"))
        self.prompt.setText(self.tr("Tap or swipe the club card"))
        self.search.setPlaceholderText(self.tr("Phone, card number or surname"))
        self.register_member.setText(self.tr("Supervisor: register a member with this card (F9)"))
        self._show_readers()
        self._show_printer()
        self.language.setCurrentIndex(self.language.findData(current_language()))
        if self._message is not None:
            self.message.setText(self._message())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int)
    def _on_language_activated(self, index: int) -> None:
        switch_language(str(self.language.itemData(index)))

    # --- pages -------------------------------------------------------------------------
    def show_login(self) -> None:
        self._back_timer.stop()
        self.staff = None
        self.login.reset()
        self.pages.setCurrentWidget(self.login)
        self.login.pin.setFocus()

    @Slot()
    def show_supervisor(self) -> None:
        """F9: supervisor mode (after a supervisor's PIN)."""
        if self._login_required and self.staff is None:
            return
        self._back_timer.stop()
        on_member = self.pages.currentWidget() is self._member_page and self._view is not None
        card = CardKey(card_id=self._view.card_id) if on_member and self._view else None
        unknown = self._unknown if self.pages.currentWidget() is self._message_page else None
        self.pages.setCurrentWidget(self.supervisor)
        self.supervisor.open_mode(card, unknown)

    @Slot(object)
    def _on_supervisor_member_registered(self, done: Registered) -> None:
        """The new member, ready for checkout (supervisor mode ends)."""
        self._unknown = None
        try:
            view = self._till.identify(done.card)
        except SHOWN_ERRORS as exc:
            self.show_message(partial(error_text, exc), "problem")
            return
        self.show_member(view)

    @Slot(object)
    def _on_supervisor_close_shift_requested(self, who: StaffMember) -> None:
        till = self._till
        if self.shift is not None:
            try:
                close_shift(till.db, self.shift, who, till.clock, self.till_name, till.receipts)
            except SHOWN_ERRORS as exc:  # the shift stays open; the supervisor tries again
                self.show_message(partial(error_text, exc), "problem")
                return
        self.shift = None
        if self._login_required:
            self.show_login()
        else:
            self.show_waiting()

    @Slot(object)
    def _on_login_logged_in(self, who: StaffMember) -> None:
        till = self._till
        try:
            self.shift = open_shift(till.db, who, till.clock, self.till_name, till.receipts)
        except SHOWN_ERRORS as exc:  # someone else's shift is still open, the cache failed
            self.show_login()
            self.login.refuse(exc)
            return
        self.staff = who
        self.show_waiting()

    @Slot()
    def show_waiting(self) -> None:
        if self._login_required and self.staff is None:
            return  # nobody passes the PIN screen with Esc
        if self.supervisor.active:
            self.supervisor.close_mode()  # leaves supervisor mode; `closed` brings us back
            return
        self._back_timer.stop()
        self._view = None
        self._message = None
        self.checkout.start(None)
        self.search.clear()
        self.results.clear()
        self.pages.setCurrentWidget(self._waiting)
        self.search.setFocus()

    def show_message(self, text: Callable[[], str], kind: str = "refusal") -> None:
        """Show ``text()`` (called again if the language changes) for a few seconds."""
        self.supervisor.close_mode()  # a card read ends supervisor mode
        self._message = text
        self._unknown = None
        self.register_member.hide()
        self.receipt.clear()
        self.message.setObjectName(kind)
        self.message.setStyleSheet("")  # re-apply the object-name rule
        self.message.setText(text())
        self.pages.setCurrentWidget(self._message_page)
        self._back_timer.start()

    def show_member(self, view: MemberView) -> None:
        self.supervisor.close_mode()  # a card read ends supervisor mode
        self._back_timer.stop()
        self._message = None
        self._view = view
        self.member.show_view(view)
        self.checkout.start(view)
        self.pages.setCurrentWidget(self._member_page)

    # --- card events (from the reader threads, through the bridge) ---------------------
    @Slot(object)
    def on_card_event(self, event: CardEvent) -> None:
        if (
            self._login_required
            and self.staff is None
            and not isinstance(event, ReaderAppeared | ReaderDisappeared | ReaderFailed)
        ):
            # No member on screen before someone has logged in; a staff card logs in.
            if isinstance(event, CardPresented) and event.uid:
                try:
                    who = log_in_by_card(self._till.db, event.uid, self._till.clock)
                except SHOWN_ERRORS as exc:  # its owner is locked out: as with a PIN
                    self.login.refuse(exc)
                    return
                if who is not None:
                    self._on_login_logged_in(who)
            return
        if isinstance(event, CardPresented):
            self.present(CardKey(uid=event.uid, number=event.number))
        elif isinstance(event, BankCardRefused):
            self.show_message(lambda: translate_message(BANK_CARD))
        elif isinstance(event, ReadFailed):
            self.show_message(lambda: translate_message(READ_AGAIN), "problem")
        elif isinstance(event, ReaderAppeared):
            self._readers.add(event.source)
            self._show_readers()
        elif isinstance(event, ReaderDisappeared | ReaderFailed):
            self._readers.discard(event.source)
            self._show_readers()

    def present(self, key: CardKey) -> None:
        try:
            view = self._till.identify(key)
        except UnknownCard:
            self.show_message(lambda: translate_message(UNKNOWN_CARD), "problem")
            if key.uid or key.number:  # a supervisor may register a member with it
                self._unknown = key
                self.register_member.show()
                self._back_timer.stop()  # it waits for the supervisor, or Esc
            return
        except SHOWN_ERRORS as exc:
            self.show_message(partial(error_text, exc), "problem")
            return
        self.show_member(view)

    def _show_readers(self) -> None:
        if self._readers:
            self.readers_status.setText(
                self.tr("Readers: %1").replace("%1", str(len(self._readers)))
            )
        else:
            self.readers_status.setText(self.tr("Readers: none"))

    @Slot(object)
    def on_sync_status(self, status: SyncStatus | None) -> None:
        """The office's status from the sync worker (None: not enrolled)."""
        self.office_status.show_status(status)
        if status is not None and status.state is SyncState.ONLINE:
            try:
                self._till.refresh_program()  # the office may have changed the rules
            except Exception:
                log.exception("cannot reload the program after a sync")

    @Slot(object)
    def on_printer_status(self, report: StatusReport) -> None:
        self._printer = report
        self._show_printer()

    def _show_printer(self) -> None:
        report = self._printer
        texts = {
            PrinterStatus.OK: self.tr("Printer: ready"),
            PrinterStatus.OFFLINE: self.tr("Printer: OFFLINE"),
            PrinterStatus.PAPER_OUT: self.tr("Printer: OUT OF PAPER"),
            PrinterStatus.COVER_OPEN: self.tr("Printer: COVER OPEN"),
            PrinterStatus.TIMEOUT: self.tr("Printer: not answering"),
            PrinterStatus.ERROR: self.tr("Printer: error"),
            PrinterStatus.DISABLED: self.tr("Printer: none configured"),
        }
        if report is None:
            self.printer_status.setText(self.tr("Printer: …"))
            return
        text = texts[report.status]
        if report.waiting:
            text += " · " + self.tr("%1 receipt(s) waiting").replace("%1", str(report.waiting))
        self.printer_status.setText(text)

    # --- manual search and checkout -----------------------------------------------------
    @Slot()
    def _on_search_return_pressed(self) -> None:
        text = self.search.text()
        self.results.clear()
        key = card_key_from_text(text)
        if key is not None and key.number is not None and len(text.strip()) >= 12:
            self.present(key)
            return
        try:
            found = self._till.search(text)
        except SHOWN_ERRORS as exc:
            self.show_message(partial(error_text, exc), "problem")
            return
        for m in found:
            item = QListWidgetItem(f"{m.full_name} · {m.phone or ''}")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()

    @Slot(QListWidgetItem)
    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        try:
            view = self._till.member_view(int(item.data(Qt.ItemDataRole.UserRole)))
        except UnknownCard:
            self.show_message(lambda: self.tr("This member has no card."), "problem")
            return
        except SHOWN_ERRORS as exc:
            self.show_message(partial(error_text, exc), "problem")
            return
        self.show_member(view)

    @Slot(object, object)
    def _on_checkout_confirmed(self, amount: Money, spend: Decimal) -> None:
        view = self._view
        if view is None:
            return
        try:
            staff_id = None if self.staff is None else self.staff.id
            result = self._till.checkout(CardKey(card_id=view.card_id), amount, spend, staff_id)
        except SHOWN_ERRORS as exc:  # rolled back: the checkout stays on screen to retry
            self.checkout.error.setText(error_text(exc))
            self.checkout.error.setVisible(True)
            return
        q = result.quote
        self.show_message(
            lambda: (
                self.tr("Done. To pay %1 · points earned %2 · balance %3")
                .replace("%1", money_text(q.paid.amount))
                .replace("%2", points_text(q.points_earned))
                .replace("%3", points_text(q.balance_after))
            ),
            "done",
        )
        spooler = self._till.receipts
        if result.receipt is not None and spooler is not None:
            png = spooler.preview(spooler.render_receipt(result.receipt))
            image = QImage.fromData(png)
            self.receipt.setPixmap(
                QPixmap.fromImage(image).scaledToHeight(
                    max(200, self.height() - 200), Qt.TransformationMode.SmoothTransformation
                )
            )
