"""Sample receipts of every layout: for `print-preview`, the docs' PNGs and the tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from terminal.loyalty import Money
from terminal.receipts.model import AmountLine, ReceiptData, ReceiptKind, ShiftReport
from terminal.receipts.texts import t

KINDS = ("purchase", "spend", "gift", "return", "adjustment", "shift")
AT = datetime(2026, 11, 22, 10, 30)
OP_ID = "5f0c1a2e-8d4b-4c7e-9a61-2b3c4d5e6f70"


def sample(kind: str, language: str = "ru") -> ReceiptData | ShiftReport:
    """A realistic receipt of ``kind`` (one of :data:`KINDS`) with Cyrillic names."""
    name = "Ганна Іванівна" if language == "uk" else "Анна Ивановна"
    if kind == "shift":
        return ShiftReport(
            till="till-1",
            cashier="Петрова Ю.",
            opened_at=AT.replace(hour=8),
            closed_at=AT.replace(hour=20),
            operations=59,
            purchases=49,
            returns=3,
            gifts=5,
            adjustments=2,
            sales=Money.parse("123456.70"),
            discounts=Money.parse("6172.84"),
            paid=Money.parse("114893.86"),
            returned=Money.parse("2390.00"),
            points_earned=Decimal("5744.5"),
            points_spent=Decimal("1830"),
            unsent=2,
            points_added=Decimal("200"),
            points_removed=Decimal("35"),
        )
    k = ReceiptKind(kind)
    base = ReceiptData(
        kind=k,
        operation_id=OP_ID,
        seq=1042,
        created_at=AT,
        cashier="Петрова Ю.",
        member_name=name,
        card_tail="4821",
    )
    if k is ReceiptKind.PURCHASE:
        return replace(
            base,
            birthday=True,
            amount=Money.parse("2450.00"),
            lines=(AmountLine(t(language, "discount", pct="5"), -Money.parse("122.50")),),
            total=Money.parse("2327.50"),
            points_earned=Decimal("116"),
            balance_after=Decimal("1316"),
            tier="Золотой",
        )
    if k is ReceiptKind.SPEND:
        return replace(
            base,
            amount=Money.parse("1000.00"),
            lines=(
                AmountLine(t(language, "discount", pct="3"), -Money.parse("30.00")),
                AmountLine(t(language, "points_paid"), -Money.parse("300.00")),
            ),
            total=Money.parse("670.00"),
            points_spent=Decimal("300"),
            points_earned=Decimal("33.5"),
            balance_after=Decimal("1049.5"),
            tier="Серебряный",
        )
    if k is ReceiptKind.GIFT:
        return replace(
            base,
            birthday=True,
            gift_name="Кружка «Юбилейная»",
            points_spent=Decimal("500"),
            balance_after=Decimal("816"),
        )
    if k is ReceiptKind.RETURN:
        return replace(
            base,
            reverses="0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b",
            amount=Money.parse("450.00"),
            total=Money.parse("427.50"),
            points_spent=Decimal("0"),
            points_earned=Decimal("21"),
            balance_after=Decimal("1295"),
        )
    return replace(
        base,
        points_earned=Decimal("200"),
        balance_after=Decimal("1516"),
        note="компенсация за ожидание",
    )
