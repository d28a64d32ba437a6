"""Tiers by spend: which tier a member is in, and how far the next one is."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from terminal.loyalty.member import MemberState
from terminal.loyalty.money import Money
from terminal.loyalty.program import Program
from terminal.loyalty.program_parts import SpendBasis, Tier

_FRACTION = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class TierProgress:
    """Where a member stands: the current tier, the next one (None at the top), the spend
    still needed to reach it, and the way there done so far (0..1, 1 at the top)."""

    current: Tier
    next: Tier | None
    remaining: Money
    fraction: Decimal


def member_spend(program: Program, member: MemberState) -> Money:
    """The spend that places the member in a tier: lifetime or the rolling window."""
    if program.spend_basis is SpendBasis.WINDOW:
        return member.window_spend
    return member.lifetime_spend


def tier_for(program: Program, spend: Money) -> Tier:
    """The highest tier whose threshold is at most ``spend`` (the first tier for any spend
    below it, negative included: its threshold is 0). A tier is lost again when the spend
    falls, as it does on a rolling window or after returns."""
    found = program.tiers[0]
    for tier in program.tiers[1:]:
        if tier.threshold > spend:
            break
        found = tier
    return found


def tier_progress(program: Program, spend: Money) -> TierProgress:
    current = tier_for(program, spend)
    index = program.tiers.index(current)
    if index + 1 == len(program.tiers):
        return TierProgress(current, None, Money.zero(), Decimal(1))
    nxt = program.tiers[index + 1]
    span = nxt.threshold.amount - current.threshold.amount
    done = max(spend.amount - current.threshold.amount, Decimal(0))
    fraction = min(done / span, Decimal(1)).quantize(_FRACTION, rounding=ROUND_DOWN)
    return TierProgress(current, nxt, nxt.threshold - max(spend, current.threshold), fraction)
