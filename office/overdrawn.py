"""Members whose balance is below zero (docs/sync-rules.md, Online and offline): an
offline spend at two tills, or a return that took back points already spent. Listed
with their names masked (the first letter and the length) and the tails of their cards,
for ``python -m office overdrawn`` and the admin's report."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from office.db import OfficeDB
from office.models import cards, members

PAGE = 500


@dataclass(frozen=True, slots=True)
class Overdrawn:
    member_id: int
    name: str  # masked: mask_name
    balance_centi: int  # below zero
    cards: tuple[str, ...]  # the tails of the member's cards (card_tail)
    flagged: bool  # an offline operation overdrew it (members.overdrawn)


def mask_name(name: str) -> str:
    """``"Иванов Иван"`` -> ``"И… (11)"``: enough to tell people apart on a list."""
    name = name.strip()
    return f"{name[0]}… ({len(name)})" if name else "—"


def card_tail(number: str | None, card_id: int) -> str:
    """The last four digits of a card's number (a card with none: its id)."""
    return f"…{number[-4:]}" if number else f"#{card_id}"


def overdrawn_page(db: OfficeDB, after: int = 0, limit: int = PAGE) -> list[Overdrawn]:
    """Up to ``limit`` overdrawn members with ids above ``after``, by id."""
    with db.read() as conn:
        rows = conn.execute(
            select(members.c.id, members.c.full_name, members.c.balance_centi, members.c.overdrawn)
            .where(members.c.id > after, members.c.balance_centi < 0, members.c.deleted.is_(False))
            .order_by(members.c.id)
            .limit(limit)
        ).all()
        ids = [int(r.id) for r in rows]
        tails: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            for member_id, card_id, number in conn.execute(
                select(cards.c.member_id, cards.c.id, cards.c.number)
                .where(cards.c.member_id.in_(ids), cards.c.deleted.is_(False))
                .order_by(cards.c.id)
            ):
                tails[int(member_id)].append(card_tail(number, int(card_id)))
    return [
        Overdrawn(
            int(r.id),
            mask_name(r.full_name),
            int(r.balance_centi),
            tuple(tails[int(r.id)]),
            bool(r.overdrawn),
        )
        for r in rows
    ]


def overdrawn(db: OfficeDB, page: int = PAGE) -> Iterator[Overdrawn]:
    """Every overdrawn member, by id, read a page at a time."""
    after = 0
    while True:
        found = overdrawn_page(db, after, page)
        yield from found
        if len(found) < page:
            return
        after = found[-1].member_id
