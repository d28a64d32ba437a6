"""A supervisor's operations on a member: returns, gifts, point adjustments, feedback,
and the card's life (block, activate, replace).

Each one checks the role here (not only in the UI), writes its operation and outbox row
(so the office learns of it) and an audit line, all in one transaction, and returns only
after that commit. Card changes are also applied to the cache at once; the office's
next change feed confirms them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, select, update

from common.clock import Clock, IdFactory
from terminal.loyalty import (
    CardKind,
    CardState,
    Money,
    Program,
    PurchaseFacts,
    ReturnQuote,
    birthday_gift_available,
    birthday_gift_year,
    feedback_award,
    quote_return,
)
from terminal.receipts.model import ReceiptData, ReceiptKind
from terminal.receipts.spool import Spooler
from terminal.services import offline
from terminal.services.errors import NotAMemberCard, ServiceError
from terminal.services.identify import CardKey, MemberView, centi_from_points, find_card, view_of
from terminal.services.return_lookup import UnknownPurchase
from terminal.services.staff import Role, StaffMember
from terminal.store import ledger, queries
from terminal.store.database import Database
from terminal.store.records import NewOperation
from terminal.store.schema import cards, gifts


@dataclass(frozen=True, slots=True)
class Recorded:
    """An operation written durably: its id and the terminal's sequence number."""

    operation_id: str
    seq: int
    points_delta: Decimal


@dataclass(frozen=True, slots=True)
class Context:
    """What every operation needs: the cache, the rules, the clock, ids, who does it."""

    db: Database
    program: Program
    clock: Clock
    ids: IdFactory
    who: StaffMember
    receipts: Spooler | None = None  # gifts, returns and adjustments print a receipt


def _print(
    conn: Connection,
    ctx: Context,
    kind: ReceiptKind,
    recorded: Recorded,
    view: MemberView | None,
    **fields: object,
) -> None:
    """Queue the operation's receipt in its own transaction (printed after the commit)."""
    if ctx.receipts is None:
        return
    member = None if view is None else view.member
    data = ReceiptData(
        kind=kind,
        operation_id=recorded.operation_id,
        seq=recorded.seq,
        created_at=ctx.clock.now(),
        cashier=ctx.who.name,
        member_name=None if member is None else member.address_as,
        card_tail=None if view is None or view.card_number is None else view.card_number[-4:],
        balance_after=None if view is None else view.balance + recorded.points_delta,
        **fields,  # type: ignore[arg-type]
    )
    ctx.receipts.enqueue_receipt(conn, data)


def _record(
    conn: Connection,
    ctx: Context,
    kind: str,
    view: MemberView | None,
    details: dict[str, object],
    **amounts: int | str | None,
) -> Recorded:
    now = ctx.clock.now().isoformat()
    op = NewOperation(
        id=ctx.ids(),
        kind=kind,
        created_at=now,
        card_id=None if view is None else view.card_id,
        member_id=None if view is None or view.member is None else view.member.id,
        staff_id=ctx.who.id,
        facts=json.dumps(details, sort_keys=True, ensure_ascii=False),
        **amounts,  # type: ignore[arg-type]
    )
    seq = ledger.record(conn, op)
    target = op.id if view is None else f"card:{view.card_id}"
    ledger.audit(conn, now, kind, staff_id=ctx.who.id, target=target, details={"op": op.id})
    delta = Decimal(int(amounts.get("points_delta_centi") or 0)) / 100
    return Recorded(op.id, seq, delta)


def _member_view(conn: Connection, ctx: Context, key: CardKey, what: str) -> MemberView:
    view = view_of(conn, ctx.program, find_card(conn, key), ctx.clock.today())
    if view.member is None or view.card_kind is not CardKind.PERSONAL:
        raise NotAMemberCard(what)
    return view


@dataclass(frozen=True, slots=True)
class Gift:
    code: str
    name: str
    kind: str  # birthday | reward | prize
    points_cost: Decimal


