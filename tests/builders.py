"""Cards and members for tests, described rather than selected with SQL: picked from a cache
(the demo cache, usually) or added to it, through the store's own functions
(:mod:`terminal.store.card_picks`, :mod:`terminal.store.queries`,
:mod:`terminal.store.registration_rows`).

Importable from every test folder (``from builders import a_card``: tests/ is on the path,
as the folder of the root conftest)::

    card = a_card(demo_db)                                  # a member's active card
    blocked = a_card(demo_db, kind=None, state=CardState.BLOCKED)
    rich = a_card(demo_db, balance_at_least=1500)          # its member has 1,500 points
    bday = a_card(demo_db, birthday=clock.today(), no_gift_in=2026)
    member = a_member(demo_db, with_phone=True)             # the member of such a card
    nobody = new_member(demo_db, phone="380501110001", card=False)

The descriptions (keywords of :func:`cards`) say what must hold and nothing else: the
first cards that match, lowest id first, so a test sees the same card on every run.
Points are points (``balance_at_least=1500``), not the store's centi-points.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TypedDict, Unpack

from terminal.loyalty import CardKind, CardState
from terminal.services.identify import CardKey
from terminal.store import queries
from terminal.store.card_picks import CardWanted, card_ids
from terminal.store.database import Database
from terminal.store.records import CardRecord, MemberRecord
from terminal.store.registration_rows import RegistrationRows

#: The terminal whose block of local ids new_member takes its ids from.
BUILDER_TERMINAL = 99


class Description(TypedDict, total=False):
    """What else a card (or its member) must be; a keyword left out says nothing."""

    with_member: bool  # True: a member's card; False: nobody's (a bearer card)
    fixed_discount: bool  # False: no fixed discount of its own
    with_number: bool  # True: a printed number
    id_above: int  # only cards with a larger id
    balance_at_least: int | Decimal  # points, of its member
    balance_below: int | Decimal
    birthday: date | str  # its member's birthday: a date (its day and month) or "MM-DD"
    no_gift_in: int  # its member had no birthday gift that year or later
    priority_service: bool
    with_phone: bool


def described(
    kind: CardKind | None = CardKind.PERSONAL,
    state: CardState | None = CardState.ACTIVE,
    **more: Unpack[Description],
) -> CardWanted:
    """A card as described: a member's active card unless told (``kind`` or ``state``
    None: any)."""
    birthday = more.get("birthday")
    return CardWanted(
        kind=None if kind is None else kind.value,
        state=None if state is None else state.value,
        with_member=more.get("with_member"),
        fixed_discount=more.get("fixed_discount"),
        with_number=more.get("with_number"),
        id_above=more.get("id_above"),
        balance_at_least_centi=_centi(more.get("balance_at_least")),
        balance_below_centi=_centi(more.get("balance_below")),
        birthday=birthday.strftime("%m-%d") if isinstance(birthday, date) else birthday,
        no_gift_in=more.get("no_gift_in"),
        priority_service=more.get("priority_service"),
        with_phone=more.get("with_phone"),
    )


def _centi(points: int | Decimal | None) -> int | None:
    return None if points is None else int(Decimal(points) * 100)


def cards(
    db: Database,
    kind: CardKind | None = CardKind.PERSONAL,
    state: CardState | None = CardState.ACTIVE,
    *,
    limit: int = 1,
    **more: Unpack[Description],
) -> list[CardRecord]:
    """The first ``limit`` cards of the cache as described (see :class:`Description`);
    fewer if the cache has fewer."""
    wanted = described(kind, state, **more)
    with db.read() as conn:
        found = [queries.card_by_id(conn, card_id) for card_id in card_ids(conn, wanted, limit)]
    return [card for card in found if card is not None]


def a_card(
    db: Database,
    kind: CardKind | None = CardKind.PERSONAL,
    state: CardState | None = CardState.ACTIVE,
    **more: Unpack[Description],
) -> CardRecord:
    """The first card of the cache as described; LookupError if there is none."""
    found = cards(db, kind, state, **more)
    if not found:
        raise LookupError(f"no card in {db.path.name} is {described(kind, state, **more)}")
    return found[0]


def card_key(
    db: Database,
    kind: CardKind | None = CardKind.PERSONAL,
    state: CardState | None = CardState.ACTIVE,
    **more: Unpack[Description],
) -> CardKey:
    """The key of :func:`a_card` (by card id), as the use cases take it."""
    return CardKey(card_id=a_card(db, kind, state, **more).id)


def a_member(
    db: Database,
    kind: CardKind | None = CardKind.PERSONAL,
    state: CardState | None = CardState.ACTIVE,
    **more: Unpack[Description],
) -> MemberRecord:
    """The member of the first member's card as described (an active personal card
    unless told)."""
    more["with_member"] = True
    return member_of(db, a_card(db, kind, state, **more))


def member_of(db: Database, card: CardRecord) -> MemberRecord:
    """The member ``card`` belongs to (LookupError: nobody's card)."""
    with db.read() as conn:
        member = None if card.member_id is None else queries.member_by_id(conn, card.member_id)
    if member is None:
        raise LookupError(f"card {card.id} belongs to no member")
    return member


def new_member(
    db: Database,
    *,
    full_name: str = "Тестова Оксана Петрівна",
    address_as: str = "Оксана Петрівна",
    phone: str | None = None,
    birthday: date | None = None,
    card: bool = True,
) -> MemberRecord:
    """A member added to the cache as a till registers one (no points, no figures from
    the office), with an active personal card of their own unless ``card`` is False."""
    with db.write() as conn:
        rows = RegistrationRows(conn)
        member_id, card_id = rows.next_free_ids(BUILDER_TERMINAL)
        rows.add_member(
            member_id,
            full_name=full_name,
            address_as=address_as,
            birthday=birthday,
            phone=phone,
            consent_personal_data=True,
            consent_marketing=False,
        )
        if card:
            rows.add_card(
                card_id,
                uid=f"{card_id:014X}",
                number=str(card_id),
                kind=CardKind.PERSONAL.value,
                state=CardState.ACTIVE.value,
                member_id=member_id,
            )
        member = queries.member_by_id(conn, member_id)
    assert member is not None
    return member
