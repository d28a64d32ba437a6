"""Cards of a described kind: the first few cards in the cache that match a
:class:`CardWanted` (a personal active card of a member with 1,500 points, a blocked card,
a bearer card not activated yet, ...), lowest id first.

For the demo walk-through (``loyalty-terminal demo``), the screenshot tool and the tests'
builders (tests/builders.py), which pick their cards here rather than writing SQL of
their own. Not a use case: the till finds a card by what the reader read
(:mod:`terminal.store.queries`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, func, or_, select

from terminal.store.schema import cards, members


@dataclass(frozen=True, slots=True)
class CardWanted:
    """What a card (and its member, if the description names one) must be: every field
    given must hold; None says nothing. Amounts in the store's units (centi-points)."""

    kind: str | None = None  # terminal.loyalty.CardKind value
    state: str | None = None  # terminal.loyalty.CardState value
    with_member: bool | None = None  # True: a member's card; False: nobody's
    fixed_discount: bool | None = None  # False: no fixed discount (fixed_discount_bp = 0)
    with_number: bool | None = None  # True: the card has a printed number
    id_above: int | None = None  # only cards with a larger id
    # Of the card's member (any of these implies a member):
    balance_at_least_centi: int | None = None
    balance_below_centi: int | None = None
    birthday: str | None = None  # "MM-DD": the member's birthday is that day
    no_gift_in: int | None = None  # no birthday gift recorded for that year or later
    priority_service: bool | None = None
    with_phone: bool | None = None

    @property
    def of_member(self) -> bool:
        """Whether the description is about the card's member too."""
        return self.with_member is True or any(
            value is not None
            for value in (
                self.balance_at_least_centi,
                self.balance_below_centi,
                self.birthday,
                self.no_gift_in,
                self.priority_service,
                self.with_phone,
            )
        )


def _is(column: ColumnElement[object], wanted: bool) -> ColumnElement[bool]:
    return column.is_not(None) if wanted else column.is_(None)


def _conditions(wanted: CardWanted) -> list[ColumnElement[bool]]:
    w, c, m = wanted, cards.c, members.c
    where: list[ColumnElement[bool]] = []
    if w.kind is not None:
        where.append(c.kind == w.kind)
    if w.state is not None:
        where.append(c.state == w.state)
    if w.with_member is not None or w.of_member:
        where.append(_is(c.member_id, w.with_member is not False))
    if w.fixed_discount is not None:
        where.append(c.fixed_discount_bp > 0 if w.fixed_discount else c.fixed_discount_bp == 0)
    if w.with_number is not None:
        where.append(_is(c.number, w.with_number))
    if w.id_above is not None:
        where.append(c.id > w.id_above)
    if w.balance_at_least_centi is not None:
        where.append(m.balance_centi >= w.balance_at_least_centi)
    if w.balance_below_centi is not None:
        where.append(m.balance_centi < w.balance_below_centi)
    if w.birthday is not None:
        where.append(func.substr(m.birthday, 6, 5) == w.birthday)
    if w.no_gift_in is not None:
        where.append(or_(m.last_gift_year.is_(None), m.last_gift_year < w.no_gift_in))
    if w.priority_service is not None:
        where.append(m.priority_service.is_(w.priority_service))
    if w.with_phone is not None:
        where.append(_is(m.phone, w.with_phone))
    return where


def card_ids(
    conn: Connection,
    wanted: CardWanted,
    limit: int = 1,
    *,
    birthday_first: str | None = None,
) -> list[int]:
    """The ids of the first ``limit`` cards that are as ``wanted``, lowest id first;
    with ``birthday_first`` ("MM-DD"), the cards of members born that day come first."""
    query = select(cards.c.id).where(*_conditions(wanted))
    if wanted.of_member or birthday_first is not None:
        query = query.select_from(cards.outerjoin(members, members.c.id == cards.c.member_id))
    if birthday_first is not None:
        query = query.order_by((func.substr(members.c.birthday, 6, 5) == birthday_first).desc())
    query = query.order_by(cards.c.id).limit(limit)
    return [int(row[0]) for row in conn.execute(query)]
