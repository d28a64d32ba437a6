"""A card read in supervisor mode, before any look-up: the club card it is, or the
refusal to show. A payment card is refused and nothing of it is kept or shown."""

from __future__ import annotations

from drivers.events import BankCardRefused, CardEvent, CardPresented, ReadFailed, ReadProblem
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey, club_card
from terminal.services.messages import BANK_CARD, NOT_CLUB_CARD, READ_AGAIN
from terminal.services.till import Till
from terminal.ui.i18n import translate_message

#: The readers' events that are about a card (the others are about the readers).
CARD_EVENTS = (CardPresented, BankCardRefused, ReadFailed)


def card_read(till: Till, event: CardEvent) -> tuple[CardKey | None, str | None]:
    """The club card ``event`` presented (as the club may use it), or None and why not
    (None, None: the event is not about a card)."""
    if isinstance(event, BankCardRefused):
        return None, translate_message(BANK_CARD)
    if isinstance(event, ReadFailed):
        problem = NOT_CLUB_CARD if event.problem is ReadProblem.NOT_OURS else READ_AGAIN
        return None, translate_message(problem)
    if not isinstance(event, CardPresented) or not (event.uid or event.number):
        return None, None
    try:
        return club_card(CardKey(uid=event.uid, number=event.number), till.numbers), None
    except ServiceError as exc:
        bank = exc.code == "bank_card_refused"
        return None, translate_message(BANK_CARD if bank else NOT_CLUB_CARD)


def same_card(a: CardKey, b: CardKey) -> bool:
    """Two reads of one card: the same UID, or the same number."""
    return bool((a.uid and a.uid == b.uid) or (a.number and a.number == b.number))
