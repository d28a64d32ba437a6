"""Supervisor mode: a supervisor's PIN opens it, a minute without a key closes it (ten
seconds before, a warning: a key or a touch keeps it open, and what was typed).

No modal dialog: it is a page of the main window, so a card read still lands: at the
member's actions and on the registration form it is this page's (:meth:`takes_card`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drivers.events import CardEvent
from terminal.services import supervisor
from terminal.services.identify import CardKey
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.ui.errors import SHOWN_ERRORS, error_text
from terminal.ui.i18n import translate_message
from terminal.ui.lockout_panel import LockoutPanel
from terminal.ui.login_page import LoginPage
from terminal.ui.member_actions import MemberActions
from terminal.ui.registration_page import RegistrationPage
from terminal.ui.supervisor_cards import CARD_EVENTS
from terminal.ui.widgets import Button, Pages

IDLE_MS = 60_000  # supervisor mode closes after this long without a key or a touch
WARN_MS = 10_000  # and warns this long before
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SupervisorPage(QWidget):
    """Signals:
    closed(): supervisor mode ended (Esc, the button, or a minute idle).
    close_shift_requested(object): the supervisor (StaffMember) asked to close the shift.
    member_registered(object): a member was registered with the unknown card
        (terminal.services.registration.Registered).
    """

    closed = Signal()
    close_shift_requested = Signal(object)
    member_registered = Signal(object)

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._till = till
        self.supervisor: StaffMember | None = None
        self._card: CardKey | None = None
        self._unknown: CardKey | None = None  # a card read that found no card: register
        self.active = False  # between open_mode() and close_mode()
        self.title = QLabel(objectName="prompt")
        self.error = QLabel(objectName="problem", wordWrap=True)
        self.idle_warning = QLabel(objectName="problem", wordWrap=True)
        self.idle_warning.hide()
        self.idle_ms, self.warn_ms = IDLE_MS, WARN_MS  # tests shorten them
        self.auth = LoginPage(till.unit(), supervisors_only=True)
        self.auth.logged_in.connect(self._on_auth_logged_in)
        self.auth.title.hide()  # this page has its own title
        self.who, self.pin = self.auth.who, self.auth.pin
        self.jobs = QListWidget(wordWrap=True)
        self.reprint = Button(objectName="primary")
        self.back = Button()
        self.close_shift = Button()
        self.parked = QListWidget(wordWrap=True)  # operations the office refused, for review
        self.parked_label = QLabel(wordWrap=True)
        self.send_again = Button()
        self.lockouts = LockoutPanel(till)  # staff locked out: lift it (hidden if none)
        self.lockouts.failed.connect(self._fail)
        self.member_actions = MemberActions(till)
        self.member_actions.performed.connect(self._on_member_actions_performed)
        self.menu = menu = QWidget()
        self.registration = RegistrationPage(till)
        self.registration.registered.connect(self.member_registered)
        self.registration.cancelled.connect(self.close_mode)
        queue = QVBoxLayout()
        self.jobs_label = QLabel()
        queue.addWidget(self.jobs_label)
        queue.addWidget(self.jobs, 1)
        queue.addWidget(self.reprint)
        queue.addWidget(self.parked_label)
        queue.addWidget(self.parked, 1)
        queue.addWidget(self.send_again)
        queue.addWidget(self.lockouts)
        queue.addWidget(self.close_shift)
        ml = QHBoxLayout(menu)
        ml.addWidget(self.member_actions, 2)
        ml.addLayout(queue, 1)
        self.steps = Pages()
        self.steps.addWidget(self.auth)
        self.steps.addWidget(menu)
        self.steps.addWidget(self.registration)
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()  # Back beside the title: the queue's column stays narrow
        heading.addWidget(self.title, 1)
        heading.addWidget(self.back, 0)
        layout.addLayout(heading)
        layout.addWidget(self.idle_warning)
        layout.addWidget(self.error)
        layout.addWidget(self.steps, 1)
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.close_mode)
        self._warn = QTimer(self, singleShot=True, interval=IDLE_MS - WARN_MS)
        self._warn.timeout.connect(self._on_warn_timeout)
        self.jobs.itemActivated.connect(self._on_jobs_item_activated)
        self.reprint.clicked.connect(self._on_reprint_clicked)
        self.back.clicked.connect(self.close_mode)
        self.close_shift.clicked.connect(self._on_close_shift_clicked)
        self.send_again.clicked.connect(self._on_send_again_clicked)
        self.parked.itemActivated.connect(self._on_parked_item_activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Supervisor"))
        self.jobs_label.setText(self.tr("Receipts and reports (newest first)"))
        self.reprint.setText(self.tr("Reprint (Enter)"))
        self.back.setText(self.tr("Back (Esc)"))
        self.close_shift.setText(self.tr("Close the shift and print its report"))
        self.send_again.setText(self.tr("Send again to the office"))
        if self.supervisor is not None:
            self._show_parked()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            warned = self.idle_warning.isVisible()
            self._restart_idle()  # any activity keeps supervisor mode open
            enter = isinstance(event, QKeyEvent) and event.key() in ENTER_KEYS
            if warned and (enter or event.type() == QEvent.Type.MouseButtonPress):
                # The Enter or touch that answers the warning does nothing else: it does
                # not record the action; what was typed stays. Other keys go on (a
                # scanner's first character is not lost). (True now and then only.)
                return True
        # Qt's own answer (False: the event goes on), not a Python bool: PySide6 6.12 on
        # Python 3.11 loses a reference to the bool a Python event filter returns, and
        # after enough events the interpreter aborts deallocating False.
        return super().eventFilter(watched, event)

    def open_mode(self, card: CardKey | None = None, unknown: CardKey | None = None) -> None:
        """Ask for a supervisor's PIN; the actions will apply to ``card`` (the member on
        screen), if any; with ``unknown`` (a card the club does not know), the PIN leads
        to registering a member with it."""
        self._card, self._unknown = card, unknown
        self.active = True
        self.supervisor = None
        self.auth.reset()
        self.error.hide()
        self.steps.setCurrentIndex(0)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._restart_idle()
        self.pin.setFocus()

    def _restart_idle(self) -> None:
        self.idle_warning.hide()
        self._idle.start(self.idle_ms)
        self._warn.start(max(0, self.idle_ms - self.warn_ms))

    @Slot()
    def _on_warn_timeout(self) -> None:
        if self.active:
            self.idle_warning.setText(
                self.tr("Supervisor mode closes in %1 s — press any key or touch to stay").replace(
                    "%1", str(round(self.warn_ms / 1000))
                )
            )
            self.idle_warning.show()

    def takes_card(self, event: CardEvent) -> bool:
        """A card read at the member's actions or on the registration form is this
        page's (True): the actions or the form take it, and supervisor mode stays."""
        if not self.active or self.supervisor is None or not isinstance(event, CARD_EVENTS):
            return False
        step = self.steps.currentWidget()
        if step is self.registration:
            self.registration.card_tapped(event)
        elif step is self.menu:
            self.member_actions.card_tapped(event)
        else:
            return False
        return True

    def step_back(self) -> bool:
        """Esc: a question asked is answered "no" (True); otherwise nothing (False: Esc
        closes supervisor mode)."""
        at_actions = self.active and self.steps.currentWidget() is self.menu
        return at_actions and self.member_actions.cancel_question()

    @Slot()
    def close_mode(self) -> None:
        if not self.active:
            return
        self.active = False
        self._idle.stop()
        self._warn.stop()
        self.idle_warning.hide()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.supervisor = None
        self._unknown = None
        self.auth.cancel_card_step()
        self.member_actions.stop()  # nothing left for the next supervisor: no question
        self.jobs.clear()
        self.parked.clear()
        self.lockouts.show_for(None)
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if not self.step_back():
                self.close_mode()
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.focusWidget() is self.reprint:
            self._on_reprint_clicked()  # the button says (Enter)
            return
        super().keyPressEvent(event)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    @Slot(object)
    def _on_auth_logged_in(self, who: StaffMember) -> None:
        self.supervisor = who
        if self._unknown is not None:
            self.steps.setCurrentWidget(self.registration)
            self.registration.start(who, self._unknown)
            return
        self._show_jobs()
        self._show_parked()
        self.lockouts.show_for(who)
        self.member_actions.start(who, self._card)
        self.steps.setCurrentIndex(1)
        self.member_actions.action_list.setFocus()

    @Slot()
    def _on_member_actions_performed(self) -> None:
        """An action was recorded: its receipt and the office's refusals, up to date."""
        if self.supervisor is not None:
            self._show_jobs()
            self._show_parked()

    def _show_jobs(self) -> None:
        assert self.supervisor is not None
        self.jobs.clear()
        statuses = {
            "waiting": self.tr("waiting"),
            "printing": self.tr("printing"),
            "printed": self.tr("printed"),
            "cancelled": self.tr("cancelled"),
        }
        try:
            jobs = supervisor.print_jobs(self._till.unit(self.supervisor))
        except SHOWN_ERRORS as exc:
            return self._fail(error_text(exc))
        kinds = self._kind_names()
        for job in jobs:
            # The title is the queue's own ("purchase #2", "shift till-1"): its kind in
            # the till's language, then the rest (the number, the till).
            _word, _, rest = job.title.partition(" ")
            title = f"{kinds.get(job.kind, job.kind)} {rest}".strip()
            text = f"{title} · {statuses.get(job.status.value, job.status.value)}"
            if job.last_error and job.status.value == "waiting":
                text += f" · {job.last_error}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            self.jobs.addItem(item)
        if self.jobs.count():
            self.jobs.setCurrentRow(0)

    def _kind_names(self) -> dict[str, str]:
        """Operation and receipt kinds in the till's language."""
        return self.member_actions.whose.kind_names()

    def _show_parked(self) -> None:
        assert self.supervisor is not None
        self.parked.clear()
        try:
            found = supervisor.parked_operations(self._till.unit(self.supervisor))
        except SHOWN_ERRORS as exc:
            return self._fail(error_text(exc))
        self.parked_label.setText(
            self.tr("Refused by the office, for review: %1").replace("%1", str(len(found)))
        )
        kinds = self._kind_names()
        for op in found:
            when = op.created_at[:16].replace("T", " ")
            kind = kinds.get(op.kind, op.kind)
            text = f"{op.seq} · {kind} · {when} · {translate_message(op.reason)}"
            item = QListWidgetItem(text)
            item.setToolTip(op.detail or op.code)
            item.setData(Qt.ItemDataRole.UserRole, op.id)
            self.parked.addItem(item)
        self.send_again.setEnabled(bool(found))
        if found:
            self.parked.setCurrentRow(0)

    @Slot(QListWidgetItem)
    def _on_parked_item_activated(self, _item: QListWidgetItem) -> None:
        self._on_send_again_clicked()

    @Slot()
    def _on_send_again_clicked(self) -> None:
        item = self.parked.currentItem()
        if item is None or self.supervisor is None:
            return
        try:
            supervisor.send_again(
                self._till.unit(self.supervisor), str(item.data(Qt.ItemDataRole.UserRole))
            )
        except SHOWN_ERRORS as exc:
            return self._fail(error_text(exc))
        self._show_parked()

    @Slot()
    def _on_close_shift_clicked(self) -> None:
        who = self.supervisor
        if who is not None:
            self.close_mode()
            self.close_shift_requested.emit(who)

    @Slot(QListWidgetItem)
    def _on_jobs_item_activated(self, _item: QListWidgetItem) -> None:
        self._on_reprint_clicked()

    @Slot()
    def _on_reprint_clicked(self) -> None:
        item = self.jobs.currentItem()
        if item is None or self.supervisor is None:
            return
        unit = self._till.unit(self.supervisor)
        if unit.receipts is None:  # a till without a printer has nothing to reprint
            return
        try:
            supervisor.reprint(unit, int(item.data(Qt.ItemDataRole.UserRole)))
        except SHOWN_ERRORS as exc:
            return self._fail(error_text(exc))
        self._show_jobs()
