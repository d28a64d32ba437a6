"""Staff belong to the office: store IT makes, changes and deactivates them here
(``python -m office staff ...``), and every change is published in the feed
(``Entity.STAFF``, a row in ``sync.protocol.STAFF_FIELDS`` order) in the same
transaction, so that every till gets it; a till enrolled later gets them all in the
snapshot's meta. PINs are hashed with :mod:`common.pins`, the function the tills check
with; the PIN itself is never stored or published.

A member of staff is never deleted (their operations and audit events name them):
deactivated, they cannot log in at any till, and the office refuses what a till still
sends in their name (``office.roles``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from common import pins
from office.admin import AdminError
from office.db import OfficeDB, emit
from office.entities import get_limits
from office.models import staff, staff_cards
from sync.protocol import STAFF_FIELDS, STAFF_ROLES, Entity

MAX_NAME = 200
_HEX = frozenset("0123456789ABCDEF")


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A member of staff as the office keeps them; ``tills`` None: every till."""

    id: int
    name: str
    role: str
    tills: tuple[int, ...] | None
    pin_hash: str | None
    cards: tuple[str, ...]
    active: bool

    def wire(self) -> list[Any]:
        """The row the feed, the snapshot and a seed file carry (STAFF_FIELDS)."""
        values = {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "tills": None if self.tills is None else list(self.tills),
            "pin_hash": self.pin_hash,
            "cards": list(self.cards),
            "active": self.active,
        }
        return [values[f] for f in STAFF_FIELDS]

    def works_at(self, terminal_id: int) -> bool:
        return self.tills is None or terminal_id in self.tills


#: Called inside the write of a change: (connection, time, the member before (None: a new
#: one), after); the admin web app audits with it (office/admin_staff.py).
StaffHook = Callable[[Connection, str, "StaffMember | None", "StaffMember"], None]


# --- checking what a person typed ---------------------------------------------------------


def check_role(role: str) -> str:
    if role not in STAFF_ROLES:
        raise AdminError(f"role {role!r}: one of {', '.join(STAFF_ROLES)}")
    return role


def check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME or "\x00" in name:
        raise AdminError(f"a name is 1 to {MAX_NAME} characters")
    return name


def check_uid(uid: str) -> str:
    """A staff card's UID as the tills look it up: upper-case hex, 8 to 20 digits."""
    text = uid.strip().upper()
    if not 8 <= len(text) <= 20 or len(text) % 2 or not set(text) <= _HEX:
        raise AdminError(f"card UID {uid!r}: 4 to 10 bytes in hex (e.g. 04A1B2C3D4E5F6)")
    return text


def parse_tills(text: str) -> tuple[int, ...] | None:
    """``all`` (or ``*``): every till; else terminal ids separated by commas."""
    if text.strip().lower() in ("all", "*"):
        return None
    try:
        ids = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise AdminError(f"tills {text!r}: terminal ids separated by commas, or 'all'") from None
    if not ids or any(i <= 0 for i in ids):
        raise AdminError(f"tills {text!r}: terminal ids separated by commas, or 'all'")
    return ids


def pin_rules(db: OfficeDB) -> pins.PinRules:
    """The shortest PINs by role, as ``set-limits`` set them (defaults: 6 and 4)."""
    with db.read() as conn:
        limits = get_limits(conn)
    return pins.PinRules(limits.min_pin_supervisor, limits.min_pin_cashier)


def _pin_hash(db: OfficeDB, pin: str, role: str) -> str:
    """A new argon2id hash of ``pin`` for ``role`` (made before the write transaction:
    it takes a few hundred ms). A person's old scrypt hash is replaced this way."""
    try:
        return pins.hash_pin(pin, role, pin_rules(db))
    except pins.PinFormatError as exc:
        raise AdminError(str(exc)) from None


# --- reading -----------------------------------------------------------------------------------


def _cards_of(conn: Connection, staff_id: int) -> tuple[str, ...]:
    rows = conn.execute(
        select(staff_cards.c.uid)
        .where(staff_cards.c.staff_id == staff_id)
        .order_by(staff_cards.c.uid)
    )
    return tuple(str(r[0]) for r in rows)


def _member(conn: Connection, row: Any) -> StaffMember:
    tills = None if row.tills is None else tuple(int(t) for t in json.loads(row.tills))
    return StaffMember(
        int(row.id),
        str(row.name),
        str(row.role),
        tills,
        row.pin_hash,
        _cards_of(conn, int(row.id)),
        bool(row.active),
    )


def get(conn: Connection, staff_id: int) -> StaffMember | None:
    row = conn.execute(select(staff).where(staff.c.id == staff_id)).first()
    return None if row is None else _member(conn, row)


def every(conn: Connection) -> list[StaffMember]:
    return [_member(conn, r) for r in conn.execute(select(staff).order_by(staff.c.id))]


def list_staff(db: OfficeDB) -> list[StaffMember]:
    with db.read() as conn:
        return every(conn)


def wire_rows(conn: Connection) -> list[list[Any]]:
    """Every member of staff, deactivated ones too, for the snapshot's meta."""
    return [m.wire() for m in every(conn)]


# --- changing (each change published in the feed) ---------------------------------------


def publish(conn: Connection, at: str, staff_id: int) -> int:
    member = get(conn, staff_id)
    return emit(conn, at, Entity.STAFF, staff_id, None if member is None else member.wire())


def _must_get(conn: Connection, staff_id: int) -> StaffMember:
    member = get(conn, staff_id)
    if member is None:
        raise AdminError(f"no staff member {staff_id}")
    return member


