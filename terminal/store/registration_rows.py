"""A member registered at this till, written into the cache: the member row and the card
row (so the member can check out at once, offline too), with ids from the till's own block
(:mod:`terminal.store.local_ids`). The operation that carries them to the office is
recorded by :mod:`terminal.store.ledger`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, func, insert, select

from terminal.store import local_ids
from terminal.store.normalize import name_key
from terminal.store.schema import cards, members, operations

#: The operation kind of a registration (its facts hold the member's and the card's ids).
REGISTER_KIND = "member_register"

_REGISTERED_MAX = select(
    func.max(func.json_extract(operations.c.facts, "$.member.id")),
    func.max(func.json_extract(operations.c.facts, "$.card.id")),
).where(operations.c.kind == REGISTER_KIND)


class RegistrationRows:
    """Registering members inside a write transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def next_free_ids(self, terminal_id: int) -> tuple[int, int]:
        """The next member id and card id of the till's block that the cache does not hold
        (OverflowError: the block is used up)."""
        return (
            local_ids.next_id(self._conn, members, terminal_id),
            local_ids.next_id(self._conn, cards, terminal_id),
        )

    def registered_max(self) -> tuple[int | None, int | None]:
        """The largest member and card ids this till's registrations ever gave (None: no
        registration yet)."""
        top_member, top_card = self._conn.execute(_REGISTERED_MAX).one()
        return (
            None if top_member is None else int(top_member),
            None if top_card is None else int(top_card),
        )

    def add_member(
        self,
        member_id: int,
        *,
        full_name: str,
        address_as: str,
        birthday: date | None,
        phone: str | None,
        consent_personal_data: bool,
        consent_marketing: bool,
    ) -> None:
        """A new member with no points and no figures from the office yet."""
        self._conn.execute(
            insert(members),
            [
                {
                    "id": member_id,
                    "full_name": full_name,
                    "address_as": address_as,
                    "birthday": birthday,
                    "phone": phone,
                    "consent_personal_data": consent_personal_data,
                    "consent_marketing": consent_marketing,
                    "name_key": name_key(full_name),
                    "balance_centi": 0,
                    "office_seq": 0,
                    "synced_at": None,
                }
            ],
        )

    def add_card(
        self,
        card_id: int,
        *,
        uid: str | None,
        number: str | None,
        kind: str,
        state: str,
        member_id: int,
    ) -> None:
        """A new card of ``member_id``, with no fixed discount."""
        self._conn.execute(
            insert(cards),
            [
                {
                    "id": card_id,
                    "uid": uid,
                    "number": number,
                    "kind": kind,
                    "state": state,
                    "member_id": member_id,
                    "fixed_discount_bp": 0,
                }
            ],
        )
