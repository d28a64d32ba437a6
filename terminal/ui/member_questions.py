"""The question supervisor mode asks before it blocks a card, adjusts points, replaces a
card or returns a purchase: the figures, then Confirm (Enter) or Cancel (Esc); what was
typed stays either way."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from terminal.loyalty import Money, ReturnQuote
from terminal.services.identify import MemberView
from terminal.services.member_summary import AdjustmentRoom
from terminal.services.return_lookup import PurchaseToReturn
from terminal.ui.formats import money_text, points_text
from terminal.ui.whose_card import masked_tail, signed_points
from terminal.ui.widgets import Button


def _name(view: MemberView) -> str:
    return view.member.full_name if view.member is not None else masked_tail(view)


class Question(QWidget):
    """The question and its two buttons (hidden when nothing is asked).

    Signals:
    confirmed(): Confirm was pressed.
    cancelled(): Cancel was pressed.
    """

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(objectName="figure", wordWrap=True)
        self._over: list[QWidget] = []  # hidden while asking
        self.confirm = Button(objectName="primary")
        self.cancel = Button()
        layout = QVBoxLayout(self)  # one above the other: the form's column is narrow
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.confirm)
        layout.addWidget(self.cancel)
        self.confirm.clicked.connect(self.confirmed)
        self.cancel.clicked.connect(self.cancelled)
        self.retranslate()
        self.hide()

    def ask(self, text: str, over: Sequence[QWidget]) -> None:
        """Ask ``text``; the widgets of ``over`` not hidden are hidden meanwhile (what was
        typed in them stays; the question says it): room for the figures on 800×600."""
        self.text.setText(text)
        self._over = [w for w in over if not w.isHidden()]
        for w in self._over:
            w.hide()
        self.show()

    def end(self) -> None:
        """The question answered: hidden, the widgets it hid shown again."""
        self.hide()
        for w in self._over:
            w.show()
        self._over = []

    def retranslate(self) -> None:
        self.confirm.setText(self.tr("Confirm (Enter)"))
        self.cancel.setText(self.tr("Cancel (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the questions -----------------------------------------------------------------
    def block(self, view: MemberView, reason: str) -> str:
        return (
            self.tr("Block card %1 of %2? Reason: %3.")
            .replace("%1", masked_tail(view))
            .replace("%2", _name(view))
            .replace("%3", reason.strip())
        )

    def adjust(self, view: MemberView, delta: Decimal, room: AdjustmentRoom) -> str:
        text = self.tr("Add %1 points to %2: balance %3 → %4?") if delta > 0 else None
        if text is None:
            text = self.tr("Take %1 points from %2: balance %3 → %4?")
        return (
            (
                text.replace("%1", signed_points(delta) if delta > 0 else points_text(-delta))
                .replace("%2", _name(view))
                .replace("%3", points_text(view.balance))
                .replace("%4", points_text(view.balance + delta))
            )
            + " "
            + self.room(room)
        )

    def room(self, room: AdjustmentRoom) -> str:
        return (
            self.tr("The office's limit: %1 points in one adjustment, %2 left today.")
            .replace("%1", points_text(room.per_operation))
            .replace("%2", points_text(room.left_today))
        )

    def replace(self, view: MemberView, new_card: str) -> str:
        return (
            self.tr("Replace card %1 of %2 with the new card %3? The old card stops working.")
            .replace("%1", masked_tail(view))
            .replace("%2", _name(view))
            .replace("%3", new_card)
        )

    def ret(self, found: PurchaseToReturn, quote: ReturnQuote, above: Money | None) -> str:
        text = (
            self.tr("Return %1 of purchase %2: give back %3?")
            .replace("%1", money_text(quote.returning.amount))
            .replace("%2", str(found.seq))
            .replace("%3", money_text(quote.refund_money.amount))
        )
        if above is not None and quote.returning > above:
            text += " " + self.tr(
                "This is more than %1: check the amount against the receipt."
            ).replace("%1", money_text(above.amount))
        return text
