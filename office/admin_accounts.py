"""The admin web app's accounts: made with ``python -m office admin-add``, checked at
log-in, locked for a while after too many wrong passwords.

A password is kept only as an argon2id hash (:func:`common.pins.hash_password`). After
:data:`MAX_FAILURES` wrong passwords in a row an account is locked for :data:`LOCK_FOR`
(the time is kept in its row: a restart does not lift it); while locked, even the right
password is refused, and a log-in after the lock counts afresh. A name that is no
account's costs the same hash check as a wrong password, so that the time of an answer
does not tell which names exist.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import insert, select, update

from common import pins
from office.admin import AdminError
from office.admin_roles import ROLE_NAMES, Role
from office.db import OfficeDB
from office.models import admin_accounts
from sync.protocol import format_time, parse_time

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
SHORTEST_PASSWORD = 10
LONGEST_PASSWORD = 256
LONGEST_NAME = 64
#: Checked when a name is no account's (made once, at the cost of a real hash).
_DUMMY: list[str] = []


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    role: Role
    active: bool
    locked_until: str | None


class LoginOutcome(Enum):
    OK = "ok"
    WRONG = "wrong"  # a wrong name or password, or a locked account (not told apart)


@dataclass(frozen=True, slots=True)
class Login:
    outcome: LoginOutcome
    account: Account | None = None


def _account(row: object) -> Account:
    r = row._mapping  # type: ignore[attr-defined]
    return Account(int(r["id"]), r["name"], Role(r["role"]), bool(r["active"]), r["locked_until"])


def check_name(name: str) -> str:
    name = name.strip()
    if not 0 < len(name) <= LONGEST_NAME or not name.isprintable():
        raise AdminError(f"an admin's name is 1 to {LONGEST_NAME} printable characters")
    return name


def check_password(password: str) -> None:
    if not SHORTEST_PASSWORD <= len(password) <= LONGEST_PASSWORD:
        raise AdminError(f"a password is {SHORTEST_PASSWORD} to {LONGEST_PASSWORD} characters long")
    if password.strip() != password or "\x00" in password:
        raise AdminError("a password neither starts nor ends with a space, nor holds NUL")


def add(db: OfficeDB, name: str, role: str, password: str) -> int:
    """A new admin account; its id. :class:`AdminError` for a bad name, role or password,
    or a name taken."""
    name = check_name(name)
    if role not in ROLE_NAMES:
        raise AdminError(f"a role is one of {', '.join(ROLE_NAMES)}")
    check_password(password)
    hashed = pins.hash_password(password)
    with db.write() as conn:
        taken = conn.execute(select(admin_accounts.c.id).where(admin_accounts.c.name == name))
        if taken.first() is not None:
            raise AdminError(f"there is an admin named {name} already")
        at = db.now()
        row = {
            "name": name,
            "role": role,
            "password_hash": hashed,
            "active": True,
            "failed_logins": 0,
            "locked_until": None,
            "created_at": at,
            "changed_at": at,
        }
        new_id = conn.execute(insert(admin_accounts).returning(admin_accounts.c.id), [row])
        return int(new_id.scalar_one())


def list_accounts(db: OfficeDB) -> list[Account]:
    with db.read() as conn:
        rows = conn.execute(select(admin_accounts).order_by(admin_accounts.c.id)).all()
    return [_account(r) for r in rows]


def get(db: OfficeDB, admin_id: int) -> Account | None:
    with db.read() as conn:
        row = conn.execute(select(admin_accounts).where(admin_accounts.c.id == admin_id)).first()
    return None if row is None else _account(row)


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(pins.hash_password("no such admin, no such password"))
    return _DUMMY[0]


def _locked(locked_until: str | None, now: datetime) -> bool:
    return locked_until is not None and parse_time(locked_until) > now


def log_in(db: OfficeDB, name: str, password: str) -> Login:
    """Check a name and password (in a worker thread: a hash check takes a while). Every
    answer but OK costs one hash check, whatever the name and the password's length, and
    a wrong or locked one reads alike (:data:`LoginOutcome.WRONG`): neither the time nor
    the words tell which names exist. The lock is read again in the transaction that
    counts the attempt, so attempts racing each other cannot outnumber it."""
    with db.read() as conn:
        row = conn.execute(
            select(admin_accounts).where(admin_accounts.c.name == name.strip())
        ).first()
    usable = row is not None and row.active and len(password) <= LONGEST_PASSWORD
    against = row.password_hash if row is not None and usable else _dummy_hash()
    right = pins.password_matches(password[:LONGEST_PASSWORD], against)
    if row is None or not usable:
        return Login(LoginOutcome.WRONG)
    now = db.clock.now()
    with db.write() as conn:
        state = conn.execute(
            select(admin_accounts.c.failed_logins, admin_accounts.c.locked_until)
            .where(admin_accounts.c.id == row.id)
            .with_for_update()
        ).one()
        if _locked(state.locked_until, now):
            return Login(LoginOutcome.WRONG)  # locked: even the right password, unsaid
        failures = state.failed_logins
        change = admin_accounts.update().where(admin_accounts.c.id == row.id)
        if right:
            conn.execute(change.values(failed_logins=0, locked_until=None))
            return Login(LoginOutcome.OK, _account(row))
        failures = int(failures) + 1
        if failures >= MAX_FAILURES:
            conn.execute(change.values(failed_logins=0, locked_until=format_time(now + LOCK_FOR)))
            log.warning("admin %d locked for %s: %d wrong passwords", row.id, LOCK_FOR, failures)
            return Login(LoginOutcome.WRONG)
        conn.execute(change.values(failed_logins=failures))
    return Login(LoginOutcome.WRONG)


def deactivate(db: OfficeDB, admin_id: int) -> None:
    """The account may log in no more; its sessions end now."""
    from office.models import admin_sessions as sessions_table

    with db.write() as conn:
        conn.execute(
            update(admin_accounts)
            .where(admin_accounts.c.id == admin_id)
            .values(active=False, changed_at=db.now())
        )
        conn.execute(sessions_table.delete().where(sessions_table.c.admin_id == admin_id))


def unlock(db: OfficeDB, admin_id: int) -> None:
    with db.write() as conn:
        conn.execute(
            update(admin_accounts)
            .where(admin_accounts.c.id == admin_id)
            .values(failed_logins=0, locked_until=None, changed_at=db.now())
        )
