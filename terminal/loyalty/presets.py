"""Ready-made programs: the standard one the demo and new installations start with."""

from __future__ import annotations

from decimal import Decimal

from terminal.loyalty.money import Money, Rounding
from terminal.loyalty.program import Program
from terminal.loyalty.program_parts import BirthdayRule, CombineMode, Progressive, SpendBasis, Tier


def standard_program() -> Program:
    """Four tiers by lifetime spend (Platinum in two to three years of steady buying), a
    progressive discount for frequent buyers, points worth 1.00 each paying up to 30% of a
    receipt, double points and a gift around the birthday, 50 points for feedback."""
    return Program(
        code="standard",
        version=1,
        tiers=(
            Tier("bronze", "Bronze", Money.of(0), Decimal(3), Decimal(3)),
            Tier("silver", "Silver", Money.of(30_000), Decimal(5), Decimal(5)),
            Tier("gold", "Gold", Money.of(100_000), Decimal(7), Decimal(7)),
            Tier("platinum", "Platinum", Money.of(250_000), Decimal(10), Decimal(10)),
        ),
        spend_basis=SpendBasis.LIFETIME,
        progressive=Progressive(step_pct=Decimal(1), every_n=10, cap_pct=Decimal(5)),
        combine=CombineMode.BEST_OF,
        max_discount_pct=Decimal(15),
        earn_min_purchase=Money.of(100),
        spend_max_share_pct=Decimal(30),
        point_value=Decimal(1),
        points_quantum=Decimal(1),
        discount_rounding=Rounding.HALF_UP,
        earn_rounding=Rounding.DOWN,
        birthday=BirthdayRule(days_before=3, days_after=3, earn_multiplier=Decimal(2), gift=True),
        feedback_points=Decimal(50),
    )
