"""The member on screen beside their checkout.

A card read during a checkout that is no member's (a staff card, a bank card, a torn
read) is said in the checkout, in red, and the checkout keeps its amount, its question
or its supervisor's confirmation: the message page would throw them away.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from terminal.ui.checkout_panel import CheckoutPanel
from terminal.ui.member_panel import MemberPanel
from terminal.ui.screens import MessageScreen

MEMBER_MIN_PX = 250  # the member's column, at least (800×600: about a third)


class MemberPage(QWidget):
    def __init__(
        self, member: MemberPanel, checkout: CheckoutPanel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.member, self.checkout = member, checkout
        # Its words wrap: the height Qt asks for it at its narrowest would be the page's
        # (a long name, birthday and tier on 800×600); never narrower than a third.
        member.setMinimumWidth(MEMBER_MIN_PX)
        layout = QHBoxLayout(self)
        layout.addWidget(member, 1)
        layout.addWidget(checkout, 1)

    def tell(self, screen: MessageScreen) -> bool:
        """Say ``screen``'s message in the checkout under way, if one is (an amount
        typed); False: no checkout to keep, the message page may show it."""
        checkout = self.checkout
        if not checkout.in_progress:
            return False
        if checkout.confirming:
            checkout.confirmation.tell(screen.text())
        else:
            checkout.show_error(screen.text())
        return True