def gift_catalogue(db: Database) -> list[Gift]:
    """The gifts a supervisor can hand out, as the office published them."""
    query = select(gifts.c.code, gifts.c.name, gifts.c.kind, gifts.c.points_cost_centi).where(
        gifts.c.active.is_(True)
    )
    with db.read() as conn:
        return [Gift(c, n, k, Decimal(cost) / 100) for c, n, k, cost in conn.execute(query)]


# --- returns ---------------------------------------------------------------------------


def return_purchase(
    ctx: Context, purchase_id: str, returning: Money | None = None
) -> tuple[Recorded, ReturnQuote]:
    """Reverse a purchase, wholly (``returning`` None: all not yet returned) or in part."""
    ctx.who.require(Role.SUPERVISOR, "a return")
    with ctx.db.write() as conn:
        purchase = queries.operation(conn, purchase_id)
        if purchase is None or purchase.kind != "purchase":
            raise UnknownPurchase()
        facts = PurchaseFacts.from_dict(json.loads(purchase.facts))
        already = Money.from_minor(ledger.returned_minor(conn, purchase_id))
        amount = returning if returning is not None else facts.amount - already
        rq = quote_return(ctx.program, facts, already, amount)
        card = None if purchase.card_id is None else queries.card_by_id(conn, purchase.card_id)
        view = None if card is None else view_of(conn, ctx.program, card, ctx.clock.today())
        complete = already + amount == facts.amount
        recorded = _record(
            conn,
            ctx,
            "return",
            view,
            {"returning": str(amount), "complete": complete},
            reverses=purchase_id,
            amount_minor=amount.minor,
            paid_minor=-rq.refund_money.minor,
            points_spent_centi=-centi_from_points(rq.points_restored),
            points_earned_centi=-centi_from_points(rq.points_revoked),
            points_delta_centi=centi_from_points(rq.points_delta),
            spend_delta_minor=-rq.spend_removed.minor,
            purchases_delta=-1 if complete else 0,
        )
        _print(
            conn,
            ctx,
            ReceiptKind.RETURN,
            recorded,
            view,
            reverses=purchase_id,
            amount=amount,
            total=rq.refund_money,
            points_spent=rq.points_restored,
            points_earned=rq.points_revoked,
        )
    if ctx.receipts is not None:
        ctx.receipts.wake()
    return recorded, rq


# --- gifts, adjustments, feedback --------------------------------------------------------


def give_gift(ctx: Context, key: CardKey, gift_code: str) -> Recorded:
    """Hand out a gift: the birthday gift (once per birthday), a reward bought with points,
    or a lottery prize."""
    ctx.who.require(Role.SUPERVISOR, "a gift")
    with ctx.db.write() as conn:
        view = _member_view(conn, ctx, key, "a gift")
        if not view.usable:
            raise ServiceError("card_not_usable")
        gift = conn.execute(
            select(gifts.c.name, gifts.c.kind, gifts.c.points_cost_centi, gifts.c.active).where(
                gifts.c.code == gift_code
            )
        ).first()
        if gift is None or not gift.active:
            raise ServiceError("unknown_gift", gift=repr(gift_code))
        cost = int(gift.points_cost_centi)
        today = ctx.clock.today()
        details: dict[str, object] = {"gift": gift_code, "gift_kind": gift.kind}
        if gift.kind == "birthday":
            if not birthday_gift_available(ctx.program, view.state, today):
                raise ServiceError("no_birthday_gift")
            year = birthday_gift_year(ctx.program, view.state, today)
            details["birthday_year"] = year  # identify derives the gift's year from this
        elif cost > centi_from_points(view.balance):
            raise ServiceError("points_short")
        # Offline, gifts only within the office's limits (SYNC.md): a birthday gift twice
        # from two offline tills is what the limit prevents.
        assert view.member is not None
        offline.check_spend(conn, view.member.id, cost, ctx.clock.now(), gift=True)
        recorded = _record(conn, ctx, "gift", view, details, points_delta_centi=-cost)
        _print(
            conn,
            ctx,
            ReceiptKind.GIFT,
            recorded,
            view,
            gift_name=gift.name,
            points_spent=Decimal(cost) / 100,
            birthday=gift.kind == "birthday",
        )
    if ctx.receipts is not None:
        ctx.receipts.wake()
    return recorded


