"""A loyalty program as the office defines it: tiers, discounts, points, birthday, caps.

A :class:`Program` is a value checked once, when it is built: every rule that reads it may
rely on it being coherent. :class:`ProgramError` names the field and the bad value.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty.cards import CardKind, CardState
from terminal.loyalty.money import CENT, HUNDRED, Money, Rounding
from terminal.loyalty.names import NAME_LANGUAGES
from terminal.loyalty.program_dict import program_fields, program_to_dict
from terminal.loyalty.program_error import ProgramError
from terminal.loyalty.program_parts import (
    ALL_SOURCES,
    BirthdayRule,
    CombineMode,
    DiscountSource,
    Progressive,
    SpendBasis,
    Tier,
)

# The parts a program is made of, importable from here too.
__all__ = [
    "BirthdayRule",
    "CardKind",
    "CardState",
    "CombineMode",
    "DiscountSource",
    "Program",
    "ProgramError",
    "Progressive",
    "SpendBasis",
    "Tier",
]


_NO_MINIMUM = Money.zero()
#: The largest purchase a program allows unless it says otherwise: a sanity bound (ten
#: million of the currency), above which a till refuses and the office rejects.
DEFAULT_MAX_PURCHASE = Money.of(10_000_000)
#: Above this amount a purchase needs a supervisor's confirmation at the till, unless the
#: program says otherwise (``confirm_above``; None: never): a typing slip of a few zeros
#: is caught before it earns a fortune in points.
DEFAULT_CONFIRM_ABOVE = Money.of(1_000_000)
#: The most points one recorded complaint or suggestion may earn.
MAX_FEEDBACK_POINTS = 100_000


@dataclass(frozen=True, slots=True)
class Program:
    """The rules of one loyalty program, in one version. See ``docs`` and the fields."""

    code: str
    version: int
    tiers: tuple[Tier, ...]
    spend_basis: SpendBasis = SpendBasis.LIFETIME
    window_days: int = 365
    progressive: Progressive | None = None
    combine: CombineMode = CombineMode.BEST_OF
    stack_order: tuple[DiscountSource, ...] = ALL_SOURCES
    max_discount_pct: Decimal = Decimal(50)
    earn_min_purchase: Money = _NO_MINIMUM
    spend_max_share_pct: Decimal = Decimal(50)
    point_value: Decimal = Decimal(1)  # money per point
    points_quantum: Decimal = Decimal(1)
    discount_rounding: Rounding = Rounding.HALF_UP
    earn_rounding: Rounding = Rounding.DOWN
    birthday: BirthdayRule | None = None
    feedback_points: Decimal = Decimal(0)
    max_purchase: Money = DEFAULT_MAX_PURCHASE
    confirm_above: Money | None = DEFAULT_CONFIRM_ABOVE  # None: never asked

    def __post_init__(self) -> None:
        _validate(self)

    def to_dict(self) -> dict[str, object]:
        """A JSON-safe dict: Decimals and Money as strings, enums as their values."""
        return program_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Program:
        """The inverse of :meth:`to_dict`. Unknown keys and wrong types raise
        :class:`ProgramError` naming the key and the value."""
        return cls(**program_fields(data))  # type: ignore[arg-type]  # each field's type

    @property
    def first_tier(self) -> Tier:
        return self.tiers[0]

    @property
    def top_tier(self) -> Tier:
        return self.tiers[-1]


# --- validation ---------------------------------------------------------------------------


def _decimal(field: str, value: object) -> Decimal:
    if not isinstance(value, Decimal):
        raise ProgramError(field, value, "must be a Decimal")
    if not value.is_finite():
        raise ProgramError(field, value, "must be a finite number")
    return value


def _pct(field: str, value: object) -> None:
    v = _decimal(field, value)
    if v < 0:
        raise ProgramError(field, v, "must be >= 0")
    if v > HUNDRED:
        raise ProgramError(field, v, "must be <= 100")


def _int(field: str, value: object, low: int, high: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProgramError(field, value, "must be an integer")
    if value < low:
        raise ProgramError(field, value, f"must be >= {low}")
    if high is not None and value > high:
        raise ProgramError(field, value, f"must be <= {high}")


def _text(field: str, value: object) -> None:
    if not isinstance(value, str):
        raise ProgramError(field, value, "must be text")
    if not value.strip():
        raise ProgramError(field, value, "must not be empty")


def _enum(field: str, value: object, kind: type[enum.Enum]) -> None:
    if not isinstance(value, kind):
        raise ProgramError(field, value, f"must be a {kind.__name__}")


def _money(field: str, value: object) -> Money:
    if not isinstance(value, Money):
        raise ProgramError(field, value, "must be Money")
    if value.amount < 0:
        raise ProgramError(field, value, "must be >= 0")
    return value


def _validate_tiers(tiers: object) -> None:
    if not isinstance(tiers, tuple):
        raise ProgramError("tiers", tiers, "must be a tuple of tiers")
    if not tiers:
        raise ProgramError("tiers", tiers, "must hold at least one tier")
    codes: set[str] = set()
    previous: Money | None = None
    for i, tier in enumerate(tiers):
        at = f"tiers[{i}]"
        if not isinstance(tier, Tier):
            raise ProgramError(at, tier, "must be a Tier")
        _text(f"{at}.code", tier.code)
        if tier.code in codes:
            raise ProgramError(f"{at}.code", tier.code, "is used by another tier")
        codes.add(tier.code)
        _text(f"{at}.name", tier.name)
        names = tier.names
        if not isinstance(names, tuple) or not all(
            isinstance(n, tuple) and len(n) == 2 and n[0] in NAME_LANGUAGES for n in names
        ):
            raise ProgramError(f"{at}.names", names, "must be (language, name) pairs: ru, uk, en")
        for language, text in names:
            _text(f"{at}.names.{language}", text)
        threshold = _money(f"{at}.threshold", tier.threshold)
        if i == 0 and not threshold.is_zero():
            raise ProgramError(
                f"{at}.threshold", threshold, "must be 0 (the first benefits come at once)"
            )
        if previous is not None and threshold <= previous:
            raise ProgramError(
                f"{at}.threshold", threshold, f"must be greater than the tier before ({previous})"
            )
        previous = threshold
        _pct(f"{at}.discount_pct", tier.discount_pct)
        _pct(f"{at}.earn_pct", tier.earn_pct)


def _validate(p: Program) -> None:
    _text("code", p.code)
    _int("version", p.version, 1)
    _validate_tiers(p.tiers)
    _enum("spend_basis", p.spend_basis, SpendBasis)
    _int("window_days", p.window_days, 1, 3660)
    if p.progressive is not None:
        if not isinstance(p.progressive, Progressive):
            raise ProgramError("progressive", p.progressive, "must be a Progressive or None")
        _pct("progressive.step_pct", p.progressive.step_pct)
        _int("progressive.every_n", p.progressive.every_n, 1)
        _pct("progressive.cap_pct", p.progressive.cap_pct)
    _enum("combine", p.combine, CombineMode)
    order = p.stack_order
    if (
        not isinstance(order, tuple)
        or len(order) != len(ALL_SOURCES)
        or set(order) != set(ALL_SOURCES)
    ):
        raise ProgramError("stack_order", order, "must name card, tier and progressive once each")
    _pct("max_discount_pct", p.max_discount_pct)
    _money("earn_min_purchase", p.earn_min_purchase)
    _pct("spend_max_share_pct", p.spend_max_share_pct)
    value = _decimal("point_value", p.point_value)
    if value <= 0:
        raise ProgramError("point_value", value, "must be > 0")
    quantum = _decimal("points_quantum", p.points_quantum)
    if quantum < CENT:
        raise ProgramError("points_quantum", quantum, "must be >= 0.01")
    if not (quantum % CENT).is_zero():
        raise ProgramError("points_quantum", quantum, "must be a multiple of 0.01")
    if not ((value * quantum) % CENT).is_zero():
        raise ProgramError(
            "point_value",
            value,
            f"times points_quantum {quantum} must be a whole number of 0.01 "
            "(each spendable step of points must be worth exact money)",
        )
    _enum("discount_rounding", p.discount_rounding, Rounding)
    _enum("earn_rounding", p.earn_rounding, Rounding)
    if p.birthday is not None:
        rule = p.birthday
        if not isinstance(rule, BirthdayRule):
            raise ProgramError("birthday", rule, "must be a BirthdayRule or None")
        _int("birthday.days_before", rule.days_before, 0, 31)
        _int("birthday.days_after", rule.days_after, 0, 31)
        mult = _decimal("birthday.earn_multiplier", rule.earn_multiplier)
        if mult < 1:
            raise ProgramError("birthday.earn_multiplier", mult, "must be >= 1")
        if mult > 100:
            raise ProgramError("birthday.earn_multiplier", mult, "must be <= 100")
        if not isinstance(rule.gift, bool):
            raise ProgramError("birthday.gift", rule.gift, "must be true or false")
    feedback = _decimal("feedback_points", p.feedback_points)
    if feedback < 0:
        raise ProgramError("feedback_points", feedback, "must be >= 0")
    if feedback > MAX_FEEDBACK_POINTS:  # every till awards them: a number they can count
        raise ProgramError("feedback_points", feedback, f"must be <= {MAX_FEEDBACK_POINTS}")
    if not _money("max_purchase", p.max_purchase).is_positive():
        raise ProgramError("max_purchase", p.max_purchase, "must be more than zero")
    confirm = p.confirm_above
    if confirm is not None and not _money("confirm_above", confirm).is_positive():
        raise ProgramError("confirm_above", confirm, "must be more than zero (or null: never)")
