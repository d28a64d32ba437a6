"""Explanation lines: one per rule that shaped a quote, for the cashier and the receipt.

A line is data: a stable snake_case ``code``, string ``params``, and the money or points it
moved. The UI translates by code and params; :attr:`ExplanationLine.text` is the English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty.money import Money
from terminal.loyalty.points import format_points


@dataclass(frozen=True, slots=True)
class ExplanationLine:
    code: str
    params: tuple[tuple[str, str], ...] = ()
    amount: Money | None = None
    points: Decimal | None = None

    @classmethod
    def of(
        cls,
        code: str,
        amount: Money | None = None,
        points: Decimal | None = None,
        *,
        extra: Mapping[str, str] | None = None,
        **params: str,
    ) -> ExplanationLine:
        """A line; ``extra``: more params given as a mapping (a tier's names)."""
        return cls(code, tuple({**params, **(extra or {})}.items()), amount, points)

    def param(self, name: str) -> str:
        for key, value in self.params:
            if key == name:
                return value
        raise KeyError(name)

    @property
    def text(self) -> str:
        """The line in plain English, e.g. "Gold tier discount 7%: -70.00"."""
        render = _TEXTS.get(self.code)
        p = dict(self.params)
        amount = "" if self.amount is None else str(self.amount)
        points = "" if self.points is None else format_points(self.points)
        if render is None:
            extra = ", ".join(f"{k}={v}" for k, v in self.params)
            return f"{self.code} {extra}".strip()
        return render(p, amount, points)


_SOURCE_NAMES = {"card": "card", "tier": "tier", "progressive": "progressive"}


def _source(name: str) -> str:
    return _SOURCE_NAMES.get(name, name)


Render = Callable[[Mapping[str, str], str, str], str]

_TEXTS: dict[str, Render] = {
    # discounts
    "discount_card": lambda p, a, _: f"Card discount {p['pct']}%: -{a}",
    "discount_tier": lambda p, a, _: f"{p['tier']} tier discount {p['pct']}%: -{a}",
    "discount_progressive": lambda p, a, _: (
        f"Progressive discount {p['pct']}% after {p['purchases']} purchases: -{a}"
    ),
    "discount_not_best": lambda p, _a, _p: (
        f"{_source(p['best']).capitalize()} discount {p['best_pct']}% is better than "
        f"{_source(p['other'])} {p['other_pct']}%"
    ),
    "discount_stacked": lambda p, a, _: (
        f"Discounts applied one after another: {p['pct']}% in total, -{a}"
    ),
    "discount_capped": lambda p, a, _: (
        f"Capped by the program maximum {p['max_pct']}%: discount reduced by {a}"
    ),
    "progressive_capped": lambda p, _a, _p: (
        f"Progressive discount has reached its maximum {p['cap_pct']}%"
    ),
    "bearer_card": lambda _p, _a, _pt: "Bearer card: card discount only, no points",
    # spending points
    "points_share_cap": lambda p, _a, pt: (
        f"Points pay at most {p['share_pct']}% of the receipt: up to {pt}"
    ),
    "points_balance_cap": lambda p, _a, pt: f"Points balance {p['balance']}: up to {pt}",
    "points_negative_balance": lambda p, _a, _p: (
        f"Points balance is negative ({p['balance']}): no points can be spent"
    ),
    "points_spent": lambda _p, a, pt: f"Paid with {pt} points: -{a}",
    # earning points
    "points_earned": lambda p, _a, pt: (
        f"Points earned: {p['pct']}% of {p['paid']} ({p['tier']}): +{pt}"
    ),
    "birthday_multiplier": lambda p, _a, _p: f"Birthday: points x{p['multiplier']}",
    "earn_below_minimum": lambda p, _a, _p: f"No points below {p['minimum']}",
    "birthday_gift": lambda _p, _a, _pt: "Birthday gift available",
    "tier_up": lambda p, _a, _p: f"This purchase moves the member up to {p['tier']}",
    # returns
    "return_refund": lambda p, a, _: f"Refund for {p['returning']} of goods: {a}",
    "return_points_restored": lambda _p, _a, pt: f"Points paid back to the member: +{pt}",
    "return_points_revoked": lambda _p, _a, pt: f"Points earned on these goods taken back: -{pt}",
    "return_spend_removed": lambda _p, a, _: f"Spend reduced by {a}",
}
