"""The gift catalogue as the office published it, and the birthday gifts this till has
handed out that the office has not acknowledged yet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, func, select

from terminal.store.schema import gifts, operations

_ALL = select(
    gifts.c.code,
    gifts.c.name,
    gifts.c.kind,
    gifts.c.points_cost_centi,
    gifts.c.active,
    gifts.c.names,
)
_ACTIVE = _ALL.where(gifts.c.active.is_(True))
_BY_CODE = _ALL.where(gifts.c.code == bindparam("key"))
_PENDING_GIFT_YEAR = select(
    func.max(func.json_extract(operations.c.facts, "$.birthday_year"))
).where(
    operations.c.member_id == bindparam("key"),
    operations.c.kind == "gift",
    operations.c.status == "pending",
)


@dataclass(frozen=True, slots=True)
class GiftRecord:
    code: str
    name: str
    kind: str  # birthday | reward | prize
    points_cost_centi: int
    active: bool
    names: str | None = None  # per language, JSON (terminal.loyalty.names)


class GiftRows:
    """Reading the catalogue inside a transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def catalogue(self) -> list[GiftRecord]:
        """The gifts a supervisor can hand out (the active ones), as the office sent them."""
        return [GiftRecord(*row) for row in self._conn.execute(_ACTIVE)]

    def by_code(self, code: str) -> GiftRecord | None:
        """The gift with this code, active or not."""
        row = self._conn.execute(_BY_CODE, {"key": code}).first()
        return None if row is None else GiftRecord(*row)

    def pending_birthday_year(self, member_id: int) -> int | None:
        """The latest birthday year of this terminal's gifts to the member that the office
        has not acknowledged yet (None: none waiting)."""
        year = self._conn.execute(_PENDING_GIFT_YEAR, {"key": member_id}).scalar()
        return None if year is None else int(year)
