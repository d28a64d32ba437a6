"""Staff at the till: PINs, lock-outs that grow and survive restarts, roles.

Staff belong to the office and come in its feed (docs/sync-rules.md, "Who may do what"):
their PIN hash is :mod:`common.pins`', the same function at both ends. Five wrong PINs in
a row lock that person out for a minute; every further wrong PIN doubles it, up to a day.
The count and the lock are this till's own, in the database, so restarting the app (or
the office changing the person) changes nothing; a supervisor can lift a cashier's
lock-out (:func:`lift_lock_out`, audited). A deactivated person, or one the office does
not let work at this till, cannot log in. Roles are checked here, in the service, not
only by hiding buttons.

When the office asks for it (``set-limits --supervisor-card``, published with the
limits), a supervisor's or store admin's right PIN is not enough: :func:`log_in` raises
:class:`CardNeeded`, and :func:`finish_with_card` with a tap of that person's own staff
card logs them in (terminal/services/second_factor.py); their card alone is not enough
either.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from common import pins
from terminal.services.errors import ServiceError
from terminal.services.ports import Writes
from terminal.services.roles import NotAllowed, Role, StaffMember
from terminal.services.second_factor import (
    CARD_WAIT,
    TWO_FACTOR_ROLES,
    CardNeeded,
    CardPending,
    card_required,
    pending,
)
from terminal.services.unit import Unit
from terminal.store.connection import Connection
from terminal.store.staff_queries import StaffRecord
from terminal.store.unit_of_work import SqlWrites

__all__ = [
    "CARD_WAIT",
    "FREE_ATTEMPTS",
    "BadPin",
    "CardNeeded",
    "CardPending",
    "LockedOut",
    "NotAllowed",
    "PinRejected",
    "Role",
    "StaffMember",
    "add_staff",
    "finish_with_card",
    "hash_pin",
    "lift_lock_out",
    "lock_for",
    "locked_out",
    "log_in",
    "log_in_by_card",
    "pin_matches",
    "staff_on_till",
]

FREE_ATTEMPTS = 5
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(days=1)
PIN_LENGTHS = pins.PIN_LENGTHS
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
    def __init__(self, least: int = pins.SHORTEST) -> None:
        super().__init__("pin_format", least=str(least))


def hash_pin(pin: str, role: Role | None = None) -> str:
    """The office's PIN hash (:mod:`common.pins`), refusing a bad PIN as a service error;
    with ``role``, a PIN shorter than that role's shortest (:class:`common.pins.PinRules`'
    defaults) too."""
    try:
        return pins.hash_pin(pin, None if role is None else role.value)
    except pins.PinFormatError:
        least = pins.SHORTEST if role is None else pins.PinRules().shortest(role.value)
        raise BadPin(least) from None


pin_matches = pins.pin_matches


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
    id. Only for a demo or a cache not enrolled with an office (the demo fill, tests):
    staff belong to the office (``python -m office staff add``), and a till that follows
    one refuses (``terminal.store.staff_queries.OfficeOwnsStaff``). ``tx`` is a
    transaction of a unit of work, or the connection of the ``Database.write()`` that
    sets the cache up."""
    writes = SqlWrites(tx) if isinstance(tx, Connection) else tx
    return writes.staff_updates.add(name, role.value, hash_pin(pin, role), card_uid)


def staff_on_till(unit: Unit, *, supervisors_only: bool = False) -> list[tuple[int, str]]:
    """(id, name) of the active staff who may work at this till, by name; only
    supervisors (and store admins) if asked."""
    with unit.read() as tx:
        here = tx.sync.terminal_id()
        return tx.staff.on_till(supervisors_only=supervisors_only, terminal_id=here)


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
        if not row.works_at(tx.sync.terminal_id()):
            tx.ledger.audit(now.isoformat(), "login_not_here", staff_id=row.id)
            tx.commit()
            raise ServiceError("staff_not_here")
        until = _locked_until(row.locked_until, now)
        pin_first = Role(row.role) in TWO_FACTOR_ROLES and card_required(tx)
        action = "login_card" if until is None else "login_card_locked"
        if until is None and pin_first:
            action = "login_card_without_pin"
        tx.ledger.audit(now.isoformat(), action, staff_id=row.id)
        tx.commit()
    if until is not None:
        raise LockedOut(until)
    if pin_first:
        raise ServiceError("supervisor_pin_needed")
    return _member(row)


