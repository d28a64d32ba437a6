"""What a person is told about a card's state: what happened and what to do.

English source texts; the app translates them (Qt context "card_problem"), the CLI prints
them as they are.
"""

from __future__ import annotations

from terminal.loyalty import CardState


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name Qt's lupdate looks for
    """Marks ``text`` for Qt's lupdate (context "messages"); returns it unchanged."""
    return text


CARD_PROBLEMS: dict[CardState, str] = {
    CardState.NOT_ACTIVATED: QT_TRANSLATE_NOOP(
        "messages", "Card not activated: a supervisor activates it."
    ),
    CardState.BLOCKED: QT_TRANSLATE_NOOP(
        "messages", "Card BLOCKED: do not accept it; the member calls the club."
    ),
    CardState.LOST: QT_TRANSLATE_NOOP(
        "messages", "Card reported LOST: keep it, ask for ID, call a supervisor."
    ),
    CardState.EXPIRED: QT_TRANSLATE_NOOP("messages", "Card EXPIRED: offer a replacement card."),
    CardState.REPLACED: QT_TRANSLATE_NOOP(
        "messages", "Card REPLACED by a newer card: ask for the new one."
    ),
}
BANK_CARD = QT_TRANSLATE_NOOP(
    "messages", "This is a bank card, not a club card. Ask for the club card."
)
UNKNOWN_CARD = QT_TRANSLATE_NOOP(
    "messages", "This card is not in the club. Register a member or activate a bearer card."
)
READ_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "The card was not read completely: tap or swipe it again."
)


def card_problem(state: CardState) -> str | None:
    return CARD_PROBLEMS.get(state)
