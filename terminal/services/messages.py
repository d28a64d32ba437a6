"""What a person is told about a card's state: what happened and what to do.

English source texts; the app translates them (Qt context "card_problem"), the CLI prints
them as they are.
"""

from __future__ import annotations

from terminal.loyalty import CardState

CARD_PROBLEMS: dict[CardState, str] = {
    CardState.NOT_ACTIVATED: "Card not activated: a supervisor activates it.",
    CardState.BLOCKED: "Card BLOCKED: do not accept it; the member calls the club.",
    CardState.LOST: "Card reported LOST: keep it, ask for ID, call a supervisor.",
    CardState.EXPIRED: "Card EXPIRED: offer a replacement card.",
    CardState.REPLACED: "Card REPLACED by a newer card: ask for the new one.",
}
BANK_CARD = "This is a bank card, not a club card. Ask for the club card."
UNKNOWN_CARD = "This card is not in the club. Register a member or activate a bearer card."
READ_AGAIN = "The card was not read completely: tap or swipe it again."


def card_problem(state: CardState) -> str | None:
    return CARD_PROBLEMS.get(state)
