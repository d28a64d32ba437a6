"""Staff at the till: PINs (scrypt), lock-outs that grow and survive restarts, roles.

A PIN is stored as ``scrypt$n$r$p$salt$hash`` (hex), never in clear. Five wrong PINs in a
row lock that person out for a minute; every further wrong PIN doubles it, up to a day.
The count and the lock are in the database, so restarting the app changes nothing.
Roles are checked here, in the service, not only by hiding buttons.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from terminal.services.errors import ServiceError
from terminal.services.ports import Writes
from terminal.services.roles import NotAllowed, Role, StaffMember
from terminal.services.unit import Unit
from terminal.store.connection import Connection
from terminal.store.staff_queries import StaffRecord
from terminal.store.unit_of_work import SqlWrites

__all__ = [
    "FREE_ATTEMPTS",
    "BadPin",
    "LockedOut",
    "NotAllowed",
    "PinRejected",
    "Role",
    "StaffMember",
    "add_staff",
    "hash_pin",
    "lock_for",
    "log_in",
    "log_in_by_card",
    "pin_matches",
    "staff_on_till",
]

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
FREE_ATTEMPTS = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(days=1)
PIN_LENGTHS = range(4, 13)
#: After this many doublings the first lock is longer than the longest: stop doubling.
_DOUBLINGS_TO_LONGEST = (LONGEST_LOCK // FIRST_LOCK).bit_length()


class PinRejected(ServiceError):
    def __init__(self, attempts_left: int) -> None:
        super().__init__("pin_wrong", attempts_left=str(attempts_left))
        self.attempts_left = attempts_left


class LockedOut(ServiceError):
    def __init__(self, until: datetime) -> None:
        super().__init__("locked_out", until=f"{until:%H:%M:%S}")
        self.until = until


class BadPin(ServiceError):
    def __init__(self) -> None:
        super().__init__("pin_format")


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
    tx: Writes | Connection, name: str, role: Role, pin: str, card_uid: str | None = None
) -> int:
    """Add a person to the till's staff in the caller's write transaction; returns their
    id. Set-up of a cache, not a use case (no role to check: store IT and the demo do it,
    and tests): ``tx`` is a transaction of a unit of work, or the connection of the
    ``Database.write()`` that sets the cache up (with the demo fill, say)."""
    writes = SqlWrites(tx) if isinstance(tx, Connection) else tx
    return writes.staff_updates.add(name, role.value, hash_pin(pin), card_uid)


def staff_on_till(unit: Unit, *, supervisors_only: bool = False) -> list[tuple[int, str]]:
    """(id, name) of the active staff, by name; only supervisors (and IT) if asked."""
    with unit.read() as tx:
        return tx.staff.on_till(supervisors_only=supervisors_only)


def _member(row: StaffRecord) -> StaffMember:
    return StaffMember(row.id, row.name, Role(row.role))


def log_in_by_card(unit: Unit, card_uid: str) -> StaffMember | None:
    """A staff card tapped at the start of a shift (or for supervisor mode): the person
    it belongs to, or None if it is nobody's staff card. A card does not get round a PIN
    lock-out: while its owner is locked out it raises :class:`LockedOut` too (audited)."""
    now = unit.clock.now()
    with unit.write() as tx:
        row = tx.staff.by_card(card_uid)
        if row is None:
            return None
        until = _locked_until(row.locked_until, now)
        action = "login_card" if until is None else "login_card_locked"
        tx.ledger.audit(now.isoformat(), action, staff_id=row.id)
        tx.commit()
    if until is not None:
        raise LockedOut(until)
    return _member(row)


def _locked_until(stored: str | None, now: datetime) -> datetime | None:
    """The end of a lock-out still running at ``now``, else None."""
    if not stored:
        return None
    until = datetime.fromisoformat(stored)
    return until if until > now else None


def log_in(unit: Unit, staff_id: int, pin: str) -> StaffMember:
    """Check a PIN. Every attempt is counted durably before the answer is given."""
    now = unit.clock.now()
    with unit.write() as tx:
        row = tx.staff.by_id(staff_id)
        if row is None or not row.active:
            raise ServiceError("unknown_staff")
        locked = _locked_until(row.locked_until, now)
        if locked is not None:
            raise LockedOut(locked)
        if row.pin_hash and pin_matches(pin, row.pin_hash):
            tx.staff_updates.pin_accepted(staff_id)
            tx.ledger.audit(now.isoformat(), "login", staff_id=staff_id)
            tx.commit()
            return _member(row)
        failed = row.failed_pins + 1
        lock = lock_for(failed)
        until = None if lock is None else now + lock
        tx.staff_updates.pin_refused(staff_id, failed, None if until is None else until.isoformat())
        tx.ledger.audit(now.isoformat(), "login_failed", staff_id=staff_id)
        tx.commit()
    if until is not None:
        raise LockedOut(until)
    raise PinRejected(FREE_ATTEMPTS - failed)
