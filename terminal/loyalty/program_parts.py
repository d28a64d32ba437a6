"""The parts a :class:`~terminal.loyalty.program.Program` is made of: its tiers, the
progressive discount, the birthday rule, and the enums that name its choices.

Plain values: the program checks them when it is built (terminal.loyalty.program), and
reads them from a dict (terminal.loyalty.program_dict).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty.money import Money
from terminal.loyalty.names import name_in


class SpendBasis(enum.Enum):
    """Which spend moves a member between tiers: all of it, or a rolling window."""

    LIFETIME = "lifetime"
    WINDOW = "window"


class CombineMode(enum.Enum):
    """How several discounts meet: the best one alone, or one after the other."""

    BEST_OF = "best_of"
    STACKED = "stacked"


class DiscountSource(enum.Enum):
    CARD = "card"
    TIER = "tier"
    PROGRESSIVE = "progressive"


#: Every discount source once: a program's default stacking order.
ALL_SOURCES = (DiscountSource.CARD, DiscountSource.TIER, DiscountSource.PROGRESSIVE)


@dataclass(frozen=True, slots=True)
class Tier:
    """A tier: reached when the member's spend is at least ``threshold``."""

    code: str
    name: str  # in any language the program lacks in ``names`` (and in English texts)
    threshold: Money
    discount_pct: Decimal
    earn_pct: Decimal
    #: The tier's name in each language the program gives one, as (language, name)
    #: pairs: what a cashier and a receipt show in that language.
    names: tuple[tuple[str, str], ...] = ()

    def name_in(self, language: str) -> str:
        """The name to show in ``language`` (ru, uk, en): its own, else :attr:`name`."""
        return name_in(self.names, language, self.name)

    def params(self) -> dict[str, str]:
        """The tier in an explanation line's params: ``tier`` (its name), ``tier_code``,
        and ``tier_ru``, ``tier_uk``, ``tier_en`` for the names it has, so a line is
        shown in any language without the program at hand."""
        found = {"tier": self.name, "tier_code": self.code}
        found.update((f"tier_{language}", text) for language, text in self.names)
        return found


@dataclass(frozen=True, slots=True)
class Progressive:
    """A discount growing by ``step_pct`` every ``every_n`` completed purchases, up to
    ``cap_pct``."""

    step_pct: Decimal
    every_n: int
    cap_pct: Decimal

    def pct_for(self, purchases: int) -> Decimal:
        """The discount for a member with ``purchases`` completed purchases before this one."""
        return min(self.step_pct * (max(purchases, 0) // self.every_n), self.cap_pct)


@dataclass(frozen=True, slots=True)
class BirthdayRule:
    """Around a member's birthday: points multiplied, and (``gift``) one gift a year."""

    days_before: int
    days_after: int
    earn_multiplier: Decimal
    gift: bool
