from __future__ import annotations

import pytest

from terminal.store.normalize import name_key, normalize_phone, prefix_upper_bound


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+7 (916) 123-45-67", "79161234567"),
        ("8 916 123 45 67", "79161234567"),
        ("89161234567", "79161234567"),
        ("9161234567", "79161234567"),
        ("79161234567", "79161234567"),
        ("+380 50 123 4567", "380501234567"),
        ("050 123 45 67", "380501234567"),
        ("380501234567", "380501234567"),
        ("+44 20 7946 0958", "442079460958"),
    ],
)
def test_phones_people_type(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    "text", ["", "   ", "Петров", "12345", "2990000000017", "+7 916 abc", "+123"]
)
def test_not_phones(text: str) -> None:
    assert normalize_phone(text) is None


def test_name_key_folds_case_spaces_and_yo() -> None:
    assert name_key("  Соловьёв   АННА ") == "соловьев анна"
    assert name_key("Ґалаґан Ірина") == "ґалаґан ірина"


def test_prefix_bound_covers_exactly_the_prefix() -> None:
    hi = prefix_upper_bound("пет")
    assert "пет" < "петров" < hi
    assert "пеу" >= hi
