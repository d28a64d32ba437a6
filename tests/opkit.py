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
#: The staff every test office has (the demo's, through the seed file: demo_data.DEMO_STAFF
#: in order, ids from 1): operations are made in their names unless a test says otherwise.
CASHIER_ID = 1
SUPERVISOR_ID = 2


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
        "staff_id": SUPERVISOR_ID,
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


def _office_view(db: OfficeDB, member_id: int | None, card_id: int) -> tuple[Any, Any, Any]:
    from office import programs
    from office.checks_cards import card_row
    from office.checks_purchase import office_state, office_terms
    from office.entities import member_row

    with db.read() as conn:
        program = programs.current(conn)
        card = card_row(conn, card_id)
        member = None if member_id is None else member_row(conn, member_id)
    assert program is not None and card is not None
    return program, office_terms(card), office_state(member)


def purchase(
    db: OfficeDB,
    member_id: int | None,
    card_id: int,
    amount_minor: int,
    spend_centi: int = 0,
    *,
    day: str = "2026-11-22",
    **extra: Any,
) -> dict[str, Any]:
    """A purchase with the true figures: the till's quote on the office's state (the
    state the till saw goes in ``facts["seen"]``, as terminal/services/checkout.py
    writes it); ``extra`` fields replace the body's."""
    program, terms, state = _office_view(db, member_id, card_id)
    body = purchase_of(program, terms, state, amount_minor, spend_centi, member_id, card_id, day)
    body.update(extra)
    return body


def purchase_of(
    program: Any,
    terms: Any,
    state: Any,
    amount_minor: int,
    spend_centi: int,
    member_id: int | None,
    card_id: int,
    day: str = "2026-11-22",
) -> dict[str, Any]:
    """The operation a till records for this quote (terminal/services/checkout.py)."""
    from datetime import date
    from decimal import Decimal

    from terminal.loyalty import Money, quote

    q = quote(
        program,
        terms,
        state,
        Money.from_minor(amount_minor),
        date.fromisoformat(day),
        Decimal(spend_centi) / 100,
    )
    spent, earned = round(q.points_spent * 100), round(q.points_earned * 100)
    seen = {
        "lifetime_spend_minor": state.lifetime_spend.minor,
        "window_spend_minor": state.window_spend.minor,
        "purchases": state.purchases,
        "balance_centi": round(state.points_balance * 100),
        "birthday": None if state.birthday is None else state.birthday.isoformat(),
        "last_gift_year": state.last_birthday_gift_year,
        "card_kind": terms.kind.value,
        "card_state": terms.state.value,
        "fixed_discount_bp": round(terms.fixed_discount_pct * 100),
    }
    return op(
        member_id,
        card_id,
        earned - spent,
        kind="purchase",
        created_at=f"{day}T12:00:00+00:00",
        amount_minor=q.amount.minor,
        discount_minor=q.discount.minor,
        paid_minor=q.paid.minor,
        points_spent_centi=spent,
        points_earned_centi=earned,
        spend_delta_minor=q.spend_added.minor if member_id is not None else 0,
        purchases_delta=1 if member_id is not None else 0,
        facts={
            "program": program.code,
            "version": program.version,
            **q.facts().to_dict(),
            "seen": seen,
            "day": day,
        },
    )


def return_of(
    db: OfficeDB, target: dict[str, Any], returning_minor: int | None = None, already: int = 0
) -> dict[str, Any]:
    """A return of ``target`` (a purchase body) with the true figures: goods worth
    ``returning_minor`` (None: all not returned yet) after ``already`` came back."""
    from terminal.loyalty import Money, PurchaseFacts, quote_return

    with db.read() as conn:
        from office import programs

        program = programs.current(conn)
    assert program is not None
    facts = PurchaseFacts.from_dict(target["facts"])
    amount = facts.amount.minor - already if returning_minor is None else returning_minor
    rq = quote_return(program, facts, Money.from_minor(already), Money.from_minor(amount))
    complete = already + amount == facts.amount.minor
    restored, revoked = round(rq.points_restored * 100), round(rq.points_revoked * 100)
    return op(
        target["member_id"],
        target["card_id"],
        restored - revoked,
        kind="return",
        reverses=target["id"],
        amount_minor=amount,
        paid_minor=-rq.refund_money.minor,
        points_spent_centi=-restored,
        points_earned_centi=-revoked,
        spend_delta_minor=-rq.spend_removed.minor,
        purchases_delta=-1 if complete and target["purchases_delta"] else 0,
        facts={"returning": str(Money.from_minor(amount)), "complete": complete},
    )
