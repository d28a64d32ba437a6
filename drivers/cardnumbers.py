"""The card-number rules, kept importable from here for the readers: they live in
:mod:`common.cardnumbers` (pure, shared with the office, which refuses payment cards
too)."""

from __future__ import annotations

from common.cardnumbers import (
    PAN_LENGTHS,
    PAYMENT_IIN_RANGES,
    CardNumberRules,
    NumberClass,
    classify,
    is_payment_pan,
    luhn_valid,
)

__all__ = [
    "PAN_LENGTHS",
    "PAYMENT_IIN_RANGES",
    "CardNumberRules",
    "NumberClass",
    "classify",
    "is_payment_pan",
    "luhn_valid",
]
