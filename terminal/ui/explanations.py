"""The quote's explanation lines in the cashier's language.

The rules give each line a stable code and its parameters (terminal.loyalty.explain);
here each code has a translatable template with named fields. A code without a template
shows the rules' own English text, so a new rule never shows an empty line.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from terminal.loyalty import ExplanationLine
from terminal.ui.formats import money_text, points_text
from terminal.ui.i18n import current_language


def _templates() -> dict[str, str]:
    # Literal strings inside translate() calls, so that lupdate finds them.
    return {
        "discount_card": QCoreApplication.translate(
            "explanations", "Card discount {pct}%: -{amount}"
        ),
        "discount_tier": QCoreApplication.translate(
            "explanations", "{tier} tier discount {pct}%: -{amount}"
        ),
        "discount_progressive": QCoreApplication.translate(
            "explanations", "Progressive discount {pct}% after {purchases} purchases: -{amount}"
        ),
        "discount_not_best": QCoreApplication.translate(
            "explanations",
            "The {best} discount {best_pct}% is better than the {other} {other_pct}%",
        ),
        "discount_stacked": QCoreApplication.translate(
            "explanations", "Discounts applied one after another: {pct}% in total, -{amount}"
        ),
        "discount_capped": QCoreApplication.translate(
            "explanations", "Capped by the program maximum {max_pct}%: discount reduced by {amount}"
        ),
        "progressive_capped": QCoreApplication.translate(
            "explanations", "Progressive discount has reached its maximum {cap_pct}%"
        ),
        "bearer_card": QCoreApplication.translate(
            "explanations", "Bearer card: card discount only, no points"
        ),
        "points_share_cap": QCoreApplication.translate(
            "explanations", "Points pay at most {share_pct}% of the receipt: up to {points}"
        ),
        "points_balance_cap": QCoreApplication.translate(
            "explanations", "Points balance {balance}: up to {points}"
        ),
        "points_negative_balance": QCoreApplication.translate(
            "explanations", "Points balance is negative ({balance}): no points can be spent"
        ),
        "points_spent": QCoreApplication.translate(
            "explanations", "Paid with {points} points: -{amount}"
        ),
        "points_earned": QCoreApplication.translate(
            "explanations", "Points earned: {pct}% of {paid} ({tier}): +{points}"
        ),
        "birthday_multiplier": QCoreApplication.translate(
            "explanations", "Birthday: points x{multiplier}"
        ),
        "earn_below_minimum": QCoreApplication.translate(
            "explanations", "No points below {minimum}"
        ),
        "birthday_gift": QCoreApplication.translate("explanations", "Birthday gift available"),
        "tier_up": QCoreApplication.translate(
            "explanations", "This purchase moves the member up to {tier}"
        ),
    }


_MONEY_PARAMS = ("paid", "minimum", "returning")
_POINTS_PARAMS = ("balance",)


def _sources() -> dict[str, str]:
    return {
        "card": QCoreApplication.translate("explanations", "card"),
        "tier": QCoreApplication.translate("explanations", "tier"),
        "progressive": QCoreApplication.translate("explanations", "progressive"),
    }


def _number(text: str, money: bool) -> str:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return money_text(value) if money else points_text(value)


def explanation_text(line: ExplanationLine) -> str:
    template = _templates().get(line.code)
    if template is None:
        return line.text
    fields = dict(line.params)
    fields["tier"] = fields.get(f"tier_{current_language()}", fields.get("tier", ""))
    for name in _MONEY_PARAMS + _POINTS_PARAMS:
        if name in fields:
            fields[name] = _number(fields[name], name in _MONEY_PARAMS)
    for name in ("best", "other"):
        if name in fields:
            fields[name] = _sources().get(fields[name], fields[name])
    fields["amount"] = "" if line.amount is None else money_text(line.amount.amount)
    fields["points"] = "" if line.points is None else points_text(line.points)
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return line.text
