"""The gift catalogue as a supervisor sees it: each gift with its names per language, as
the office published them (the cache keeps a gift's names as a JSON text)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty.names import Names, name_in, parse_names
from terminal.services.unit import Unit
from terminal.store.gift_queries import GiftRecord

__all__ = ["Gift", "gift_catalogue", "gift_names"]


@dataclass(frozen=True, slots=True)
class Gift:
    code: str
    name: str
    kind: str  # birthday | reward | prize
    points_cost: Decimal
    names: Names = ()  # per language

    def name_in(self, language: str) -> str:
        """The gift's name in ``language``, else its plain name."""
        return name_in(self.names, language, self.name)

    @staticmethod
    def named(gift: GiftRecord, language: str) -> str:
        """A catalogue row's name in ``language``, else its plain name."""
        return name_in(gift_names(gift.names), language, gift.name)


def gift_names(text: str | None) -> Names:
    """A gift's names as the cache keeps them (a JSON text; anything else: none)."""
    try:
        return parse_names(json.loads(text)) if text else ()
    except ValueError:
        return ()


def gift_catalogue(unit: Unit) -> list[Gift]:
    """The gifts a supervisor can hand out, as the office published them."""
    with unit.read() as tx:
        found = tx.gifts.catalogue()
    return [
        Gift(g.code, g.name, g.kind, Decimal(g.points_cost_centi) / 100, gift_names(g.names))
        for g in found
    ]
