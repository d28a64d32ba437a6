"""The till's shifts in the cache: the one open now, opening one, closing one.

One shift is open on a till at a time; the use case (``terminal.services.shifts``) keeps
it so. The operations a shift's report counts are those recorded while it was open
(:meth:`terminal.store.operation_queries.OperationRows.between`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from terminal.store.schema import shifts, staff
from terminal.store.staff_queries import new_id

_OPEN = (
    select(shifts.c.id, shifts.c.opened_at, shifts.c.staff_id, staff.c.name, staff.c.role)
    .join(staff, staff.c.id == shifts.c.staff_id)
    .where(shifts.c.closed_at.is_(None))
)


@dataclass(frozen=True, slots=True)
class OpenShift:
    """The shift open on the till, and the person it belongs to."""

    id: int
    opened_at: str
    staff_id: int
    staff_name: str
    staff_role: str


class ShiftRows:
    """Reading the shifts inside a transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def open_now(self) -> OpenShift | None:
        row = self._conn.execute(_OPEN).first()
        return None if row is None else OpenShift(*row)


class ShiftUpdates:
    """Opening and closing shifts inside a write transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def open(self, staff_id: int, at: str) -> int:
        """A new shift of ``staff_id`` opened at ``at``; returns its id."""
        result = self._conn.execute(insert(shifts).values(staff_id=staff_id, opened_at=at))
        return new_id(result.inserted_primary_key)

    def close(self, shift_id: int, at: str) -> None:
        """Close the shift at ``at`` (a shift already closed stays as it was)."""
        self._conn.execute(
            update(shifts)
            .where(shifts.c.id == shift_id, shifts.c.closed_at.is_(None))
            .values(closed_at=at)
        )
