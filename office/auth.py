"""Enrolment codes and device credentials.

A code is made by store IT (``python -m office create-code``), shown once, and
stored only as a hash; the first terminal that presents it before it expires becomes a
terminal with its own bearer token, also stored only as a hash. Revoking a terminal makes
its token answer 403 from then on.

Every request a terminal makes with its token marks it seen (``last_seen_at``, the
reports' "not seen for a day"): written at most once a :data:`SEEN_EVERY`, in a
transaction of its own that does not wait for the change feed's lock.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from office.db import OfficeDB
from office.models import enrolment_codes, terminals
from sync.protocol import format_time, parse_time

log = logging.getLogger(__name__)

#: How often a terminal's ``last_seen_at`` is written at most (a write per request would
#: queue behind every push).
SEEN_EVERY = timedelta(minutes=1)
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class Unauthorized(Exception):
    """No credential, or one the office does not know (HTTP 401)."""


class Forbidden(Exception):
    """A credential of a revoked terminal (HTTP 403)."""


class BadCode(Exception):
    """An enrolment code unknown, used or expired (HTTP 403)."""


@dataclass(frozen=True, slots=True)
class Terminal:
    id: int
    name: str


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


class WrongCode(Exception):
    """A code for a new till, presented by a till that still holds unsent operations as
    another terminal (HTTP 409): it needs a re-enrolment code for that terminal."""


def create_code(
    db: OfficeDB,
    terminal_name: str,
    valid: timedelta = timedelta(days=7),
    *,
    terminal_id: int | None = None,
) -> str:
    """A one-time code: for a new till, or (``terminal_id``) to enrol an existing
    terminal again, keeping its id (a new token; the old one stops working)."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    with db.write() as conn:
        now = db.clock.now()
        if terminal_id is not None:
            known = conn.execute(
                select(terminals.c.name).where(terminals.c.id == terminal_id)
            ).first()
            if known is None:
                raise BadCode(f"no terminal {terminal_id} at this office")
            terminal_name = known.name
        conn.execute(
            insert(enrolment_codes),
            [
                {
                    "code_hash": digest(normalise_code(code)),
                    "terminal_name": terminal_name,
                    "created_at": format_time(now),
                    "expires_at": format_time(now + valid),
                    "terminal_id": terminal_id,  # a re-enrolment code names its terminal
                }
            ],
        )
    return code


def enrol(
    db: OfficeDB, code: str, *, was: int | None = None, unsent: int = 0
) -> tuple[Terminal, str]:
    """Use a code once: a terminal and its token (returned only this once).

    ``was``/``unsent``: the terminal the till was enrolled as, and how many operations it
    still has to send. Those operations are applied once per terminal, so such a till
    must come back as the same terminal: a code for a new till is refused (``WrongCode``,
    the code stays usable) and a re-enrolment code gives the terminal a new token."""
    token = secrets.token_urlsafe(32)
    with db.write() as conn:
        row = conn.execute(
            select(enrolment_codes).where(
                enrolment_codes.c.code_hash == digest(normalise_code(code))
            )
        ).first()
        now = db.clock.now()
        if row is None or row.used_at is not None or parse_time(row.expires_at) < now:
            raise BadCode("this enrolment code is unknown, used or expired")
        at = format_time(now)
        if row.terminal_id is not None:  # enrol that terminal again
            if was is not None and was != row.terminal_id:
                raise WrongCode(
                    f"this code re-enrols terminal {row.terminal_id}, but this till was "
                    f"terminal {was}: ask for a code for terminal {was}"
                )
            terminal_id = int(row.terminal_id)
            conn.execute(
                update(terminals)
                .where(terminals.c.id == terminal_id)
                .values(token_hash=digest(token), enrolled_at=at, revoked_at=None)
            )
        else:
            if was is not None and unsent > 0:
                raise WrongCode(
                    f"this till still has {unsent} operation(s) to send as terminal {was}: "
                    f"it must be enrolled again as that terminal (python -m office "
                    f"create-code --terminal {was}); this code stays usable"
                )
            terminal_id = conn.execute(
                insert(terminals)
                .values(name=row.terminal_name, token_hash=digest(token), enrolled_at=at)
                .returning(terminals.c.id)
            ).scalar_one()
        conn.execute(
            update(enrolment_codes)
            .where(enrolment_codes.c.code_hash == row.code_hash)
            .values(used_at=at, terminal_id=terminal_id)
        )
    return Terminal(int(terminal_id), row.terminal_name), token


def authenticate(db: OfficeDB, header: str | None) -> Terminal:
    if not header or not header.startswith("Bearer "):
        raise Unauthorized("no device credential")
    with db.read() as conn:
        row = conn.execute(
            select(
                terminals.c.id, terminals.c.name, terminals.c.revoked_at, terminals.c.last_seen_at
            ).where(terminals.c.token_hash == digest(header[7:].strip()))
        ).first()
    if row is None:
        raise Unauthorized("unknown device credential")
    if row.revoked_at is not None:
        raise Forbidden("this terminal's credential was revoked at the office")
    _seen(db, int(row.id), row.last_seen_at)
    return Terminal(row.id, row.name)


def _seen(db: OfficeDB, terminal_id: int, last: str | None) -> None:
    now = db.clock.now()
    if last is not None and now - parse_time(last) < SEEN_EVERY:
        return
    try:
        with db.engine.begin() as conn:
            conn.execute(
                update(terminals)
                .where(terminals.c.id == terminal_id)
                .values(last_seen_at=format_time(now))
            )
    except SQLAlchemyError as exc:  # best effort: a busy database does not refuse the till
        log.info("terminal %d: last seen not written (%s)", terminal_id, type(exc).__name__)


def revoke(db: OfficeDB, terminal_id: int) -> bool:
    with db.write() as conn:
        done = conn.execute(
            update(terminals)
            .where(terminals.c.id == terminal_id, terminals.c.revoked_at.is_(None))
            .values(revoked_at=db.now())
        ).rowcount
    return bool(done)
