"""The amount a cashier typed at the checkout, or why it is not one, in their words.

The texts keep the context they had in the checkout panel ("CheckoutPanel"), so that the
catalogues (resources/i18n/*.ts) still match: translate() with a literal context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from terminal.loyalty import AmountError, Money, Program
from terminal.ui.formats import money_text


def typed_amount(text: str, program: Program | None) -> Money | str:
    """The amount ``text`` says, or why it is not one (in words, with what to type): not
    a number, negative, more than two decimals, too large, zero, above the largest
    purchase ``program`` allows."""
    example = f"1234{QLocale().decimalPoint()}50"
    try:
        amount = Money.parse(text)
    except AmountError as exc:
        words = {
            "amount_negative": QCoreApplication.translate(
                "CheckoutPanel", "An amount cannot be negative: type what the goods cost."
            ),
            "amount_too_precise": QCoreApplication.translate(
                "CheckoutPanel", "At most two decimals, e.g. %1."
            ).replace("%1", example),
            "amount_too_large": QCoreApplication.translate(
                "CheckoutPanel", "That amount is far too large: check it."
            ),
        }
        return words.get(
            exc.code,
            QCoreApplication.translate(
                "CheckoutPanel", "Not an amount: type digits and one decimal separator, e.g. %1."
            ).replace("%1", example),
        )
    if not amount.is_positive():
        return QCoreApplication.translate("CheckoutPanel", "The amount must be more than zero.")
    if program is not None and amount > program.max_purchase:
        return QCoreApplication.translate(
            "CheckoutPanel",
            "Above the largest purchase the program allows (%1): check the amount.",
        ).replace("%1", money_text(program.max_purchase.amount))
    return amount
