"""Ready-made programs: the standard one the demo and new installations start with."""

from __future__ import annotations

from decimal import Decimal

from terminal.loyalty.money import Money, Rounding
from terminal.loyalty.program import Program
from terminal.loyalty.program_parts import BirthdayRule, CombineMode, Progressive, SpendBasis, Tier

_TIER_NAMES = {
    "bronze": ("Бронзовый", "Бронзовий", "Bronze"),
    "silver": ("Серебряный", "Срібний", "Silver"),
    "gold": ("Золотой", "Золотий", "Gold"),
    "platinum": ("Платиновый", "Платиновий", "Platinum"),
}


def _tier(code: str, name: str, threshold: int, pct: int) -> Tier:
    """A tier whose discount and points are both ``pct`` percent, named in ru, uk, en."""
    ru, uk, en = _TIER_NAMES[code]
    names = (("en", en), ("ru", ru), ("uk", uk))
    return Tier(code, name, Money.of(threshold), Decimal(pct), Decimal(pct), names)


def standard_program() -> Program:
    """Four tiers by lifetime spend (Platinum in two to three years of steady buying), a
    progressive discount for frequent buyers, points worth 1.00 each paying up to 30% of a
    receipt, double points and a gift around the birthday, 50 points for feedback."""
    return Program(
        code="standard",
        version=1,
        tiers=(
            _tier("bronze", "Bronze", 0, 3),
            _tier("silver", "Silver", 30_000, 5),
            _tier("gold", "Gold", 100_000, 7),
            _tier("platinum", "Platinum", 250_000, 10),
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
