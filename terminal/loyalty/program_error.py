"""The error of an invalid program: it names the field and shows the bad value."""

from __future__ import annotations

from decimal import Decimal

from terminal.loyalty.errors import LoyaltyError
from terminal.loyalty.money import Money


class ProgramError(LoyaltyError):
    """An invalid program definition. ``field`` names the offending field (a path such as
    ``tiers[1].threshold``) and the message names the bad value."""

    code = "program_invalid"

    def __init__(self, field: str, value: object, problem: str) -> None:
        super().__init__(self.code, f"{field}: {_show(value)} {problem}")
        self.problem = problem  # what is wrong, without the field and the value
        self.field = field
        self.value = value


def _show(value: object) -> str:
    """Numbers and money read better bare ("-5"), anything else quoted ("'abc'", "None")."""
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, int | Decimal | Money):
        return str(value)
    return repr(value)
