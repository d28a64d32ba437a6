"""The till's staff in the cache: who may log in, their PIN state, adding a person.

Roles are stored as their text (``cashier``, ``supervisor``, ``it``); the use cases turn
them into ``terminal.services.roles.Role``. Card UIDs are kept upper-case, as the card
lookups of :mod:`terminal.store.queries` are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from terminal.store.schema import staff

CASHIER = "cashier"


@dataclass(frozen=True, slots=True)
class StaffRecord:
    id: int
    name: str
    role: str
    pin_hash: str | None
    failed_pins: int
    locked_until: str | None  # ISO 8601, or None: not locked
    active: bool


_COLS = (
    staff.c.id,
    staff.c.name,
    staff.c.role,
    staff.c.pin_hash,
    staff.c.failed_pins,
    staff.c.locked_until,
    staff.c.active,
)
_BY_ID = select(*_COLS).where(staff.c.id == bindparam("key"))
_BY_CARD = select(*_COLS).where(staff.c.card_uid == bindparam("key"), staff.c.active.is_(True))


def new_id(key: Sequence[object] | None) -> int:
    """The id the database gave the row just inserted."""
    if not key:
        raise RuntimeError("the database gave no id for a new row")
    return int(str(key[0]))


def _record(row: Sequence[Any] | None) -> StaffRecord | None:
    return None if row is None else StaffRecord(*row)


class StaffRows:
    """Reading the staff table inside a transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def on_till(self, *, supervisors_only: bool = False) -> list[tuple[int, str]]:
        """(id, name) of the active staff, by name; only supervisors (and IT) if asked."""
        query = select(staff.c.id, staff.c.name).where(staff.c.active.is_(True))
        if supervisors_only:
            query = query.where(staff.c.role != CASHIER)
        return [(int(i), str(n)) for i, n in self._conn.execute(query.order_by(staff.c.name))]

    def by_id(self, staff_id: int) -> StaffRecord | None:
        return _record(self._conn.execute(_BY_ID, {"key": staff_id}).first())

    def by_card(self, card_uid: str) -> StaffRecord | None:
        """The active person whose staff card this is."""
        return _record(self._conn.execute(_BY_CARD, {"key": card_uid.upper()}).first())


class StaffUpdates:
    """Changing the staff table inside a write transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, name: str, role: str, pin_hash: str, card_uid: str | None = None) -> int:
        result = self._conn.execute(
            insert(staff).values(
                name=name,
                role=role,
                pin_hash=pin_hash,
                card_uid=None if card_uid is None else card_uid.upper(),
            )
        )
        return new_id(result.inserted_primary_key)

    def pin_accepted(self, staff_id: int) -> None:
        """A right PIN: the count of wrong ones starts again, no lock."""
        self._conn.execute(
            update(staff).where(staff.c.id == staff_id).values(failed_pins=0, locked_until=None)
        )

    def pin_refused(self, staff_id: int, failed: int, locked_until: str | None) -> None:
        """A wrong PIN: ``failed`` in a row now, locked out until ``locked_until``."""
        self._conn.execute(
            update(staff)
            .where(staff.c.id == staff_id)
            .values(failed_pins=failed, locked_until=locked_until)
        )
