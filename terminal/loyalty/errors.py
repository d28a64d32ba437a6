"""The loyalty rules' errors: one hierarchy (under common.errors.AppError), a stable
``code`` for the UI to translate by, and an English message a cashier or a supervisor can
act on (``str(error)``).

Built code first, as every error of the product: ``AmountError("amount_empty", "enter an
amount")``; a class with a fixed code takes what follows it (``TermsError(message)``,
``CardNotUsable(state)``). The program's own error, which shows money, is
:class:`terminal.loyalty.program_error.ProgramError`.

Messages never carry personal data (names, phones, card numbers): only amounts, points,
program fields and card states.
"""

from __future__ import annotations

from typing import ClassVar

from common.errors import AppError
from terminal.loyalty.cards import CardState


class LoyaltyError(AppError):
    """Base of every error the rules raise. ``code`` is stable snake_case."""

    code = "loyalty_error"


class AmountError(LoyaltyError):
    """An amount of money that is malformed, negative, zero where it must not be, or absurd."""

    code = "amount_invalid"


class TermsError(LoyaltyError):
    """Invalid card terms (e.g. a fixed discount outside 0..100%)."""

    code = "card_terms_invalid"

    def __init__(self, message: str) -> None:
        super().__init__(self.code, message)


class CardNotUsable(LoyaltyError):
    """The card is not active: nothing may be bought or earned with it. ``code`` is
    ``card_<state>`` (``card_blocked``, ``card_lost``, ...) and ``state`` the card state."""

    code = "card_not_usable"

    _MESSAGES: ClassVar[dict[str, str]] = {
        "not_activated": "the card is not activated yet: a supervisor must activate it",
        "blocked": "the card is blocked: do not accept it; the member should call the club",
        "lost": "the card was reported lost: keep it and call a supervisor",
        "expired": "the card has expired: offer the member a replacement card",
        "replaced": "the card was replaced by a newer one: ask for the new card",
    }

    def __init__(self, state: CardState) -> None:
        text = self._MESSAGES.get(state.value, f"the card cannot be used ({state.value})")
        super().__init__(f"card_{state.value}", text)
        self.state = state


class PointsError(LoyaltyError):
    """Points that may not be spent: negative, more than allowed, or not a whole quantum."""

    code = "points_invalid"


class ReturnError(LoyaltyError):
    """A return that cannot be made: nothing returned, or more than was bought."""

    code = "return_invalid"
