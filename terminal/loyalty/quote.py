"""Work out a purchase: discount, points spent and earned, the tier after, line by line.

Pure: the same program, card, member, amount, day and points give the same quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from terminal.loyalty.birthday import birthday_gift_available, birthday_window_today
from terminal.loyalty.cards import CardKind, CardState
from terminal.loyalty.discounts import decide_discount
from terminal.loyalty.errors import AmountError, CardNotUsable, PointsError
from terminal.loyalty.explain import ExplanationLine
from terminal.loyalty.facts import PurchaseFacts
from terminal.loyalty.member import CardTerms, MemberState
from terminal.loyalty.money import HUNDRED, Money, Rounding
from terminal.loyalty.points import format_pct, format_points, is_multiple, quantize_points
from terminal.loyalty.program import Program
from terminal.loyalty.program_parts import DiscountSource, Tier
from terminal.loyalty.tiers import member_spend, tier_for


@dataclass(frozen=True, slots=True)
class Quote:
    """A purchase worked out. Money: ``amount`` (goods) = ``discount`` + money paid with
    points (``points_spent * point_value``) + ``paid`` (money due), exactly.

    ``discount_source`` is the single source of the discount, or None when there is no
    discount or several were stacked. ``spend_after`` is the member's tier spend after
    this purchase (unchanged for a bearer card). ``lines`` explain every rule that
    contributed or limited something.
    """

    amount: Money
    discount: Money
    discount_pct: Decimal
    discount_source: DiscountSource | None
    payable_before_points: Money
    max_spend_points: Decimal
    points_spent: Decimal
    points_money: Money
    paid: Money
    points_earned: Decimal
    balance_before: Decimal
    balance_after: Decimal
    tier_before: Tier
    tier_after: Tier
    spend_added: Money
    spend_after: Money
    birthday: bool
    gift_available: bool
    lines: tuple[ExplanationLine, ...]

    def facts(self) -> PurchaseFacts:
        """What a later return of these goods needs to know."""
        return PurchaseFacts(
            amount=self.amount,
            discount=self.discount,
            points_spent=self.points_spent,
            paid=self.paid,
            points_earned=self.points_earned,
            spend_added=self.spend_added,
        )


def max_spendable(program: Program, balance: Decimal, payable: Money) -> tuple[Decimal, bool]:
    """The most points that may pay for ``payable``, and whether the balance (rather than
    the share cap) is what limits it. Never negative; in whole quanta, rounded down."""
    quantum = program.points_quantum
    share = payable.percent(program.spend_max_share_pct, Rounding.DOWN)
    by_share = quantize_points(share.amount / program.point_value, quantum, Rounding.DOWN)
    by_balance = quantize_points(max(balance, Decimal(0)), quantum, Rounding.DOWN)
    if by_balance < by_share:
        return by_balance, True
    return by_share, False


def _check_spend(program: Program, requested: Decimal, allowed: Decimal, bearer: bool) -> None:
    if not isinstance(requested, Decimal) or not requested.is_finite():
        raise PointsError("points_malformed", f"{requested!r} is not a number of points")
    if requested < 0:
        raise PointsError(
            "points_negative", f"points to spend cannot be negative ({format_points(requested)})"
        )
    if requested == 0:
        return
    if bearer:
        raise PointsError("points_not_allowed", "a bearer card cannot pay with points")
    if not is_multiple(requested, program.points_quantum):
        raise PointsError(
            "points_not_multiple",
            f"{format_points(requested)} points: spend in steps of "
            f"{format_points(program.points_quantum)}",
        )
    if requested > allowed:
        raise PointsError(
            "points_over_limit",
            f"{format_points(requested)} points asked, at most {format_points(allowed)} "
            "may pay for this receipt",
        )


def quote(
    program: Program,
    card: CardTerms,
    member: MemberState,
    amount: Money,
    today: date,
    spend_points: Decimal | None = None,
) -> Quote:
    """Work out a purchase of goods worth ``amount``, paying ``spend_points`` with points.

    Raises :class:`CardNotUsable` (card not active), :class:`AmountError` (amount not
    positive, or above the program's ``max_purchase``), :class:`PointsError` (points
    negative, over the limit, or not whole quanta).
    """
    if card.state is not CardState.ACTIVE:
        raise CardNotUsable(card.state)
    if not amount.is_positive():
        raise AmountError(
            "amount_not_positive", f"the amount must be more than zero (got {amount})"
        )
    if amount > program.max_purchase:
        raise AmountError(
            "amount_over_maximum",
            f"{amount} is more than the program allows for one purchase ({program.max_purchase})",
        )
    personal = card.kind is CardKind.PERSONAL
    lines: list[ExplanationLine] = []
    if not personal:
        lines.append(ExplanationLine.of("bearer_card"))

    spend_before = member_spend(program, member)
    tier_before = tier_for(program, spend_before)
    discount = decide_discount(program, card, member, tier_before, amount)
    lines.extend(discount.lines)
    payable = amount - discount.money

    # points as payment
    balance = member.points_balance
    if personal:
        allowed, by_balance = max_spendable(program, balance, payable)
        if balance < 0:
            lines.append(
                ExplanationLine.of("points_negative_balance", balance=format_points(balance))
            )
        elif by_balance:
            lines.append(
                ExplanationLine.of(
                    "points_balance_cap", points=allowed, balance=format_points(balance)
                )
            )
        else:
            lines.append(
                ExplanationLine.of(
                    "points_share_cap",
                    points=allowed,
                    share_pct=format_pct(program.spend_max_share_pct),
                )
            )
    else:
        allowed = Decimal(0)
    requested = Decimal(0) if spend_points is None else spend_points
    _check_spend(program, requested, allowed, not personal)
    spent = quantize_points(requested, program.points_quantum, Rounding.DOWN)
    points_money = Money.of(spent * program.point_value)
    paid = payable - points_money
    if spent > 0:
        lines.append(ExplanationLine.of("points_spent", points_money, spent))

    # points earned
    birthday = personal and birthday_window_today(program, member, today)
    earned = Decimal(0)
    if personal:
        if payable < program.earn_min_purchase:
            lines.append(
                ExplanationLine.of("earn_below_minimum", minimum=str(program.earn_min_purchase))
            )
        else:
            raw = paid.amount * tier_before.earn_pct / HUNDRED
            if birthday and program.birthday is not None:
                raw *= program.birthday.earn_multiplier
                lines.append(
                    ExplanationLine.of(
                        "birthday_multiplier",
                        multiplier=format_points(program.birthday.earn_multiplier),
                    )
                )
            earned = quantize_points(raw, program.points_quantum, program.earn_rounding)
            lines.append(
                ExplanationLine.of(
                    "points_earned",
                    points=earned,
                    pct=format_pct(tier_before.earn_pct),
                    paid=str(paid),
                    extra=tier_before.params(),
                )
            )
    gift = personal and birthday_gift_available(program, member, today)
    if gift:
        lines.append(ExplanationLine.of("birthday_gift"))

    spend_added = payable if personal else Money.zero()
    spend_after = spend_before + spend_added
    tier_after = tier_for(program, spend_after)
    if tier_after != tier_before:
        lines.append(ExplanationLine.of("tier_up", extra=tier_after.params()))

    return Quote(
        amount=amount,
        discount=discount.money,
        discount_pct=discount.pct,
        discount_source=discount.source,
        payable_before_points=payable,
        max_spend_points=allowed,
        points_spent=spent,
        points_money=points_money,
        paid=paid,
        points_earned=earned,
        balance_before=balance,
        balance_after=balance - spent + earned,
        tier_before=tier_before,
        tier_after=tier_after,
        spend_added=spend_added,
        spend_after=spend_after,
        birthday=birthday,
        gift_available=gift,
        lines=tuple(lines),
    )
