"""Signed-in admins: server-side sessions, each a row the cookie's random token names.

The cookie carries a random token (:func:`secrets.token_urlsafe`, 256 bits); the office
keeps only its SHA-256, so a copy of the database opens no session. A session ends when
it has been idle for :attr:`SessionRules.idle` (30 minutes), at the latest
:attr:`SessionRules.absolute` after the log-in (12 hours), or at log-out, which deletes
its row. Each session has its own CSRF token, which every form it shows carries and every
state-changing request must give back (office/admin_web.py).

Times come from the office's clock (``OfficeDB.clock``): a test moves it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, insert, or_, select, update

from office.admin_accounts import Account, get
from office.db import OfficeDB
from office.models import admin_sessions
from sync.protocol import format_time, parse_time

#: ``seen_at`` is written again only when older than this: not one write per page.
_TOUCH_AFTER = timedelta(seconds=30)


@dataclass(frozen=True, slots=True)
class SessionRules:
    """How long a session lives; ``secure_cookies``: mark the cookie Secure even when
    the request came over plain HTTP (the office behind a proxy that ends TLS)."""

    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)
    secure_cookies: bool = False


@dataclass(frozen=True, slots=True)
class Session:
    account: Account
    csrf: str
    token_hash: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(db: OfficeDB, account: Account, rules: SessionRules) -> str:
    """A new session of ``account`` (and its expired ones removed): the cookie's token."""
    token = secrets.token_urlsafe(32)
    now = db.clock.now()
    with db.write() as conn:
        conn.execute(
            delete(admin_sessions).where(
                admin_sessions.c.admin_id == account.id,
                or_(
                    admin_sessions.c.seen_at < format_time(now - rules.idle),
                    admin_sessions.c.created_at < format_time(now - rules.absolute),
                ),
            )
        )
        row = {
            "token_hash": _digest(token),
            "admin_id": account.id,
            "csrf": secrets.token_urlsafe(32),
            "created_at": format_time(now),
            "seen_at": format_time(now),
        }
        conn.execute(insert(admin_sessions), [row])
    return token


def find(db: OfficeDB, token: str | None, rules: SessionRules) -> Session | None:
    """The live session the cookie's ``token`` names (its idle time restarted), or None:
    no such session, expired (then its row is deleted), or its admin deactivated."""
    if not token or len(token) > 128:
        return None
    digest = _digest(token)
    with db.read() as conn:
        row = conn.execute(
            select(admin_sessions).where(admin_sessions.c.token_hash == digest)
        ).first()
    if row is None:
        return None
    now = db.clock.now()
    seen, created = parse_time(row.seen_at), parse_time(row.created_at)
    account = get(db, int(row.admin_id))
    expired = now - seen > rules.idle or now - created > rules.absolute
    if expired or account is None or not account.active:
        end(db, token)
        return None
    if now - seen > _TOUCH_AFTER:
        with db.write() as conn:
            conn.execute(
                update(admin_sessions)
                .where(admin_sessions.c.token_hash == digest)
                .values(seen_at=format_time(now))
            )
    return Session(account, str(row.csrf), digest)


def end(db: OfficeDB, token: str) -> None:
    with db.write() as conn:
        conn.execute(delete(admin_sessions).where(admin_sessions.c.token_hash == _digest(token)))


def csrf_matches(session: Session, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(session.csrf.encode(), given.encode())


def end_digest(db: OfficeDB, token_hash: str) -> None:
    """Log-out: the session's row deleted."""
    with db.write() as conn:
        conn.execute(delete(admin_sessions).where(admin_sessions.c.token_hash == token_hash))
