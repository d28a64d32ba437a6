"""Masking of card data for logs and screens: all but the last four characters hidden."""

from __future__ import annotations


def mask(value: str | None, keep: int = 4) -> str:
    """``"2990000000017"`` -> ``"*********0017"``; short values are hidden entirely."""
    if not value:
        return ""
    if len(value) <= keep:
        return "*" * len(value)
    return "*" * (len(value) - keep) + value[-keep:]
