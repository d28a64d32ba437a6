"""The end of a checkout: record what the cashier confirmed, say it is done (to pay,
points earned, balance), and show the receipt as the printer prints it.

A refusal (the transaction rolled back) stays on the checkout, to try again. A purchase a
supervisor confirmed (above the program's ``confirm_above``) is recorded with them, in the
audit log (terminal.services.checkout).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap

from terminal.loyalty import Money, Quote
from terminal.receipts.model import ReceiptData
from terminal.receipts.spool import Spooler
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.ui.checkout_panel import CheckoutPanel
from terminal.ui.errors import SHOWN_ERRORS, error_text
from terminal.ui.formats import money_text, points_text
from terminal.ui.screens import MessageKind, MessageScreen
from terminal.ui.session import Session
from terminal.ui.waiting import waiting_for_the_office

# The texts keep the context they had in the window ("MainWindow"), so that the
# catalogues (resources/i18n/*.ts) still match: translate() with a literal context.


def done_screen(q: Quote) -> MessageScreen:
    """The "done" message: what the member pays, earns and has left."""
    return MessageScreen(
        lambda: (
            QCoreApplication.translate(
                "MainWindow", "Done. To pay %1 · points earned %2 · balance %3"
            )
            .replace("%1", money_text(q.paid.amount))
            .replace("%2", points_text(q.points_earned))
            .replace("%3", points_text(q.balance_after))
        ),
        MessageKind.DONE,
    )


def receipt_png(spooler: Spooler, receipt: ReceiptData) -> bytes:
    """The receipt as ``spooler``'s printer prints it, as a PNG."""
    return spooler.preview(spooler.render_receipt(receipt))


def receipt_picture(png: bytes, height: int) -> QPixmap:
    """``png`` scaled to ``height`` pixels, for the screen."""
    image = QImage.fromData(png)
    return QPixmap.fromImage(image).scaledToHeight(
        height, Qt.TransformationMode.SmoothTransformation
    )


class CheckoutCompletion(QObject):
    """Records the checkout confirmed on ``checkout`` for the member on it.

    Signals:
    done(object): the MessageScreen saying the checkout is recorded (done_screen).
    receipt_drawn(object): the PNG (bytes) of its receipt, when there is a printer.
    """

    done = Signal(object)
    receipt_drawn = Signal(object)

    def __init__(
        self,
        till: Till,
        checkout: CheckoutPanel,
        session: Session,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._till = till
        self._checkout = checkout
        self._session = session
        checkout.confirmed.connect(self._on_checkout_confirmed)

    @Slot(object, object, object)
    def _on_checkout_confirmed(
        self, amount: Money, spend: Decimal, supervisor: StaffMember | None
    ) -> None:
        view = self._checkout.view
        if view is None:
            return
        unit = self._till.unit(self._session.staff)  # a purchase records who was on duty
        try:
            with waiting_for_the_office():  # a spend: at most the office's deadline
                result = checkout(
                    unit, CardKey(card_id=view.card_id), amount, spend, confirmed_by=supervisor
                )
        except SHOWN_ERRORS as exc:  # rolled back: the checkout stays on screen to retry
            self._checkout.show_error(error_text(exc))
            return
        self.done.emit(done_screen(result.quote))  # recorded: say so before drawing
        spooler = self._till.receipts
        if result.receipt is not None and spooler is not None:
            self.receipt_drawn.emit(receipt_png(spooler, result.receipt))
