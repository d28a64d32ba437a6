"""Checkout, keyboard first: type the amount, Enter; points to spend start at 0 and are
spent only when the customer asks (type them, or F4: the most the program allows); the
quote's lines; Enter confirms, Esc cancels. A wrong amount is refused with its own reason
(not a number, negative, zero, more than two decimals, above the program's largest
purchase), and leaves no quote and no points behind."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from terminal.loyalty import AmountError, LoyaltyError, Money, Quote
from terminal.services.checkout import preview
from terminal.services.identify import MemberView
from terminal.services.points_input import BadPoints, parse_spend, points_input_text
from terminal.services.receipt_preview import preview_receipt
from terminal.services.till import Till
from terminal.ui.explanations import explanation_text
from terminal.ui.formats import money_text, points_text
from terminal.ui.widgets import Button


class CheckoutPanel(QWidget):
    """Signals:
    confirmed(object, object): the amount (Money) and points to spend (Decimal) to record.
    cancelled(): the cashier gave up on this checkout.
    """

    confirmed = Signal(object, object)
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
        self.preview = QLabel()  # the receipt before printing, from the printer's bytes
        self._zoom = 1.0  # the preview's size: Ctrl+ and Ctrl- while it is shown
        self._receipt = QImage()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.hide()
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.replace_prompt)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_no)
        replace_row.addWidget(self.replace_yes)
        layout.addLayout(replace_row)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.preview, 3)
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
        """Set every text again in the current language (and re-explain the quote)."""
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

    def ask_replace(self, view: MemberView) -> None:
        """Another member's card was read during this checkout: ask before replacing it
        (Enter: replace; Esc: keep the checkout and what is typed)."""
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
        for w in (self.replace_prompt, self.replace_yes, self.replace_no):
            w.setVisible(pending is not None)
        if pending is None:
            return
        if self.preview.isVisible():  # the question takes the receipt's room
            self.preview.hide()
            self.lines.show()

        def name(v: MemberView | None) -> str:
            member = None if v is None else v.member
            return self.tr("a card without a member") if member is None else member.full_name

        self.replace_prompt.setText(
            self.tr("Another card was read: %1. Replace %2 in this checkout?")
            .replace("%1", name(pending))
            .replace("%2", name(current))
        )

    def start(self, view: MemberView | None) -> None:
        """A new checkout for ``view`` (None: nothing to check out)."""
        self._pending = None
        self._show_replace_prompt()
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
            step = 0.8 if event.key() == Qt.Key.Key_Minus else 1.25
            self._zoom = min(2.5, max(0.5, self._zoom * step))
            self._draw_preview()
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

    def _amount(self) -> Money | str:
        """The amount typed, or why it is not one (in words, with what to type)."""
        example = f"1234{QLocale().decimalPoint()}50"
        try:
            amount = Money.parse(self.amount.text())
        except AmountError as exc:
            words = {
                "amount_negative": self.tr(
                    "An amount cannot be negative: type what the goods cost."
                ),
                "amount_too_precise": self.tr("At most two decimals, e.g. %1.").replace(
                    "%1", example
                ),
                "amount_too_large": self.tr("That amount is far too large: check it."),
            }
            return words.get(
                exc.code,
                self.tr("Not an amount: type digits and one decimal separator, e.g. %1.").replace(
                    "%1", example
                ),
            )
        if not amount.is_positive():
            return self.tr("The amount must be more than zero.")
        program = self._till.unit().program
        if program is not None and amount > program.max_purchase:
            return self.tr(
                "Above the largest purchase the program allows (%1): check the amount."
            ).replace("%1", money_text(program.max_purchase.amount))
        return amount

    def _spend(self) -> Decimal | None:
        try:
            return parse_spend(self.points.text())
        except BadPoints:
            return None

    def _requote(self, spend: Decimal | None, prefill: bool) -> None:
        view, amount = self._view, self._amount()
        self._quote = None
        self.confirm.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.spend_all.setEnabled(False)
        self.preview.hide()
        self.lines.show()
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
            spend = self._spend()
            if spend is None:
                spend = Decimal(0)
                self.points.setText("0")
        if spend is None:
            self.show_error(self.tr("Points: type a number"))
            return
        try:
            q = preview(self._till.unit(), view, amount, spend)
        except LoyaltyError as exc:
            self.show_error(str(exc))
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
        self.preview_button.setEnabled(self._till.receipts is not None)

    def _toggle_preview(self) -> None:
        """Show the receipt this checkout will print, drawn from the printer's bytes, in
        the room of the quote's lines (F2 again: the lines back)."""
        spooler, q, view = self._till.receipts, self._quote, self._view
        if spooler is None or q is None or view is None or self.preview.isVisible():
            self.preview.hide()
            self.lines.show()
            return
        data = preview_receipt(
            q, view, created_at=self._till.clock.now(), language=spooler.receipt.language
        )
        self._receipt = QImage.fromData(spooler.preview(spooler.render_receipt(data)))
        self._zoom = 1.0
        self.lines.hide()
        self.preview.show()
        self._draw_preview()

    def _draw_preview(self) -> None:
        """The receipt as tall as the window allows (readable at arm's length), times
        the zoom; wider than the panel only when zoomed in."""
        room = max(300, self.window().height() - 260)
        height = int(room * self._zoom)
        self.preview.setPixmap(
            QPixmap.fromImage(self._receipt).scaledToHeight(
                height, Qt.TransformationMode.SmoothTransformation
            )
        )

    def _confirm(self) -> None:
        q = self._quote
        if q is not None and self.confirm.isEnabled():
            self.confirmed.emit(q.amount, q.points_spent)

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
        self._requote(self._spend(), prefill=False)

    @Slot()
    def _on_points_return_pressed(self) -> None:
        self._confirm()

    @Slot()
    def _on_confirm_clicked(self) -> None:
        self._confirm()
