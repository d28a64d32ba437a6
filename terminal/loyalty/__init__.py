"""The loyalty rules: money, discounts, points, caps, tiers, birthday, returns, and the
explanation of every amount. Pure Python: no I/O, no Qt, no SQL, nothing else of ours.

Everything the rest of the terminal uses is importable from here.
"""

from __future__ import annotations

from terminal.loyalty.birthday import (
    birthday_gift_available,
    birthday_gift_year,
    birthday_in,
    birthday_occurrence,
    birthday_window_today,
    in_birthday_window,
)
from terminal.loyalty.cards import CardKind, CardState
from terminal.loyalty.discounts import Discount, decide_discount
from terminal.loyalty.errors import (
    AmountError,
    CardNotUsable,
    LoyaltyError,
    PointsError,
    ReturnError,
    TermsError,
)
from terminal.loyalty.explain import ExplanationLine
from terminal.loyalty.facts import PurchaseFacts
from terminal.loyalty.feedback import feedback_award
from terminal.loyalty.member import CardTerms, MemberState
from terminal.loyalty.money import Money, Rounding
from terminal.loyalty.points import format_points, is_multiple, quantize_points
from terminal.loyalty.presets import standard_program
from terminal.loyalty.program import Program
from terminal.loyalty.program_error import ProgramError
from terminal.loyalty.program_parts import (
    BirthdayRule,
    CombineMode,
    DiscountSource,
    Progressive,
    SpendBasis,
    Tier,
)
from terminal.loyalty.quote import Quote, max_spendable, quote
from terminal.loyalty.returns import ReturnQuote, quote_return
from terminal.loyalty.tiers import TierProgress, member_spend, tier_for, tier_progress

__all__ = [
    "AmountError",
    "BirthdayRule",
    "CardKind",
    "CardNotUsable",
    "CardState",
    "CardTerms",
    "CombineMode",
    "Discount",
    "DiscountSource",
    "ExplanationLine",
    "LoyaltyError",
    "MemberState",
    "Money",
    "PointsError",
    "Program",
    "ProgramError",
    "Progressive",
    "PurchaseFacts",
    "Quote",
    "ReturnError",
    "ReturnQuote",
    "Rounding",
    "SpendBasis",
    "TermsError",
    "Tier",
    "TierProgress",
    "birthday_gift_available",
    "birthday_gift_year",
    "birthday_in",
    "birthday_occurrence",
    "birthday_window_today",
    "decide_discount",
    "feedback_award",
    "format_points",
    "in_birthday_window",
    "is_multiple",
    "max_spendable",
    "member_spend",
    "quantize_points",
    "quote",
    "quote_return",
    "standard_program",
    "tier_for",
    "tier_progress",
]