def finish_with_card(unit: Unit, pending: CardPending, card_uid: str) -> StaffMember:
    """The second factor: ``card_uid`` tapped after ``pending``'s right PIN. Their own
    staff card logs them in (and the count of wrong PINs starts again only then); anyone
    else's card (or none) is refused and counts as a wrong PIN toward the lock-out;
    after :data:`CARD_WAIT` the PIN is typed again."""
    now = unit.clock.now()
    with unit.write() as tx:
        row = tx.staff.by_id(pending.staff_id)
        if row is None or not row.active:
            raise ServiceError("unknown_staff")
        if not row.works_at(tx.sync.terminal_id()):
            raise ServiceError("staff_not_here")
        locked = _locked_until(row.locked_until, now)
        if locked is not None:
            raise LockedOut(locked)
        if now > pending.until:
            raise ServiceError("supervisor_card_late")
        owner = tx.staff.by_card(card_uid)
        if owner is not None and owner.id == row.id:
            tx.staff_updates.pin_accepted(row.id)
            tx.ledger.audit(now.isoformat(), "login_pin_and_card", staff_id=row.id)
            tx.commit()
            return _member(row)
        failed = row.failed_pins + 1
        lock = lock_for(failed)
        until = None if lock is None else now + lock
        tx.staff_updates.pin_refused(row.id, failed, None if until is None else until.isoformat())
        tx.ledger.audit(now.isoformat(), "login_card_not_theirs", staff_id=row.id)
        tx.commit()
    if until is not None:
        raise LockedOut(until)
    raise ServiceError("supervisor_card_wrong")


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
        if not row.works_at(tx.sync.terminal_id()):
            raise ServiceError("staff_not_here")
        locked = _locked_until(row.locked_until, now)
        if locked is not None:
            raise LockedOut(locked)
        if row.pin_hash and pin_matches(pin, row.pin_hash):
            wanted = Role(row.role) in TWO_FACTOR_ROLES and card_required(tx)
            if not wanted:  # with a card to come, the count starts again only after it
                tx.staff_updates.pin_accepted(staff_id)
            action = "login_pin_card_wanted" if wanted else "login"
            tx.ledger.audit(now.isoformat(), action, staff_id=staff_id)
            tx.commit()
            if wanted:
                raise CardNeeded(pending(row, now))
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


def locked_out(unit: Unit) -> list[tuple[int, str, datetime]]:
    """(id, name, until) of the staff locked out now, by name: whom a supervisor may help
    (:func:`lift_lock_out`)."""
    now = unit.clock.now()
    with unit.read() as tx:
        rows = tx.staff.locked_out(now.isoformat())
    return [(i, name, datetime.fromisoformat(until)) for i, name, until in rows]


def lift_lock_out(unit: Unit, staff_id: int) -> None:
    """The supervisor on duty lifts a cashier's PIN lock-out (a store admin: anyone's but
    their own); the wrong PINs count from nought again. Audited as ``lockout_lifted``."""
    who = unit.require(Role.SUPERVISOR, "lifting a lock-out")
    now = unit.clock.now()
    with unit.write() as tx:
        row = tx.staff.by_id(staff_id)
        if row is None or not row.active:
            raise ServiceError("unknown_staff")
        role = Role(row.role)
        may = role is Role.CASHIER or (who.role is Role.STORE_ADMIN and row.id != who.id)
        if not may:
            raise NotAllowed("lifting this lock-out", who.role)
        if _locked_until(row.locked_until, now) is None and not row.failed_pins:
            return  # nothing to lift
        tx.staff_updates.lift_lock(staff_id)
        details: dict[str, object] = {
            "failed_pins": row.failed_pins,
            "locked_until": row.locked_until,
        }
        tx.ledger.audit(
            now.isoformat(),
            "lockout_lifted",
            staff_id=who.id,
            target=str(staff_id),
            details=details,
        )
        tx.commit()
