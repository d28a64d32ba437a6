"""Checkout, keyboard first (or the number pad beside the quote's lines, on a touch screen):
type the amount, Enter; points to spend start at 0 and are spent only when asked (typed,
or F4: the most the program allows); the quote's lines; Enter confirms, Esc cancels. A
wrong amount or number of points is refused with its reason and what to type, leaving no
quote and no points. Above the program's ``confirm_above``, a supervisor's PIN first
(Esc: back, what was typed kept; terminal.ui.checkout_confirmation)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from terminal.loyalty import LoyaltyError, Quote
from terminal.services.checkout import needs_supervisor, preview
from terminal.services.identify import MemberView
from terminal.services.points_input import points_input_text
from terminal.services.receipt_preview import preview_receipt
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.ui.checkout_amount import amount_pad, spend_refusal, typed_amount, typed_spend
from terminal.ui.checkout_confirmation import SupervisorConfirmation
from terminal.ui.checkout_preview import ReceiptPreview
from terminal.ui.explanations import explanation_text
from terminal.ui.formats import money_text, points_text
from terminal.ui.numpad import beside_pad, step_aside
from terminal.ui.widgets import Button, Pages


class CheckoutPanel(QWidget):
    """Signals:
    confirmed(object, object, object): the amount (Money) and points to spend (Decimal)
        to record, and the supervisor (StaffMember) who confirmed a purchase above the
        program's ``confirm_above`` (None: none was needed).
    cancelled(): the cashier gave up on this checkout.
    """

    confirmed = Signal(object, object, object)
    cancelled = Signal()
    replace_confirmed = Signal(object)  # the MemberView of the card read meanwhile

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._till = till
        self._view: MemberView | None = None
        self._quote: Quote | None = None
        self.amount = QLineEdit()
        self.points = QLineEdit()
        self.amount_label = QLabel()
        self.points_label = QLabel()
        self.error = QLabel(objectName="problem", wordWrap=True)
        self.lines = QListWidget(wordWrap=True)
        self.total = QLabel(objectName="total")
        self.earned = QLabel()
        self.confirm = Button(objectName="primary")
        self.cancel = Button()
        self.preview_button = Button()
        self.spend_all = Button()  # F4: the most the program allows
        # A card read while a checkout is under way: asked about, never taken silently.
        self._pending: MemberView | None = None
        self.replace_prompt = QLabel(objectName="problem", wordWrap=True)
        self.replace_yes = Button(objectName="primary")
        self.replace_no = Button()
        for w in (self.replace_prompt, self.replace_yes, self.replace_no):
            w.hide()
        self.replace_yes.clicked.connect(self._on_replace_yes_clicked)
        self.replace_no.clicked.connect(self._on_replace_no_clicked)
        self.preview = ReceiptPreview()  # the receipt before printing (F2)
        form = QFormLayout()
        form.addRow(self.amount_label, self.amount)
        points_row = QHBoxLayout()
        points_row.addWidget(self.points, 1)
        points_row.addWidget(self.spend_all, 0)
        form.addRow(self.points_label, points_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.confirm)
        # The form, and in its place the supervisor's confirmation of a large purchase.
        self.form = QWidget()
        self.confirmation = SupervisorConfirmation(till)
        self.confirmation.confirmed.connect(self._on_confirmation_confirmed)
        self.confirmation.back.connect(self.back_to_form)
        self.steps = Pages()
        self.steps.addWidget(self.form)
        self.steps.addWidget(self.confirmation)
        QVBoxLayout(self).addWidget(self.steps)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.replace_prompt)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_no)
        replace_row.addWidget(self.replace_yes)
        layout.addLayout(replace_row)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.pad = amount_pad(self.amount, self.points)  # beside the lines, for touch
        layout.addLayout(beside_pad(self.pad, (self.lines, 1), (self.preview, 3)), 1)
        layout.addWidget(self.total)
        layout.addWidget(self.earned)
        layout.addLayout(buttons)
        self.amount.textEdited.connect(self._on_amount_text_edited)
        self.amount.returnPressed.connect(self._on_amount_return_pressed)
        self.points.textEdited.connect(self._on_points_text_edited)
        self.points.returnPressed.connect(self._on_points_return_pressed)
        self.confirm.clicked.connect(self._on_confirm_clicked)
        self.cancel.clicked.connect(self.cancelled)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.spend_all.clicked.connect(self._on_spend_all_clicked)
        self.retranslate()
        self.start(None)

    def retranslate(self) -> None:
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.amount_label.setText(self.tr("Amount"))
        self.points_label.setText(self.tr("Points to spend"))
        self.confirm.setText(self.tr("Confirm (Enter)"))
        self.cancel.setText(self.tr("Cancel (Esc)"))
        self.preview_button.setText(self.tr("Receipt (F2)"))
        self.spend_all.setText(self.tr("All (F4)"))
        self.replace_yes.setText(self.tr("Replace (Enter)"))
        self.replace_no.setText(self.tr("Keep this checkout (Esc)"))
        self._show_replace_prompt()
        if self._view is not None and self._quote is not None:
            self._requote(self._quote.points_spent, prefill=False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def in_progress(self) -> bool:
        """Whether an amount is typed: a checkout a card read must not replace silently."""
        return self._view is not None and bool(self.amount.text().strip())

    @property
    def asking(self) -> bool:
        """Whether the panel asks if a card read meanwhile replaces this checkout."""
        return self._pending is not None

    @property
    def confirming(self) -> bool:
        """Whether the panel waits for a supervisor's PIN to record a large purchase."""
        return self.steps.currentWidget() is self.confirmation

    def back_to_form(self) -> None:
        """Leave the supervisor's confirmation: the form, with what was typed in it."""
        self.confirmation.cancel()
        self.steps.setCurrentWidget(self.form)
        if self.amount.isEnabled():
            self.amount.setFocus()

    def ask_replace(self, view: MemberView) -> None:
        """Another member's card was read during this checkout: ask before replacing it
        (Enter: replace; Esc: keep the checkout and what is typed)."""
        if self.confirming:  # the question is the form's
            self.back_to_form()
        self._pending = view
        self._show_replace_prompt()
        self.replace_yes.setFocus()

    def decline_replace(self) -> None:
        """Keep the checkout on screen, with what was typed."""
        self._pending = None
        self._show_replace_prompt()
        self.amount.setFocus()

    def _show_replace_prompt(self) -> None:
        pending, current = self._pending, self._view
        if pending is not None:  # the question takes the receipt's room, the lines'
            self.preview.hide()
        self.lines.setVisible(pending is None and self.preview.isHidden())  # and the pad's
        step_aside(self.pad, pending is not None)  # (first: the window never grows)
        receipts = self._till.receipts is not None and self._quote is not None
        self.preview_button.setEnabled(pending is None and receipts)  # F2 answers no more

        def name(v: MemberView | None) -> str:
            member = None if v is None else v.member
            return self.tr("a card without a member") if member is None else member.full_name

        self.replace_prompt.setText(
            ""
            if pending is None
            else self.tr("Another card was read: %1. Replace %2 in this checkout?")
            .replace("%1", name(pending))
            .replace("%2", name(current))
        )
        for w in (self.replace_prompt, self.replace_yes, self.replace_no):
            w.setVisible(pending is not None)

    def start(self, view: MemberView | None) -> None:
        """A new checkout for ``view`` (None: nothing to check out)."""
        self._pending = None
        self._show_replace_prompt()
        self.confirmation.cancel()
        self.steps.setCurrentWidget(self.form)
        self._view = view
        self._quote = None
        self.preview.hide()
        self.lines.show()
        self.amount.clear()
        self.points.setText("0")
        self.points.setEnabled(False)
        self.spend_all.setEnabled(False)
        self.lines.clear()
        self.total.clear()
        self.earned.clear()
        self.show_error(None)
        self.confirm.setEnabled(False)
        usable = view is not None and view.usable
        self.amount.setEnabled(usable)
        if usable:
            self.amount.setFocus()

    @property
    def view(self) -> MemberView | None:
        """The member being checked out (None: nothing to check out)."""
        return self._view

    @property
    def quote(self) -> Quote | None:
        return self._quote

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.confirming:  # the log-in page has the keys; Esc goes back to the form
            if event.key() == Qt.Key.Key_Escape:
                self.back_to_form()
            else:
                super().keyPressEvent(event)
            return
        if self._pending is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_replace_yes_clicked()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        if event.key() == Qt.Key.Key_F2:
            self._toggle_preview()
            return
        if event.key() == Qt.Key.Key_F4:
            self.spend_maximum()
            return
        zoom_keys = (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if self.preview.isVisible() and ctrl and event.key() in zoom_keys:  # Ctrl+ / Ctrl-
            self.preview.zoom(event.key() != Qt.Key.Key_Minus)
            return
        super().keyPressEvent(event)

    def show_error(self, text: str | None) -> None:
        """Say why the checkout cannot go ahead (None: nothing to say)."""
        self.error.setVisible(bool(text))
        self.error.setText(text or "")

    def spend_maximum(self) -> None:
        """F4: the customer asks to spend all the points the program allows here."""
        if self._quote is None or self._quote.max_spend_points <= 0:
            return
        spend = self._quote.max_spend_points
        # Plain digits, as parse_points reads them back (no locale grouping).
        self.points.setText(points_input_text(spend, QLocale().decimalPoint()))
        self._requote(spend, prefill=False)
        self.points.setFocus()

    def _requote(self, spend: Decimal | None, prefill: bool) -> None:
        view, amount = self._view, typed_amount(self.amount.text(), self._till.unit().program)
        self._quote = None
        self.confirm.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.spend_all.setEnabled(False)
        self.preview.hide()
        self.lines.setVisible(self._pending is None)  # a question keeps their room
        self.lines.clear()
        self.total.clear()
        self.earned.clear()
        if view is None or isinstance(amount, str):
            # No amount, no points: nothing typed before stays to be spent later.
            self.points.setText("0")
            self.points.setEnabled(False)
            self.show_error(amount if isinstance(amount, str) and self.amount.text() else None)
            return
        if prefill:  # a new amount: the points typed before still stand, if any
            spend = typed_spend(self.points.text())
            if spend is None:
                spend = Decimal(0)
                self.points.setText("0")
        if spend is None:
            self.show_error(self.tr("Points: type a number"))
            return
        try:
            q = preview(self._till.unit(), view, amount, spend)
        except LoyaltyError as exc:  # the points: why not, and what to type instead
            self.show_error(spend_refusal(exc, self._till.unit(), view, amount))
            return
        self.show_error(None)
        self._quote = q
        self.points.setEnabled(q.max_spend_points > 0)
        self.spend_all.setEnabled(q.max_spend_points > q.points_spent)
        self.lines.addItems([explanation_text(line) for line in q.lines])
        self.total.setText(self.tr("To pay: %1").replace("%1", money_text(q.paid.amount)))
        self.earned.setText(
            self.tr("Points earned: %1 · balance after: %2")
            .replace("%1", points_text(q.points_earned))
            .replace("%2", points_text(q.balance_after))
        )
        self.confirm.setEnabled(True)
        self.preview_button.setEnabled(self._till.receipts is not None and self._pending is None)

    def _toggle_preview(self) -> None:
        """Show the receipt this checkout will print, drawn from the printer's bytes, in
        the room of the quote's lines (F2 again: the lines back)."""
        spooler, q, view = self._till.receipts, self._quote, self._view
        if self._pending is not None:
            return  # the question first
        if spooler is None or q is None or view is None or self.preview.isVisible():
            self.preview.hide()
            self.lines.show()
            return
        data = preview_receipt(
            q, view, created_at=self._till.clock.now(), language=spooler.receipt.language
        )
        self.lines.hide()
        self.preview.show_receipt(spooler.preview(spooler.render_receipt(data)))

    def _confirm(self) -> None:
        q = self._quote
        if q is None or not self.confirm.isEnabled():
            return
        program = self._till.unit().program
        if program is not None and needs_supervisor(program, q.amount):
            assert program.confirm_above is not None
            self.steps.setCurrentWidget(self.confirmation)
            self.confirmation.ask(q.amount, program.confirm_above)
            return
        self.confirmed.emit(q.amount, q.points_spent, None)

    @Slot(object)
    def _on_confirmation_confirmed(self, supervisor: StaffMember) -> None:
        q = self._quote
        self.back_to_form()  # a refusal is said on the form, to try again
        if q is not None:
            self.confirmed.emit(q.amount, q.points_spent, supervisor)

    @Slot()
    def _on_replace_yes_clicked(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.replace_confirmed.emit(pending)

    @Slot()
    def _on_replace_no_clicked(self) -> None:
        self.decline_replace()

    @Slot()
    def _on_spend_all_clicked(self) -> None:
        self.spend_maximum()

    @Slot()
    def _on_preview_button_clicked(self) -> None:
        self._toggle_preview()

    @Slot(str)
    def _on_amount_text_edited(self, _text: str) -> None:
        self._requote(None, prefill=True)

    @Slot()
    def _on_amount_return_pressed(self) -> None:
        if self._pending is not None:  # Enter answers the question first
            self._on_replace_yes_clicked()
            return
        if self._quote is None:
            return
        if self.points.isEnabled():
            self.points.setFocus()
            self.points.selectAll()
        else:
            self._confirm()

    @Slot(str)
    def _on_points_text_edited(self, _text: str) -> None:
        self._requote(typed_spend(self.points.text()), prefill=False)

    @Slot()
    def _on_points_return_pressed(self) -> None:
        self._confirm()

    @Slot()
    def _on_confirm_clicked(self) -> None:
        self._confirm()
