"""A card's life at the till, written to the cache at once (the office's next change feed
confirms it): blocked, activated, given to a member, replaced by another card.

States and kinds are stored as their text (``terminal.loyalty.CardState`` and
``CardKind`` values); the use cases decide which change is allowed.
"""

from __future__ import annotations

from sqlalchemy import Connection, update

from terminal.store.schema import cards


class CardUpdates:
    """Changing cards inside a write transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def set_state(self, card_id: int, state: str) -> None:
        self._conn.execute(update(cards).where(cards.c.id == card_id).values(state=state))

    def give_to(self, card_id: int, member_id: int, *, kind: str, state: str) -> None:
        """The card becomes ``member_id``'s (a replacement card), of ``kind`` in ``state``."""
        self._conn.execute(
            update(cards)
            .where(cards.c.id == card_id)
            .values(state=state, member_id=member_id, kind=kind)
        )

    def mark_replaced(self, card_id: int, by: int, *, state: str) -> None:
        """The card is replaced by card ``by`` (and put in ``state``)."""
        self._conn.execute(
            update(cards).where(cards.c.id == card_id).values(state=state, replaced_by=by)
        )
