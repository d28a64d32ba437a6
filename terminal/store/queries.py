"""Indexed lookups in the cache: by card UID or number, by phone, by name prefix.

Statements are built once at import; SQLAlchemy caches their compiled form, so a lookup
costs one indexed SQLite query.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from terminal.store.normalize import name_key, prefix_upper_bound
from terminal.store.records import (
    CardRecord,
    MemberRecord,
    OperationRecord,
    PendingTotals,
)
from terminal.store.schema import cards, members, operations, programs

# What a lookup selects: the columns named by the record's fields, in their order.
_CARD_COLS = tuple(cards.c[f.name] for f in fields(CardRecord))
_MEMBER_COLS = tuple(members.c[f.name] for f in fields(MemberRecord))
_OP_COLS = tuple(operations.c[f.name] for f in fields(OperationRecord))

_CARD_BY_UID = select(*_CARD_COLS).where(cards.c.uid == bindparam("key"))
_CARD_BY_NUMBER = select(*_CARD_COLS).where(cards.c.number == bindparam("key"))
_CARD_BY_ID = select(*_CARD_COLS).where(cards.c.id == bindparam("key"))
_MEMBER_BY_ID = select(*_MEMBER_COLS).where(members.c.id == bindparam("key"))
_MEMBERS_BY_PHONE = (
    select(*_MEMBER_COLS).where(members.c.phone == bindparam("key")).order_by(members.c.id)
)
_MEMBERS_BY_NAME = (
    select(*_MEMBER_COLS)
    .where(members.c.name_key >= bindparam("lo"), members.c.name_key < bindparam("hi"))
    .order_by(members.c.name_key, members.c.id)
    .limit(bindparam("limit"))
)
_CARDS_OF_MEMBER = select(*_CARD_COLS).where(cards.c.member_id == bindparam("key"))
_PENDING = select(
    func.count(),
    func.coalesce(func.sum(operations.c.points_delta_centi), 0),
    func.coalesce(func.sum(operations.c.spend_delta_minor), 0),
    func.coalesce(func.sum(operations.c.purchases_delta), 0),
).where(operations.c.member_id == bindparam("key"), operations.c.status == "pending")
_OPERATION = select(*_OP_COLS).where(operations.c.id == bindparam("key"))
_PROGRAM = select(programs.c.body).where(programs.c.active.is_(True)).limit(1)


def _card(row: Sequence[Any] | None) -> CardRecord | None:
    return None if row is None else _card_row(row)


def _card_row(row: Sequence[Any]) -> CardRecord:
    return CardRecord(*row)


def _member(row: Sequence[Any]) -> MemberRecord:
    return MemberRecord(*row)


def card_by_uid(conn: Connection, uid: str) -> CardRecord | None:
    return _card(conn.execute(_CARD_BY_UID, {"key": uid.upper()}).first())


def card_by_number(conn: Connection, number: str) -> CardRecord | None:
    return _card(conn.execute(_CARD_BY_NUMBER, {"key": number}).first())


def card_by_id(conn: Connection, card_id: int) -> CardRecord | None:
    return _card(conn.execute(_CARD_BY_ID, {"key": card_id}).first())


def cards_of_member(conn: Connection, member_id: int) -> list[CardRecord]:
    return [_card_row(r) for r in conn.execute(_CARDS_OF_MEMBER, {"key": member_id})]


def member_by_id(conn: Connection, member_id: int) -> MemberRecord | None:
    row = conn.execute(_MEMBER_BY_ID, {"key": member_id}).first()
    return None if row is None else _member(row)


def members_by_phone(conn: Connection, phone: str) -> list[MemberRecord]:
    """Members with this normalised phone (digits with country code)."""
    return [_member(r) for r in conn.execute(_MEMBERS_BY_PHONE, {"key": phone})]


def members_by_name_prefix(conn: Connection, prefix: str, limit: int = 20) -> list[MemberRecord]:
    key = name_key(prefix)
    if not key:
        return []
    params = {"lo": key, "hi": prefix_upper_bound(key), "limit": limit}
    return [_member(r) for r in conn.execute(_MEMBERS_BY_NAME, params)]


def pending_totals(conn: Connection, member_id: int) -> PendingTotals:
    row = conn.execute(_PENDING, {"key": member_id}).one()
    return PendingTotals(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


def operation(conn: Connection, op_id: str) -> OperationRecord | None:
    row = conn.execute(_OPERATION, {"key": op_id}).first()
    return None if row is None else OperationRecord(*tuple(row))


def recent_operations(
    conn: Connection, member_id: int | None, card_id: int | None, limit: int
) -> list[OperationRecord]:
    """This till's newest operations on a member (``member_id``), or on a card without a
    member (``card_id``), newest first."""
    where = (
        operations.c.member_id == member_id
        if member_id is not None
        else operations.c.card_id == card_id
    )
    query = select(*_OP_COLS).where(where).order_by(operations.c.seq.desc()).limit(limit)
    return [OperationRecord(*tuple(row)) for row in conn.execute(query)]


def active_program_body(conn: Connection) -> dict[str, object] | None:
    body = conn.execute(_PROGRAM).scalar()
    return None if body is None else dict(json.loads(body))


def count_members(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(members)).scalar_one())
