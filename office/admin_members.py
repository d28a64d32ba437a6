"""What the admin web app reads and changes of the members (office/admin_web.py shows it):
the dashboard's counts, the search, a member's page, the edit of their name, phone and
consents (published in the feed and audited in the same transaction)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, or_, select, update

from office import audit, entities
from office.db import OfficeDB
from office.models import cards, members, operations, terminals
from sync.protocol import format_time

log = logging.getLogger(__name__)

PAGE = 20
#: Pages beyond this are not served (refine the search instead).
MAX_PAGE = 50
MAX_QUERY = 64
LAST_OPERATIONS = 50
LONGEST_NAME = 200
#: What the edit form changes.
EDITABLE = ("full_name", "phone", "consent_personal_data", "consent_marketing")


@dataclass(frozen=True, slots=True)
class Counts:
    members: int
    cards: int
    tills: int
    operations_today: int


def counts(db: OfficeDB, now: datetime) -> Counts:
    """Members and cards not deleted, tills not revoked, operations received since the
    office's midnight (UTC) of ``now``."""
    midnight = format_time(datetime.combine(now.date(), time(), now.tzinfo))
    with db.read() as conn:

        def count(query: Any) -> int:
            return int(conn.execute(query).scalar_one())

        return Counts(
            count(select(func.count()).select_from(members).where(~members.c.deleted)),
            count(select(func.count()).select_from(cards).where(~cards.c.deleted)),
            count(
                select(func.count()).select_from(terminals).where(terminals.c.revoked_at.is_(None))
            ),
            count(
                select(func.count())
                .select_from(operations)
                .where(operations.c.received_at >= midnight)
            ),
        )


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _digits(text: str) -> str | None:
    """The digits of a phone or card number as typed (+, spaces, dashes, brackets)."""
    plain = "".join(c for c in text if c not in "+ -()")
    return plain if plain.isascii() and plain.isdigit() else None


def search(db: OfficeDB, query: str, page: int) -> tuple[list[dict[str, Any]], bool]:
    """Members whose name starts with ``query`` (as typed, or with a capital), whose phone
    is or ends with its digits, or who hold the card of that number or UID; a page of
    them by name, and whether there are more."""
    query = query.strip()[:MAX_QUERY]
    if not query:
        return [], False
    page = max(0, min(page, MAX_PAGE - 1))
    variants = {query, query.lower(), query.capitalize(), query.title()}
    found: list[ColumnElement[bool]] = [
        members.c.full_name.like(_like(v) + "%", escape="\\") for v in variants
    ]
    digits = _digits(query)
    if digits is not None and len(digits) >= 4:
        found.append(members.c.phone == digits)
        if len(digits) >= 7:
            found.append(members.c.phone.like("%" + digits, escape="\\"))
        holders = select(cards.c.member_id).where(cards.c.number == digits, ~cards.c.deleted)
        found.append(members.c.id.in_(holders))
    if query.isascii() and query.isalnum():
        by_uid = select(cards.c.member_id).where(cards.c.uid == query.upper(), ~cards.c.deleted)
        found.append(members.c.id.in_(by_uid))
    rows_query = (
        select(members.c.id, members.c.full_name, members.c.phone, members.c.balance_centi)
        .where(~members.c.deleted, or_(*found))
        .order_by(members.c.full_name, members.c.id)
        .offset(page * PAGE)
        .limit(PAGE + 1)
    )
    with db.read() as conn:
        rows = [dict(r._mapping) for r in conn.execute(rows_query)]
    return rows[:PAGE], len(rows) > PAGE


def member(db: OfficeDB, member_id: int) -> dict[str, Any] | None:
    """A member (not deleted) with their cards and their last operations."""
    with db.read() as conn:
        row = entities.member_row(conn, member_id)
        if row is None or row["deleted"]:
            return None
        held = conn.execute(
            select(cards)
            .where(cards.c.member_id == member_id, ~cards.c.deleted)
            .order_by(cards.c.id)
        )
        return {
            **row,
            "cards": [dict(c._mapping) for c in held],
            "operations": _operations(conn, member_id),
        }


def _operations(conn: Connection, member_id: int) -> list[dict[str, Any]]:
    # The body is kept with sorted keys and json.dumps' separators: the LIKE finds the
    # candidates cheaply (the key's opening quote: no other key ends so), the decoded
    # body decides below (an index is for later, issue 15). No cast to JSON in SQL:
    # SQLite's turns every body into 0, PostgreSQL's is 32-bit where the ids are 64.
    rows = conn.execute(
        select(
            operations.c.terminal_id,
            operations.c.kind,
            operations.c.status,
            operations.c.received_at,
            operations.c.body,
        )
        .where(
            operations.c.body.like(f'%"member_id": {int(member_id)},%'),
        )
        .order_by(operations.c.received_at.desc(), operations.c.op_id)
        .limit(LAST_OPERATIONS)
    )
    out = []
    for r in rows:
        op = json.loads(r.body)
        if op.get("member_id") != member_id:
            continue
        out.append(
            {
                "terminal_id": r.terminal_id,
                "kind": r.kind,
                "status": r.status,
                "received_at": r.received_at,
                "amount_minor": op.get("amount_minor"),
                "points_delta_centi": op.get("points_delta_centi"),
            }
        )
    return out


class FieldError(ValueError):
    """A field of the edit form is wrong: ``field`` names it."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def clean_edit(form: dict[str, str]) -> dict[str, Any]:
    """The edit form's values, checked: :class:`FieldError` naming the field."""
    name = " ".join(form.get("full_name", "").split())
    if not 0 < len(name) <= LONGEST_NAME or not name.isprintable():
        raise FieldError("full_name")
    phone = _digits(form.get("phone", "").strip()) if form.get("phone", "").strip() else ""
    if phone is None or (phone and not 7 <= len(phone) <= 15):
        raise FieldError("phone")
    return {
        "full_name": name,
        "phone": phone or None,
        "consent_personal_data": form.get("consent_personal_data") == "on",
        "consent_marketing": form.get("consent_marketing") == "on",
    }


class Conflict(Exception):
    """The member changed (or was deleted) since the form was shown."""


def edit(
    db: OfficeDB, admin: tuple[int, str], member_id: int, seq: int, values: dict[str, Any]
) -> bool:
    """Change a member's editable fields, if they are still at feed position ``seq``:
    written, published in the feed and audited (before, after) in one transaction.
    False: nothing to change. :class:`Conflict` if the member changed meanwhile."""
    with db.write() as conn:
        row = entities.member_row(conn, member_id)
        if row is None or row["deleted"] or int(row["seq"]) != seq:
            raise Conflict
        before = {k: row[k] for k in EDITABLE}
        before = {k: bool(v) if k.startswith("consent") else v for k, v in before.items()}
        after = {k: values[k] for k in EDITABLE}
        if before == after:
            return False
        at = db.now()
        changed = {k: v for k, v in after.items() if before[k] != v}
        conn.execute(update(members).where(members.c.id == member_id).values(**changed))
        entities.publish_member(conn, at, member_id)
        audit.record_office(
            conn,
            at,
            admin,
            "member_edit",
            f"member:{member_id}",
            before={k: before[k] for k in changed},
            after=changed,
        )
    log.info("admin %d changed member %d (%s)", admin[0], member_id, ", ".join(sorted(changed)))
    return True
