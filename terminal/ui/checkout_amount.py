"""The amount a cashier typed at the checkout, or why it is not one, in their words; the
points they typed; the number pad that types both (terminal.ui.numpad).

The texts keep the context they had in the checkout panel ("CheckoutPanel"), so that the
catalogues (resources/i18n/*.ts) still match: translate() with a literal context.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLineEdit

from terminal.loyalty import AmountError, LoyaltyError, Money, Program
from terminal.services.checkout import preview
from terminal.services.identify import MemberView
from terminal.services.points_input import BadPoints, parse_spend, points_input_text
from terminal.services.unit import Unit
from terminal.ui.errors import error_text
from terminal.ui.formats import money_text
from terminal.ui.numpad import NumberPad


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
                "CheckoutPanel", "At most two decimals: type e.g. %1."
            ).replace("%1", example),
            "amount_too_large": QCoreApplication.translate(
                "CheckoutPanel", "That amount is far too large: check it, type what the goods cost."
            ),
        }
        return words.get(
            exc.code,
            QCoreApplication.translate(
                "CheckoutPanel", "Not an amount: type digits and one decimal separator, e.g. %1."
            ).replace("%1", example),
        )
    if not amount.is_positive():
        return QCoreApplication.translate(
            "CheckoutPanel", "The amount must be more than zero: type what the goods cost."
        )
    if program is not None and amount > program.max_purchase:
        return QCoreApplication.translate(
            "CheckoutPanel",
            "Above the largest purchase the program allows (%1): check the amount.",
        ).replace("%1", money_text(program.max_purchase.amount))
    return amount


def typed_spend(text: str) -> Decimal | None:
    """The points to spend ``text`` says (None: not a number of points)."""
    try:
        return parse_spend(text)
    except BadPoints:
        return None


def amount_pad(amount: QLineEdit, points: QLineEdit) -> NumberPad:
    """The checkout's number pad: it types the amount (money: with the decimal
    separator) and the points to spend (without it)."""
    pad = NumberPad(decimal=True)
    pad.serve(amount, money=True)
    pad.serve(points)
    return pad


def spend_refusal(exc: LoyaltyError, unit: Unit, view: MemberView, amount: Money) -> str:
    """Why the points typed cannot be spent on ``amount``, with what to type instead."""
    program, point = unit.program, QLocale().decimalPoint()
    if exc.code == "points_over_limit":
        most = preview(unit, view, amount, Decimal(0)).max_spend_points
        return QCoreApplication.translate(
            "CheckoutPanel", "At most %1 points can pay for this receipt: type %1 or fewer."
        ).replace("%1", points_input_text(most, point))
    if exc.code == "points_not_multiple" and program is not None:
        return QCoreApplication.translate(
            "CheckoutPanel", "Points are spent in steps of %1: type a multiple of %1."
        ).replace("%1", points_input_text(program.points_quantum, point))
    if exc.code == "points_not_allowed":
        return QCoreApplication.translate(
            "CheckoutPanel", "A bearer card cannot pay with points: leave 0."
        )
    return error_text(exc)
