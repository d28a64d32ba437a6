"""Returns: give back the money and the spent points of returned goods, take back the
points earned on them, and remove their spend, pro rata.

Proration is cumulative-exact: with x goods value returned before and x' after, each
quantity is ``f(x') - f(x)`` where ``f(x) = round(total * x / amount)``. So any sequence
of partial returns adds up to exactly what a single full return gives, and a purchase
returned in full restores the member's balance and spend exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty.errors import ReturnError
from terminal.loyalty.explain import ExplanationLine
from terminal.loyalty.facts import PurchaseFacts
from terminal.loyalty.money import Money, Rounding
from terminal.loyalty.points import quantize_points
from terminal.loyalty.program import Program


@dataclass(frozen=True, slots=True)
class ReturnQuote:
    """What a return gives back and takes back. The member's balance changes by
    ``points_restored - points_revoked`` (it may go negative: earned points already
    spent), the tier spend by ``-spend_removed``."""

    returning: Money
    refund_money: Money
    points_restored: Decimal
    points_revoked: Decimal
    spend_removed: Money
    lines: tuple[ExplanationLine, ...]

    @property
    def points_delta(self) -> Decimal:
        return self.points_restored - self.points_revoked


def _money_upto(total: Money, returned: Money, amount: Money) -> Money:
    if returned == amount:
        return total
    return total.share(returned, amount, Rounding.HALF_UP)


def _points_upto(total: Decimal, returned: Money, amount: Money, quantum: Decimal) -> Decimal:
    if returned == amount:
        return total
    share = total * returned.amount / amount.amount
    return quantize_points(share, quantum, Rounding.HALF_UP)


def quote_return(
    program: Program, facts: PurchaseFacts, already_returned: Money, returning: Money
) -> ReturnQuote:
    """Return goods worth ``returning`` (in the purchase's ``amount`` terms, before
    discount) of a purchase of which ``already_returned`` came back before.

    ``program`` should be the program the purchase was made under (its points quantum).
    Raises :class:`ReturnError` when nothing is returned or more than was bought.
    """
    amount = facts.amount
    if not amount.is_positive():
        raise ReturnError("return_nothing_bought", "the purchase has no amount to return")
    if not returning.is_positive():
        raise ReturnError(
            "return_not_positive",
            f"the amount returned must be more than zero (got {returning})",
        )
    if already_returned.amount < 0:
        raise ReturnError(
            "return_already_negative",
            f"already returned cannot be negative (got {already_returned})",
        )
    after = already_returned + returning
    if after > amount:
        left = max(amount - already_returned, Money.zero())
        raise ReturnError(
            "return_exceeds_purchase",
            f"cannot return {returning}: only {left} of the purchase of {amount} is left",
        )
    before = already_returned
    quantum = program.points_quantum
    refund = _money_upto(facts.paid, after, amount) - _money_upto(facts.paid, before, amount)
    restored = _points_upto(facts.points_spent, after, amount, quantum) - _points_upto(
        facts.points_spent, before, amount, quantum
    )
    revoked = _points_upto(facts.points_earned, after, amount, quantum) - _points_upto(
        facts.points_earned, before, amount, quantum
    )
    spend = _money_upto(facts.spend_added, after, amount) - _money_upto(
        facts.spend_added, before, amount
    )
    lines = [ExplanationLine.of("return_refund", refund, returning=str(returning))]
    if restored:
        lines.append(ExplanationLine.of("return_points_restored", points=restored))
    if revoked:
        lines.append(ExplanationLine.of("return_points_revoked", points=revoked))
    if spend.is_positive():
        lines.append(ExplanationLine.of("return_spend_removed", spend))
    return ReturnQuote(
        returning=returning,
        refund_money=refund,
        points_restored=restored,
        points_revoked=revoked,
        spend_removed=spend,
        lines=tuple(lines),
    )
