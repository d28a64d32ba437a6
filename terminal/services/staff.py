"""Staff at the till: PINs (scrypt), lock-outs that grow and survive restarts, roles.

A PIN is stored as ``scrypt$n$r$p$salt$hash`` (hex), never in clear. Five wrong PINs in a
row lock that person out for a minute; every further wrong PIN doubles it, up to a day.
The count and the lock are in the database, so restarting the app changes nothing.
Roles are checked here, in the service, not only by hiding buttons.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select, update

from common.clock import Clock
from terminal.services.errors import ServiceError
from terminal.store import ledger
from terminal.store.database import Database
from terminal.store.schema import staff

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
FREE_ATTEMPTS = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(days=1)
PIN_LENGTHS = range(4, 13)
#: After this many doublings the first lock is longer than the longest: stop doubling.
_DOUBLINGS_TO_LONGEST = (LONGEST_LOCK // FIRST_LOCK).bit_length()


class Role(enum.Enum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    IT = "it"


class PinRejected(ServiceError):
    def __init__(self, attempts_left: int) -> None:
        super().__init__("pin_wrong", attempts_left=str(attempts_left))
        self.attempts_left = attempts_left


class LockedOut(ServiceError):
    def __init__(self, until: datetime) -> None:
        super().__init__("locked_out", until=f"{until:%H:%M:%S}")
        self.until = until


class NotAllowed(ServiceError):
    def __init__(self, action: str, role: Role) -> None:
        super().__init__("not_allowed", action=action, role=role.value)


class BadPin(ServiceError):
    def __init__(self) -> None:
        super().__init__("pin_format")


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    role: Role

    def require(self, role: Role, action: str) -> None:
        """Raise :class:`NotAllowed` unless this person may do ``action``."""
        if role is Role.SUPERVISOR and self.role not in (Role.SUPERVISOR, Role.IT):
            raise NotAllowed(action, self.role)


def new_id(key: Sequence[object] | None) -> int:
    if not key:
        raise RuntimeError("the database gave no id for a new row")
    return int(str(key[0]))


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    if not pin.isdigit() or len(pin) not in PIN_LENGTHS:
        raise BadPin()
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def lock_for(failed: int) -> timedelta | None:
    """How long ``failed`` wrong PINs in a row lock a person out (None: not yet)."""
    if failed < FREE_ATTEMPTS:
        return None
    doublings = failed - FREE_ATTEMPTS
    # Cap before multiplying: 2**n minutes overflows timedelta after ~45 doublings.
    if doublings >= _DOUBLINGS_TO_LONGEST:
        return LONGEST_LOCK
    return min(FIRST_LOCK * (1 << doublings), LONGEST_LOCK)


def add_staff(
    conn: Connection, name: str, role: Role, pin: str, card_uid: str | None = None
) -> int:
    result = conn.execute(
        insert(staff).values(
            name=name,
            role=role.value,
            pin_hash=hash_pin(pin),
            card_uid=None if card_uid is None else card_uid.upper(),
        )
    )
    return new_id(result.inserted_primary_key)


def staff_on_till(db: Database, *, supervisors_only: bool = False) -> list[tuple[int, str]]:
    """(id, name) of the active staff, by name; only supervisors (and IT) if asked."""
    query = select(staff.c.id, staff.c.name).where(staff.c.active.is_(True))
    if supervisors_only:
        query = query.where(staff.c.role != Role.CASHIER.value)
    with db.read() as conn:
        return [(int(i), str(n)) for i, n in conn.execute(query.order_by(staff.c.name))]


def log_in_by_card(db: Database, card_uid: str, clock: Clock) -> StaffMember | None:
    """A staff card tapped at the start of a shift (or for supervisor mode): the person
    it belongs to, or None if it is nobody's staff card. A card does not get round a PIN
    lock-out: while its owner is locked out it raises :class:`LockedOut` too (audited)."""
    now = clock.now()
    with db.write() as conn:
        row = conn.execute(
            select(staff.c.id, staff.c.name, staff.c.role, staff.c.locked_until).where(
                staff.c.card_uid == card_uid.upper(), staff.c.active.is_(True)
            )
        ).first()
        if row is None:
            return None
        until = _locked_until(row.locked_until, now)
        action = "login_card" if until is None else "login_card_locked"
        ledger.audit(conn, now.isoformat(), action, staff_id=row.id)
    if until is not None:
        raise LockedOut(until)
    return StaffMember(row.id, row.name, Role(row.role))


def _locked_until(stored: str | None, now: datetime) -> datetime | None:
    """The end of a lock-out still running at ``now``, else None."""
    if not stored:
        return None
    until = datetime.fromisoformat(stored)
    return until if until > now else None


def log_in(db: Database, staff_id: int, pin: str, clock: Clock) -> StaffMember:
    """Check a PIN. Every attempt is counted durably before the answer is given."""
    now = clock.now()
    with db.write() as conn:
        row = conn.execute(
            select(
                staff.c.name,
                staff.c.role,
                staff.c.pin_hash,
                staff.c.failed_pins,
                staff.c.locked_until,
                staff.c.active,
            ).where(staff.c.id == staff_id)
        ).first()
        if row is None or not row.active:
            raise ServiceError("unknown_staff")
        locked = _locked_until(row.locked_until, now)
        if locked is not None:
            raise LockedOut(locked)
        if row.pin_hash and pin_matches(pin, row.pin_hash):
            conn.execute(
                update(staff).where(staff.c.id == staff_id).values(failed_pins=0, locked_until=None)
            )
            ledger.audit(conn, now.isoformat(), "login", staff_id=staff_id)
            return StaffMember(staff_id, row.name, Role(row.role))
        failed = row.failed_pins + 1
        lock = lock_for(failed)
        until = None if lock is None else now + lock
        conn.execute(
            update(staff)
            .where(staff.c.id == staff_id)
            .values(failed_pins=failed, locked_until=None if until is None else until.isoformat())
        )
        ledger.audit(conn, now.isoformat(), "login_failed", staff_id=staff_id)
    if until is not None:
        raise LockedOut(until)
    raise PinRejected(FREE_ATTEMPTS - failed)
