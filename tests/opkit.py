"""Operations as a terminal sends them, made by hand for the office's tests, and reading
the office's own tables."""

from __future__ import annotations

import itertools
import json
import uuid
from typing import Any

from sqlalchemy import select

from office.db import OfficeDB
from office.models import cards as office_cards
from office.models import members as office_members
from office.models import operations as office_operations

_seq = itertools.count(1)


def op(
    member_id: int | None,
    card_id: int | None,
    points_delta_centi: int = 0,
    *,
    kind: str = "adjustment",
    op_id: str | None = None,
    seq: int | None = None,
    reverses: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A protocol-v1 operation body (the fields ``terminal.store.ledger.record`` sends)."""
    spent = max(0, -points_delta_centi)
    body: dict[str, Any] = {
        "v": 1,
        "id": op_id or str(uuid.uuid4()),
        "seq": seq if seq is not None else next(_seq),
        "kind": kind,
        "created_at": "2026-11-22T12:00:00+00:00",
        "staff_id": None,
        "card_id": card_id,
        "member_id": member_id,
        "amount_minor": 0,
        "discount_minor": 0,
        "paid_minor": 0,
        "points_spent_centi": spent,
        "points_earned_centi": max(0, points_delta_centi),
        "points_delta_centi": points_delta_centi,
        "spend_delta_minor": 0,
        "purchases_delta": 0,
        "reverses": reverses,
        "facts": {"reason": "a test adjustment"} if kind == "adjustment" else {},
    }
    body.update(extra)
    return body


def text(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True)


def member_with_card(db: OfficeDB, skip: int = 0) -> tuple[int, int, int]:
    """(member id, an active card of theirs, balance) of the office, the ``skip``-th one."""
    with db.read() as conn:
        row = conn.execute(
            select(office_cards.c.member_id, office_cards.c.id, office_members.c.balance_centi)
            .join(office_members, office_members.c.id == office_cards.c.member_id)
            .where(office_cards.c.state == "active", office_cards.c.kind == "personal")
            .order_by(office_cards.c.id)
            .offset(skip)
            .limit(1)
        ).one()
    return int(row[0]), int(row[1]), int(row[2])


def office_member(db: OfficeDB, member_id: int) -> dict[str, Any]:
    with db.read() as conn:
        row = conn.execute(select(office_members).where(office_members.c.id == member_id)).one()
    return dict(row._mapping)


def office_op_rows(db: OfficeDB, terminal_id: int) -> dict[str, str]:
    """op id -> status of what the office stored for a terminal."""
    with db.read() as conn:
        rows = conn.execute(
            select(office_operations.c.op_id, office_operations.c.status).where(
                office_operations.c.terminal_id == terminal_id
            )
        ).all()
    return {str(r[0]): str(r[1]) for r in rows}
