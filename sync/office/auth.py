"""Enrolment codes and device credentials.

A code is made by store IT (``python -m sync.office create-code``), shown once, and
stored only as a hash; the first terminal that presents it before it expires becomes a
terminal with its own bearer token, also stored only as a hash. Revoking a terminal makes
its token answer 403 from then on.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import insert, select, update

from sync.office.db import OfficeDB
from sync.office.models import enrolment_codes, terminals
from sync.protocol import format_time, parse_time

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


def create_code(db: OfficeDB, terminal_name: str, valid: timedelta = timedelta(days=7)) -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    with db.write() as conn:
        now = db.clock()
        conn.execute(
            insert(enrolment_codes),
            [
                {
                    "code_hash": digest(normalise_code(code)),
                    "terminal_name": terminal_name,
                    "created_at": format_time(now),
                    "expires_at": format_time(now + valid),
                }
            ],
        )
    return code


def enrol(db: OfficeDB, code: str) -> tuple[Terminal, str]:
    """Use a code once: a new terminal and its token (returned only this once)."""
    token = secrets.token_urlsafe(32)
    with db.write() as conn:
        row = conn.execute(
            select(enrolment_codes).where(
                enrolment_codes.c.code_hash == digest(normalise_code(code))
            )
        ).first()
        now = db.clock()
        if row is None or row.used_at is not None or parse_time(row.expires_at) < now:
            raise BadCode("this enrolment code is unknown, used or expired")
        terminal_id = conn.execute(
            insert(terminals)
            .values(name=row.terminal_name, token_hash=digest(token), enrolled_at=format_time(now))
            .returning(terminals.c.id)
        ).scalar_one()
        conn.execute(
            update(enrolment_codes)
            .where(enrolment_codes.c.code_hash == row.code_hash)
            .values(used_at=format_time(now), terminal_id=terminal_id)
        )
    return Terminal(int(terminal_id), row.terminal_name), token


def authenticate(db: OfficeDB, header: str | None) -> Terminal:
    if not header or not header.startswith("Bearer "):
        raise Unauthorized("no device credential")
    with db.read() as conn:
        row = conn.execute(
            select(terminals.c.id, terminals.c.name, terminals.c.revoked_at).where(
                terminals.c.token_hash == digest(header[7:].strip())
            )
        ).first()
    if row is None:
        raise Unauthorized("unknown device credential")
    if row.revoked_at is not None:
        raise Forbidden("this terminal's credential was revoked at the office")
    return Terminal(row.id, row.name)


def revoke(db: OfficeDB, terminal_id: int) -> bool:
    with db.write() as conn:
        done = conn.execute(
            update(terminals)
            .where(terminals.c.id == terminal_id, terminals.c.revoked_at.is_(None))
            .values(revoked_at=db.now())
        ).rowcount
    return bool(done)
