"""A program's ``confirm_above``: the amount above which a purchase needs a supervisor's
confirmation at the till (1 000 000.00 unless set; null: never)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from loyalty_builders import plain_program

from terminal.loyalty import Money, Program, ProgramError, standard_program


def test_the_default_and_its_dict() -> None:
    program = plain_program()
    assert program.confirm_above == Money.of(1_000_000)
    assert program.to_dict()["confirm_above"] == "1000000.00"
    older = {k: v for k, v in program.to_dict().items() if k != "confirm_above"}
    assert Program.from_dict(older).confirm_above == Money.of(1_000_000)  # a body of before


@pytest.mark.parametrize("value", [Money.of("2500.50"), Money.of(50_000_000), None])
def test_it_round_trips(value: Money | None) -> None:
    program = replace(standard_program(), confirm_above=value)
    data = json.loads(json.dumps(program.to_dict()))
    assert data["confirm_above"] == (None if value is None else str(value))
    back = Program.from_dict(data)
    assert back == program and back.confirm_above == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "must be more than zero"),
        ("-5", "must be >= 0"),
        ("100.005", "at most two decimals"),
        ("lots", "is not a decimal number"),
        (1.5, "must be a decimal number written as a string"),
    ],
)
def test_a_bad_one_is_refused_naming_it(value: object, message: str) -> None:
    data = {**standard_program().to_dict(), "confirm_above": value}
    with pytest.raises(ProgramError) as info:
        Program.from_dict(data)
    assert info.value.field == "confirm_above" and message in str(info.value)


def test_a_program_built_with_zero_or_not_money_is_refused() -> None:
    with pytest.raises(ProgramError, match="must be more than zero") as info:
        replace(standard_program(), confirm_above=Money.zero())
    assert info.value.field == "confirm_above"
    with pytest.raises(ProgramError, match="must be Money"):
        replace(standard_program(), confirm_above="1000")  # type: ignore[arg-type]