def _put_cards(conn: Connection, staff_id: int, uids: Sequence[str]) -> None:
    for uid in uids:
        owner = conn.execute(
            select(staff_cards.c.staff_id).where(staff_cards.c.uid == uid)
        ).scalar()
        if owner is not None and int(owner) != staff_id:
            raise AdminError(f"card {uid} is the staff card of staff member {owner}")
        if owner is None:
            conn.execute(insert(staff_cards), [{"uid": uid, "staff_id": staff_id}])


def insert_member(conn: Connection, at: str, member: StaffMember) -> int:
    """Write ``member`` as it is (its id kept if it has one > 0: a seed file's staff);
    returns the id. Published in the feed."""
    values: dict[str, Any] = {
        "name": member.name,
        "role": member.role,
        "tills": None if member.tills is None else json.dumps(list(member.tills)),
        "pin_hash": member.pin_hash,
        "active": member.active,
        "created_at": at,
        "changed_at": at,
    }
    if member.id > 0:
        values["id"] = member.id
    result = conn.execute(insert(staff).values(**values))
    key = result.inserted_primary_key
    staff_id = member.id if member.id > 0 else int(key[0] if key else 0)
    if member.id > 0 and conn.dialect.name == "postgresql":  # the serial goes on after it
        conn.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('staff', 'id'), (SELECT max(id) FROM staff))"
        )
    _put_cards(conn, staff_id, member.cards)
    publish(conn, at, staff_id)
    return staff_id


def add(
    db: OfficeDB,
    name: str,
    role: str,
    *,
    pin: str | None = None,
    tills: tuple[int, ...] | None = None,
    cards: Sequence[str] = (),
    hook: StaffHook | None = None,
) -> int:
    """A new member of staff; returns their id (the id every till knows them by)."""
    role = check_role(role)
    member = StaffMember(
        0,
        check_name(name),
        role,
        tills,
        None if pin is None else _pin_hash(db, pin, role),
        tuple(check_uid(c) for c in cards),
        True,
    )
    with db.write() as conn:
        at = db.now()
        staff_id = insert_member(conn, at, member)
        if hook is not None:
            hook(conn, at, None, _must_get(conn, staff_id))
        return staff_id


def change(
    db: OfficeDB,
    staff_id: int,
    *,
    name: str | None = None,
    role: str | None = None,
    pin: str | None = None,
    tills: tuple[int, ...] | str | None = "keep",
    active: bool | None = None,
    hook: StaffHook | None = None,
) -> StaffMember:
    """Change what is given (``tills``: "keep", None for every till, or the ids). A new
    PIN is checked against the rules of the role they will have; a cashier made a
    supervisor (or store admin) who has a PIN needs a new one with it (the office cannot
    tell how long the old one is)."""
    values: dict[str, Any] = {}
    if name is not None:
        values["name"] = check_name(name)
    if role is not None:
        values["role"] = check_role(role)
    if pin is not None or role is not None:
        with db.read() as conn:
            before = _must_get(conn, staff_id)
        new_role = role or before.role
        if pin is not None:
            values["pin_hash"] = _pin_hash(db, pin, new_role)
        elif (
            new_role in pins.SUPERVISOR_ROLES
            and before.role not in pins.SUPERVISOR_ROLES
            and before.pin_hash is not None
        ):
            least = pin_rules(db).shortest(new_role)
            raise AdminError(
                f"a {new_role}'s PIN is at least {least} digits: give them a new one (--pin)"
            )
    if tills != "keep":
        values["tills"] = None if tills is None else json.dumps(list(tills))
    if active is not None:
        values["active"] = active
    with db.write() as conn:
        before = _must_get(conn, staff_id)
        at = db.now()
        if values:
            conn.execute(
                update(staff).where(staff.c.id == staff_id).values(**values, changed_at=at)
            )
            publish(conn, at, staff_id)
        after = _must_get(conn, staff_id)
        if values and hook is not None:
            hook(conn, at, before, after)
        return after


def deactivate(db: OfficeDB, staff_id: int, hook: StaffHook | None = None) -> StaffMember:
    """They can no longer log in at any till, and the office refuses their operations."""
    return change(db, staff_id, active=False, hook=hook)


def add_card(db: OfficeDB, staff_id: int, uid: str, hook: StaffHook | None = None) -> StaffMember:
    uid = check_uid(uid)
    with db.write() as conn:
        before = _must_get(conn, staff_id)
        _put_cards(conn, staff_id, [uid])
        at = db.now()
        conn.execute(update(staff).where(staff.c.id == staff_id).values(changed_at=at))
        publish(conn, at, staff_id)
        after = _must_get(conn, staff_id)
        if hook is not None:
            hook(conn, at, before, after)
        return after


def remove_card(
    db: OfficeDB, staff_id: int, uid: str, hook: StaffHook | None = None
) -> StaffMember:
    uid = check_uid(uid)
    with db.write() as conn:
        before = _must_get(conn, staff_id)
        if uid not in before.cards:
            raise AdminError(f"card {uid} is not a staff card of staff member {staff_id}")
        conn.execute(delete(staff_cards).where(staff_cards.c.uid == uid))
        at = db.now()
        conn.execute(update(staff).where(staff.c.id == staff_id).values(changed_at=at))
        publish(conn, at, staff_id)
        after = _must_get(conn, staff_id)
        if hook is not None:
            hook(conn, at, before, after)
        return after
