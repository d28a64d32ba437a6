"""The discount on a receipt: which discounts apply, how they combine, and the cap."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty.cards import CardKind
from terminal.loyalty.explain import ExplanationLine
from terminal.loyalty.member import CardTerms, MemberState
from terminal.loyalty.money import HUNDRED, Money, Rounding
from terminal.loyalty.points import format_pct
from terminal.loyalty.program import Program
from terminal.loyalty.program_parts import CombineMode, DiscountSource, Tier

#: The order ties are broken in under BEST_OF.
TIE_ORDER = (DiscountSource.CARD, DiscountSource.TIER, DiscountSource.PROGRESSIVE)


@dataclass(frozen=True, slots=True)
class Discount:
    """The discount decided for a receipt.

    ``source`` is the one source that produced it, or None when there is no discount or
    when several sources were stacked. ``pct`` is the effective percentage after the cap.
    """

    money: Money
    pct: Decimal
    source: DiscountSource | None
    lines: tuple[ExplanationLine, ...]


def candidates(
    program: Program, card: CardTerms, member: MemberState, tier: Tier
) -> dict[DiscountSource, Decimal]:
    """The discounts the card and member are entitled to, by source (zeros left out).
    A bearer card has only its own fixed discount."""
    found = {DiscountSource.CARD: card.fixed_discount_pct}
    if card.kind is CardKind.PERSONAL:
        found[DiscountSource.TIER] = tier.discount_pct
        if program.progressive is not None:
            found[DiscountSource.PROGRESSIVE] = program.progressive.pct_for(member.purchases)
    return {source: pct for source, pct in found.items() if pct > 0}


def _line(
    source: DiscountSource, pct: Decimal, money: Money, tier: Tier, member: MemberState
) -> ExplanationLine:
    if source is DiscountSource.CARD:
        return ExplanationLine.of("discount_card", money, pct=format_pct(pct))
    if source is DiscountSource.TIER:
        return ExplanationLine.of("discount_tier", money, pct=format_pct(pct), extra=tier.params())
    return ExplanationLine.of(
        "discount_progressive",
        money,
        pct=format_pct(pct),
        purchases=str(max(member.purchases, 0)),
    )


def decide_discount(
    program: Program, card: CardTerms, member: MemberState, tier: Tier, amount: Money
) -> Discount:
    """The discount on ``amount``: the best single discount (BEST_OF) or all of them one
    after the other, each on what the previous left (STACKED, in ``stack_order``); then
    capped at ``max_discount_pct`` of the amount (the cap rounds down: never exceeded)."""
    found = candidates(program, card, member, tier)
    lines: list[ExplanationLine] = []
    rounding = program.discount_rounding
    progressive = program.progressive
    if (
        progressive is not None
        and DiscountSource.PROGRESSIVE in found
        and found[DiscountSource.PROGRESSIVE] >= progressive.cap_pct
    ):
        lines.append(
            ExplanationLine.of("progressive_capped", cap_pct=format_pct(progressive.cap_pct))
        )
    source: DiscountSource | None = None
    if not found:
        return Discount(Money.zero(), Decimal(0), None, tuple(lines))
    if program.combine is CombineMode.BEST_OF:
        source = max(TIE_ORDER, key=lambda s: (found.get(s, Decimal(-1)), -TIE_ORDER.index(s)))
        pct = found[source]
        money = amount.percent(pct, rounding)
        lines.append(_line(source, pct, money, tier, member))
        for other in TIE_ORDER:
            if other is not source and other in found:
                lines.append(
                    ExplanationLine.of(
                        "discount_not_best",
                        best=source.value,
                        best_pct=format_pct(pct),
                        other=other.value,
                        other_pct=format_pct(found[other]),
                    )
                )
    else:
        remaining = amount
        kept = HUNDRED
        applied = [s for s in program.stack_order if s in found]
        for step in applied:
            step_money = remaining.percent(found[step], rounding)
            remaining = remaining - step_money
            kept = kept * (HUNDRED - found[step]) / HUNDRED
            lines.append(_line(step, found[step], step_money, tier, member))
        money = amount - remaining
        pct = HUNDRED - kept
        if len(applied) == 1:
            source = applied[0]
        else:
            lines.append(ExplanationLine.of("discount_stacked", money, pct=format_pct(pct)))
    cap = amount.percent(program.max_discount_pct, Rounding.DOWN)
    if pct > program.max_discount_pct or money > cap:
        pct = min(pct, program.max_discount_pct)
        capped = min(money, cap)
        lines.append(
            ExplanationLine.of(
                "discount_capped", money - capped, max_pct=format_pct(program.max_discount_pct)
            )
        )
        money = capped
    return Discount(money, pct, source, tuple(lines))
