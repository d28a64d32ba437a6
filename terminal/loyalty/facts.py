"""The facts of a purchase kept with the operation, so a return can be worked out later."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from terminal.loyalty.errors import AmountError, ReturnError
from terminal.loyalty.money import Money

_MONEY = ("amount", "discount", "paid", "spend_added")
_POINTS = ("points_spent", "points_earned")
_KEYS = frozenset(_MONEY + _POINTS)


@dataclass(frozen=True, slots=True)
class PurchaseFacts:
    """``amount`` (goods) = ``discount`` + points money + ``paid``; ``spend_added`` is what
    the purchase added to the member's tier spend (zero for a bearer card)."""

    amount: Money
    discount: Money
    points_spent: Decimal
    paid: Money
    points_earned: Decimal
    spend_added: Money

    def to_dict(self) -> dict[str, str]:
        return {
            "amount": str(self.amount),
            "discount": str(self.discount),
            "points_spent": str(self.points_spent),
            "paid": str(self.paid),
            "points_earned": str(self.points_earned),
            "spend_added": str(self.spend_added),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> PurchaseFacts:
        """The inverse of :meth:`to_dict`; other keys (program code, version) are ignored.
        A missing or malformed value raises :class:`ReturnError` (code ``facts_invalid``)."""
        values: dict[str, Decimal] = {}
        for key in sorted(_KEYS):
            raw = data.get(key)
            if not isinstance(raw, str):
                raise ReturnError(
                    "facts_invalid", f"purchase facts: {key} = {raw!r} is not a number"
                )
            try:
                value = Decimal(raw)
            except InvalidOperation:
                raise ReturnError(
                    "facts_invalid", f"purchase facts: {key} = {raw!r} is not a number"
                ) from None
            if not value.is_finite() or value < 0:
                raise ReturnError("facts_invalid", f"purchase facts: {key} = {raw!r} must be >= 0")
            values[key] = value
        try:
            money = {key: Money(values[key]) for key in _MONEY}
        except AmountError as exc:
            raise ReturnError("facts_invalid", f"purchase facts: {exc}") from None
        return cls(
            amount=money["amount"],
            discount=money["discount"],
            points_spent=values["points_spent"],
            paid=money["paid"],
            points_earned=values["points_earned"],
            spend_added=money["spend_added"],
        )
