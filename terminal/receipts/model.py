"""What a receipt says, as plain values: the layouts need no database and no rules.

:func:`from_quote` fills a purchase receipt from a loyalty :class:`~terminal.loyalty.Quote`.
Money is :class:`~terminal.loyalty.Money` (Decimal), points are Decimal.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from terminal.loyalty import Money, Quote
from terminal.receipts.texts import t

ZERO = Money.zero()


class ReceiptKind(enum.Enum):
    PURCHASE = "purchase"
    SPEND = "spend"  # a purchase paid (partly) with points
    GIFT = "gift"
    RETURN = "return"
    ADJUSTMENT = "adjustment"


@dataclass(frozen=True, slots=True)
class AmountLine:
    """One line of the sums: ``label`` in the receipt's language, and its amount
    (negative for what is taken off)."""

    label: str
    amount: Money


@dataclass(frozen=True, slots=True)
class ReceiptData:
    kind: ReceiptKind
    operation_id: str
    seq: int
    created_at: datetime
    cashier: str | None = None
    member_name: str | None = None  # how the member is addressed; None: no member
    card_tail: str | None = None  # the last digits of the card, never the whole number
    birthday: bool = False
    amount: Money | None = None  # the goods
    lines: tuple[AmountLine, ...] = ()  # discounts, points paid: between amount and total
    total: Money | None = None  # paid (or refunded for a return)
    points_earned: Decimal = Decimal(0)
    points_spent: Decimal = Decimal(0)  # for a return: points given back to the member
    balance_after: Decimal | None = None
    tier: str | None = None
    gift_name: str | None = None
    reverses: str | None = None  # a return: the original operation's id
    note: str | None = None  # an adjustment's reason
    copy: bool = False  # a reprint


@dataclass(frozen=True, slots=True)
class ShiftReport:
    till: str
    cashier: str | None
    opened_at: datetime
    closed_at: datetime
    operations: int = 0
    purchases: int = 0
    returns: int = 0
    gifts: int = 0
    sales: Money = ZERO
    discounts: Money = ZERO
    paid: Money = ZERO
    returned: Money = ZERO
    points_earned: Decimal = Decimal(0)
    points_spent: Decimal = Decimal(0)
    unsent: int = 0  # operations the office has not acknowledged yet
    adjustments: int = 0
    points_added: Decimal = Decimal(0)  # by adjustments
    points_removed: Decimal = Decimal(0)  # by adjustments (a positive figure)


def from_quote(
    quote: Quote,
    *,
    operation_id: str,
    seq: int,
    created_at: datetime,
    language: str = "ru",
    cashier: str | None = None,
    member_name: str | None = None,
    card_tail: str | None = None,
) -> ReceiptData:
    """The receipt of a purchase worked out by the rules (SPEND when points paid part)."""
    lines: list[AmountLine] = []
    if quote.discount.is_positive():
        pct = quote.discount_pct.normalize()
        label = (
            t(language, "discount", pct=f"{pct:f}")
            if quote.discount_pct > 0
            else t(language, "discount_plain")
        )
        lines.append(AmountLine(label, -quote.discount))
    points_money = quote.payable_before_points - quote.paid
    if points_money.is_positive():
        lines.append(AmountLine(t(language, "points_paid"), -points_money))
    return ReceiptData(
        kind=ReceiptKind.SPEND if quote.points_spent > 0 else ReceiptKind.PURCHASE,
        operation_id=operation_id,
        seq=seq,
        created_at=created_at,
        cashier=cashier,
        member_name=member_name,
        card_tail=card_tail,
        birthday=quote.birthday,
        amount=quote.amount,
        lines=tuple(lines),
        total=quote.paid,
        points_earned=quote.points_earned,
        points_spent=quote.points_spent,
        balance_after=quote.balance_after,
        tier=quote.tier_after.name_in(language),
    )
