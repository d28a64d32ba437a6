"""A program to and from a JSON-safe dict (how the office sends it and the cache keeps it).

Decimals and Money are strings ("7.5", "30000.00"), enums their values, nested rules dicts
or ``null``. Reading is strict: an unknown key, a missing required key, a float, or a value
of the wrong type raises :class:`ProgramError` naming the key and the value. Optional keys
left out take the program's defaults.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from terminal.loyalty.errors import AmountError
from terminal.loyalty.money import Money, Rounding
from terminal.loyalty.names import NAME_LANGUAGES
from terminal.loyalty.program_error import ProgramError
from terminal.loyalty.program_parts import (
    BirthdayRule,
    CombineMode,
    DiscountSource,
    Progressive,
    SpendBasis,
    Tier,
)

E = TypeVar("E", bound=enum.Enum)


def program_to_dict(program: object) -> dict[str, object]:
    """A program (or any of its parts) as a JSON-safe dict of its fields, in their order."""
    value = _plain(program)
    assert isinstance(value, dict), f"{program!r} is not a program"
    return value


def _plain(value: object) -> object:
    """Money and Decimals as strings, enums as their values, tuples as lists, the parts
    (dataclasses) as dicts of their fields; text, integers, booleans and None as they are."""
    if isinstance(value, Money | Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            # names in each language: an object {"ru": ..., "uk": ...} on the wire
            f.name: dict(getattr(value, f.name))
            if f.name == "names"
            else _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    return value


# --- reading ------------------------------------------------------------------------------


def _mapping(field: str, value: object, keys: frozenset[str]) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise ProgramError(field, value, "must be an object")
    for key in value:
        if not isinstance(key, str) or key not in keys:
            name = f"{field}.{key}" if field else str(key)
            raise ProgramError(name, value[key], "is not a known key")
    return value


def _required(data: Mapping[str, object], field: str, key: str) -> object:
    if key not in data:
        raise ProgramError(f"{field}{key}", None, "is missing")
    return data[key]


def _decimal(field: str, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ProgramError(field, value, "must be a decimal number written as a string")
    try:
        result = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise ProgramError(field, value, "is not a decimal number") from None
    if not result.is_finite():
        raise ProgramError(field, value, "must be a finite number")
    return result


def _money(field: str, value: object) -> Money:
    amount = _decimal(field, value)
    try:
        money = Money(amount)
    except AmountError:
        raise ProgramError(field, value, "is not an amount of money") from None
    if money.amount != amount:
        raise ProgramError(field, value, "must be money with at most two decimals")
    return money


def _optional_money(field: str, value: object) -> Money | None:
    """Money, or ``null`` (None: the rule never applies)."""
    return None if value is None else _money(field, value)


def _int(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProgramError(field, value, "must be an integer")
    return value


def _str(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise ProgramError(field, value, "must be text")
    return value


def _bool(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ProgramError(field, value, "must be true or false")
    return value


def _enum(kind: type[E]) -> Callable[[str, object], E]:
    def read(field: str, value: object) -> E:
        for member in kind:
            if member.value == value:
                return member
        allowed = ", ".join(str(m.value) for m in kind)
        raise ProgramError(field, value, f"must be one of: {allowed}")

    return read


def _tier(field: str, value: object) -> Tier:
    d = _mapping(field, value, _TIER_KEYS)
    at = f"{field}."
    return Tier(
        code=_str(at + "code", _required(d, at, "code")),
        name=_str(at + "name", _required(d, at, "name")),
        threshold=_money(at + "threshold", _required(d, at, "threshold")),
        discount_pct=_decimal(at + "discount_pct", _required(d, at, "discount_pct")),
        earn_pct=_decimal(at + "earn_pct", _required(d, at, "earn_pct")),
        names=_names(at + "names", d.get("names", {})),
    )


def _names(field: str, value: object) -> tuple[tuple[str, str], ...]:
    """A name in each of some languages: {"ru": "Золотой", "uk": "Золотий"}."""
    d = _mapping(field, value, NAME_LANGUAGES)
    return tuple((code, _str(f"{field}.{code}", d[code])) for code in sorted(d))


def _tiers(field: str, value: object) -> tuple[Tier, ...]:
    if not isinstance(value, list | tuple):
        raise ProgramError(field, value, "must be a list of tiers")
    return tuple(_tier(f"{field}[{i}]", t) for i, t in enumerate(value))


def _progressive(field: str, value: object) -> Progressive | None:
    if value is None:
        return None
    d = _mapping(field, value, _PROGRESSIVE_KEYS)
    at = f"{field}."
    return Progressive(
        step_pct=_decimal(at + "step_pct", _required(d, at, "step_pct")),
        every_n=_int(at + "every_n", _required(d, at, "every_n")),
        cap_pct=_decimal(at + "cap_pct", _required(d, at, "cap_pct")),
    )


def _birthday(field: str, value: object) -> BirthdayRule | None:
    if value is None:
        return None
    d = _mapping(field, value, _BIRTHDAY_KEYS)
    at = f"{field}."
    return BirthdayRule(
        days_before=_int(at + "days_before", _required(d, at, "days_before")),
        days_after=_int(at + "days_after", _required(d, at, "days_after")),
        earn_multiplier=_decimal(at + "earn_multiplier", _required(d, at, "earn_multiplier")),
        gift=_bool(at + "gift", _required(d, at, "gift")),
    )


def _stack_order(field: str, value: object) -> tuple[DiscountSource, ...]:
    if not isinstance(value, list | tuple):
        raise ProgramError(field, value, "must be a list of discount sources")
    read = _enum(DiscountSource)
    return tuple(read(f"{field}[{i}]", v) for i, v in enumerate(value))


_TIER_KEYS = frozenset({"code", "name", "threshold", "discount_pct", "earn_pct", "names"})
_PROGRESSIVE_KEYS = frozenset({"step_pct", "every_n", "cap_pct"})
_BIRTHDAY_KEYS = frozenset({"days_before", "days_after", "earn_multiplier", "gift"})

#: Every key of a program dict and how to read it; the first three are required.
_READERS: dict[str, Callable[[str, object], object]] = {
    "code": _str,
    "version": _int,
    "tiers": _tiers,
    "spend_basis": _enum(SpendBasis),
    "window_days": _int,
    "progressive": _progressive,
    "combine": _enum(CombineMode),
    "stack_order": _stack_order,
    "max_discount_pct": _decimal,
    "earn_min_purchase": _money,
    "spend_max_share_pct": _decimal,
    "point_value": _decimal,
    "points_quantum": _decimal,
    "discount_rounding": _enum(Rounding),
    "earn_rounding": _enum(Rounding),
    "birthday": _birthday,
    "feedback_points": _decimal,
    "max_purchase": _money,
    "confirm_above": _optional_money,
}
_REQUIRED = ("code", "version", "tiers")


def program_fields(data: Mapping[str, object]) -> dict[str, object]:
    """The fields of a program read from ``data``, each checked for its type; the
    program (terminal.loyalty.program.Program.from_dict) checks how they fit together."""
    d = _mapping("", data, frozenset(_READERS))
    for key in _REQUIRED:
        _required(d, "", key)
    return {key: _READERS[key](key, value) for key, value in d.items()}
