"""What the rules need to know about a card and its member (no names, no phones)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from terminal.loyalty.cards import CardKind, CardState
from terminal.loyalty.errors import TermsError
from terminal.loyalty.money import HUNDRED, Money


@dataclass(frozen=True, slots=True)
class CardTerms:
    """The card itself: personal or bearer, its state, its own fixed discount."""

    kind: CardKind
    state: CardState
    fixed_discount_pct: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        pct = self.fixed_discount_pct
        if not isinstance(pct, Decimal) or not pct.is_finite() or not 0 <= pct <= HUNDRED:
            raise TermsError(f"fixed_discount_pct: {pct!r} must be a percentage within 0..100")

    @property
    def usable(self) -> bool:
        return self.state is CardState.ACTIVE


@dataclass(frozen=True, slots=True)
class MemberState:
    """A member's standing before a purchase: spend, purchases, points, birthday.

    ``points_balance`` may be negative (earned points taken back by a return after they
    were spent); nothing can then be spent until it is positive again.
    """

    lifetime_spend: Money
    window_spend: Money
    purchases: int
    points_balance: Decimal
    birthday: date | None
    last_birthday_gift_year: int | None

    @classmethod
    def new(cls) -> MemberState:
        """A member who has bought nothing yet (also what a bearer card stands for)."""
        return cls(
            lifetime_spend=Money.zero(),
            window_spend=Money.zero(),
            purchases=0,
            points_balance=Decimal(0),
            birthday=None,
            last_birthday_gift_year=None,
        )