def adjust_points(ctx: Context, key: CardKey, delta: Decimal, reason: str) -> Recorded:
    """Add (or take away) points by hand; the reason is mandatory and kept."""
    ctx.who.require(Role.SUPERVISOR, "a points adjustment")
    if not reason.strip():
        raise ServiceError("reason_missing")
    if delta == 0 or not delta.is_finite() or delta != delta.quantize(Decimal("0.01")):
        raise ServiceError("bad_points", points=str(delta))
    with ctx.db.write() as conn:
        view = _member_view(conn, ctx, key, "an adjustment")
        recorded = _record(
            conn,
            ctx,
            "adjustment",
            view,
            {"reason": reason.strip()},
            points_delta_centi=centi_from_points(delta),
        )
        _print(
            conn,
            ctx,
            ReceiptKind.ADJUSTMENT,
            recorded,
            view,
            note=reason.strip(),
            points_earned=max(delta, Decimal(0)),
            points_spent=max(-delta, Decimal(0)),
        )
    if ctx.receipts is not None:
        ctx.receipts.wake()
    return recorded


def record_feedback(ctx: Context, key: CardKey, text: str) -> Recorded:
    """A member's complaint or suggestion, earning the points the program says."""
    ctx.who.require(Role.SUPERVISOR, "recording feedback")
    if not text.strip():
        raise ServiceError("feedback_empty")
    with ctx.db.write() as conn:
        view = _member_view(conn, ctx, key, "feedback")
        points = feedback_award(ctx.program)
        return _record(
            conn,
            ctx,
            "feedback",
            view,
            {"text": text.strip()},
            points_delta_centi=centi_from_points(points),
        )


# --- the card's life -----------------------------------------------------------------


def block_card(ctx: Context, key: CardKey, reason: str) -> Recorded:
    ctx.who.require(Role.SUPERVISOR, "blocking a card")
    if not reason.strip():
        raise ServiceError("reason_missing")
    with ctx.db.write() as conn:
        card = find_card(conn, key)
        conn.execute(
            update(cards).where(cards.c.id == card.id).values(state=CardState.BLOCKED.value)
        )
        view = view_of(conn, ctx.program, card, ctx.clock.today())
        return _record(conn, ctx, "card_block", view, {"reason": reason.strip(), "was": card.state})


def activate_bearer_card(ctx: Context, key: CardKey) -> Recorded:
    ctx.who.require(Role.SUPERVISOR, "activating a card")
    with ctx.db.write() as conn:
        card = find_card(conn, key)
        if card.kind != CardKind.BEARER.value or card.state != CardState.NOT_ACTIVATED.value:
            raise ServiceError("not_activatable")
        conn.execute(
            update(cards).where(cards.c.id == card.id).values(state=CardState.ACTIVE.value)
        )
        view = view_of(conn, ctx.program, find_card(conn, key), ctx.clock.today())
        return _record(conn, ctx, "card_activate", view, {})


def replace_card(ctx: Context, old: CardKey, new: CardKey) -> Recorded:
    """Give a member a new card; the old one becomes REPLACED. The balance belongs to the
    member, so it moves with them (nothing to copy)."""
    ctx.who.require(Role.SUPERVISOR, "replacing a card")
    with ctx.db.write() as conn:
        view = _member_view(conn, ctx, old, "a replacement")
        fresh = find_card(conn, new)
        if (
            fresh.id == view.card_id
            or fresh.member_id is not None
            or fresh.state not in (CardState.NOT_ACTIVATED.value,)
        ):
            raise ServiceError("card_not_free")
        assert view.member is not None
        conn.execute(
            update(cards)
            .where(cards.c.id == fresh.id)
            .values(
                state=CardState.ACTIVE.value,
                member_id=view.member.id,
                kind=CardKind.PERSONAL.value,
            )
        )
        conn.execute(
            update(cards)
            .where(cards.c.id == view.card_id)
            .values(state=CardState.REPLACED.value, replaced_by=fresh.id)
        )
        return _record(conn, ctx, "card_replace", view, {"new_card": fresh.id})
