"""A supervisor's staff card as the second factor of a PIN log-in, where the office asks
for it (``python -m office set-limits --supervisor-card``: ``supervisor_card`` in the
limits every till gets).

A supervisor's or store admin's right PIN then gives a :class:`CardPending`, not a log-in
(:class:`CardNeeded`); the till asks for a tap of their own staff card within
:data:`CARD_WAIT`, and ``terminal.services.staff.finish_with_card`` logs them in. A
cashier's log-in is as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from terminal.services.errors import ServiceError
from terminal.services.ports import Reads
from terminal.services.roles import Role
from terminal.store.staff_queries import StaffRecord

TWO_FACTOR_ROLES = frozenset({Role.SUPERVISOR, Role.STORE_ADMIN})
#: How long the till waits for the card after the right PIN.
CARD_WAIT = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class CardPending:
    """The right PIN of ``staff_id`` at some moment: their card is awaited until ``until``."""

    staff_id: int
    name: str
    role: Role
    until: datetime


class CardNeeded(ServiceError):
    """The PIN was right; now the person's staff card (``pending``)."""

    def __init__(self, pending: CardPending) -> None:
        super().__init__("supervisor_card_needed")
        self.pending = pending


def card_required(tx: Reads) -> bool:
    """Whether the office asks for a supervisor's card after their PIN."""
    return bool(tx.sync.offline_limits().get("supervisor_card", False))


def pending(row: StaffRecord, now: datetime) -> CardPending:
    return CardPending(row.id, row.name, Role(row.role), now + CARD_WAIT)
