"""The till's staff in the cache: who may log in, their PIN state, the office's rows.

Staff belong to the office: they come in the staff feed and the snapshot's meta
(:func:`put_staff`, :func:`staff_gone`, :func:`keep_only`), which change what the office
owns (name, role, tills, PIN hash, cards, active) and keep the till's own lock-out state
(failed PINs, locked until). A till adds staff itself only for a demo or an unenrolled
cache (:meth:`StaffUpdates.add`). Roles are stored as their text (``cashier``,
``supervisor``, ``store_admin``); the use cases turn them into
``terminal.services.roles.Role``. Card UIDs are kept upper-case, as the card lookups of
:mod:`terminal.store.queries` are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from terminal.store.incoming import StaffIn
from terminal.store.schema import staff, staff_cards
from terminal.store.sync_state import CURSOR, OFFICE_TERMINAL, SNAPSHOT, get_state

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
    tills: str | None = None  # JSON list of terminal ids; None: every till

    def works_at(self, terminal_id: str | None) -> bool:
        """Whether they may log in at this till (``terminal_id`` None: not enrolled)."""
        if self.tills is None or terminal_id is None:
            return True
        return int(terminal_id) in {int(t) for t in json.loads(self.tills)}


_COLS = (
    staff.c.id,
    staff.c.name,
    staff.c.role,
    staff.c.pin_hash,
    staff.c.failed_pins,
    staff.c.locked_until,
    staff.c.active,
    staff.c.tills,
)
_BY_ID = select(*_COLS).where(staff.c.id == bindparam("key"))
_BY_CARD = (
    select(*_COLS)
    .join(staff_cards, staff_cards.c.staff_id == staff.c.id)
    .where(staff_cards.c.uid == bindparam("key"), staff.c.active.is_(True))
)


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

    def on_till(
        self, *, supervisors_only: bool = False, terminal_id: str | None = None
    ) -> list[tuple[int, str]]:
        """(id, name) of the active staff who may work at ``terminal_id`` (None: any),
        by name; only supervisors (and store admins) if asked."""
        query = select(staff.c.id, staff.c.name, staff.c.tills).where(staff.c.active.is_(True))
        if supervisors_only:
            query = query.where(staff.c.role != CASHIER)
        rows = self._conn.execute(query.order_by(staff.c.name)).all()
        return [
            (int(i), str(n))
            for i, n, tills in rows
            if terminal_id is None or tills is None or int(terminal_id) in json.loads(tills)
        ]

    def by_id(self, staff_id: int) -> StaffRecord | None:
        return _record(self._conn.execute(_BY_ID, {"key": staff_id}).first())

    def locked_out(self, now: str) -> list[tuple[int, str, str]]:
        """(id, name, locked until) of the active staff locked out at ``now`` (ISO 8601),
        by name."""
        query = (
            select(staff.c.id, staff.c.name, staff.c.locked_until)
            .where(staff.c.active.is_(True), staff.c.locked_until > now)
            .order_by(staff.c.name)
        )
        return [(int(i), str(n), str(u)) for i, n, u in self._conn.execute(query)]

    def by_card(self, card_uid: str) -> StaffRecord | None:
        """The active person whose staff card this is."""
        return _record(self._conn.execute(_BY_CARD, {"key": card_uid.upper()}).first())


class StaffUpdates:
    """Changing the staff table inside a write transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, name: str, role: str, pin_hash: str, card_uid: str | None = None) -> int:
        """A person made at the till: a demo's or an unenrolled cache's only (staff
        belong to the office; :class:`OfficeOwnsStaff` on a till that follows one)."""
        if fed_by_office(self._conn):
            raise OfficeOwnsStaff()
        result = self._conn.execute(insert(staff).values(name=name, role=role, pin_hash=pin_hash))
        staff_id = new_id(result.inserted_primary_key)
        if card_uid is not None:
            self._conn.execute(
                insert(staff_cards), [{"uid": card_uid.upper(), "staff_id": staff_id}]
            )
        return staff_id

    def lift_lock(self, staff_id: int) -> None:
        """A supervisor lifted the lock-out: the count of wrong PINs starts again."""
        self.pin_accepted(staff_id)

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


class OfficeOwnsStaff(RuntimeError):
    """This till follows an office: its staff come from there (python -m office staff)."""

    def __init__(self) -> None:
        super().__init__(
            "this till follows an office: staff are made there (python -m office staff add)"
        )


def fed_by_office(conn: Connection) -> bool:
    """Whether this cache is enrolled with an office or has followed one."""
    if get_state(conn, OFFICE_TERMINAL) not in (None, "0"):  # 0: not enrolled
        return True
    return any(get_state(conn, key) is not None for key in (CURSOR, SNAPSHOT))


# --- the office's rows (the staff feed, the snapshot's meta) ----------------------------

_UPSERT = (
    "INSERT INTO staff (id, name, role, tills, pin_hash, active) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, "
    "tills = excluded.tills, pin_hash = excluded.pin_hash, active = excluded.active"
)


def put_staff(conn: Connection, people: Sequence[StaffIn]) -> None:
    """The office's state of each person; their lock-out at this till stays as it was."""
    for p in people:
        tills = None if p.tills is None else json.dumps(list(p.tills))
        conn.exec_driver_sql(_UPSERT, (p.id, p.name, p.role, tills, p.pin_hash, p.active))
        conn.execute(delete(staff_cards).where(staff_cards.c.staff_id == p.id))
        if p.cards:
            conn.execute(delete(staff_cards).where(staff_cards.c.uid.in_(p.cards)))
            conn.execute(insert(staff_cards), [{"uid": u, "staff_id": p.id} for u in p.cards])


def staff_gone(conn: Connection, staff_id: int) -> None:
    """Removed at the office: kept (operations and the audit log name them), inactive,
    without cards."""
    conn.execute(update(staff).where(staff.c.id == staff_id).values(active=False))
    conn.execute(delete(staff_cards).where(staff_cards.c.staff_id == staff_id))


def keep_only(conn: Connection, people: Sequence[StaffIn]) -> None:
    """After a snapshot: whoever the office did not send is no longer staff here."""
    ids = json.dumps([p.id for p in people])
    gone = conn.exec_driver_sql(
        "SELECT id FROM staff WHERE id NOT IN (SELECT value FROM json_each(?))", (ids,)
    ).all()
    for (staff_id,) in gone:
        staff_gone(conn, int(staff_id))
