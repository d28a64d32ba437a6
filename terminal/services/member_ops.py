"""A supervisor's operations on a member: returns, gifts, point adjustments, feedback,
and the card's life (block, unblock, activate, replace).

Each one checks the role here (not only in the UI), writes its operation and outbox row
(so the office learns of it) and an audit line, all in one transaction, and returns only
after that commit. Card changes are also applied to the cache at once; the office's
next change feed confirms them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty import (
    CardKind,
    CardState,
    Money,
    ReturnQuote,
    birthday_gift_available,
    birthday_gift_year,
    feedback_award,
    quote_return,
)
from terminal.receipts.model import ReceiptData, ReceiptKind
from terminal.services import offline, spend_auth
from terminal.services.errors import NotAMemberCard, ServiceError
from terminal.services.gifts import Gift
from terminal.services.identify import (
    CardKey,
    MemberView,
    centi_from_points,
    club_card,
    find_card,
    view_of,
)
from terminal.services.member_summary import return_basis
from terminal.services.ports import Reads, Writes
from terminal.services.receipt_preview import card_tail
from terminal.services.return_lookup import PurchaseToReturn
from terminal.services.roles import Role
from terminal.services.unit import Unit
from terminal.store.records import NewOperation


@dataclass(frozen=True, slots=True)
class Recorded:
    """An operation written durably: its id and the terminal's sequence number."""

    operation_id: str
    seq: int
    points_delta: Decimal


def _print(
    tx: Writes,
    unit: Unit,
    kind: ReceiptKind,
    recorded: Recorded,
    view: MemberView | None,
    **fields: object,
) -> None:
    """Queue the operation's receipt in its own transaction (printed after the commit)."""
    if unit.receipts is None:
        return
    member = None if view is None else view.member
    data = ReceiptData(
        kind=kind,
        operation_id=recorded.operation_id,
        seq=recorded.seq,
        created_at=unit.clock.now(),
        cashier=None if unit.who is None else unit.who.name,
        member_name=None if member is None else member.address_as,
        card_tail=None if view is None else card_tail(view.card_number),
        balance_after=None if view is None else view.balance + recorded.points_delta,
        **fields,  # type: ignore[arg-type]
    )
    unit.receipts.add_receipt(tx, data)


def _record(
    tx: Writes,
    unit: Unit,
    kind: str,
    view: MemberView | None,
    details: dict[str, object],
    op_id: str | None = None,
    **amounts: int | str | None,
) -> Recorded:
    now = unit.clock.now().isoformat()
    op = NewOperation(
        id=op_id or unit.ids(),
        kind=kind,
        created_at=now,
        card_id=None if view is None else view.card_id,
        member_id=None if view is None or view.member is None else view.member.id,
        staff_id=unit.staff_id,
        facts=json.dumps(details, sort_keys=True, ensure_ascii=False),
        **amounts,  # type: ignore[arg-type]
    )
    seq = tx.ledger.record(op)
    target = op.id if view is None else f"card:{view.card_id}"
    tx.ledger.audit(now, kind, staff_id=unit.staff_id, target=target, details={"op": op.id})
    delta = Decimal(int(amounts.get("points_delta_centi") or 0)) / 100
    return Recorded(op.id, seq, delta)


def _member_view(tx: Reads, unit: Unit, key: CardKey, what: str) -> MemberView:
    key = club_card(key, unit.numbers)  # a payment card's number is never looked up
    view = view_of(tx, unit.rules, find_card(tx, key), unit.clock.today())
    if view.member is None or view.card_kind is not CardKind.PERSONAL:
        raise NotAMemberCard(what)
    return view


# --- returns ---------------------------------------------------------------------------


def return_purchase(
    unit: Unit, purchase: str | PurchaseToReturn, returning: Money | None = None
) -> tuple[Recorded, ReturnQuote]:
    """Reverse a purchase, wholly (``returning`` None: all not yet returned) or in part:
    this till's, by its id, or the one :func:`return_lookup.find_purchase` found (another
    till's, as the office gave it)."""
    unit.require(Role.SUPERVISOR, "a return")
    elsewhere = None if isinstance(purchase, str) else purchase.elsewhere
    with unit.write() as tx:
        basis = return_basis(tx, purchase)
        purchase_id, facts, card_id, already = (
            basis.purchase_id,
            basis.facts,
            basis.card_id,
            basis.already,
        )
        amount = returning if returning is not None else facts.amount - already
        rq = quote_return(unit.rules, facts, already, amount)
        card = None if card_id is None else tx.cards.by_id(card_id)
        view = None if card is None else view_of(tx, unit.rules, card, unit.clock.today())
        if elsewhere is not None and (view is None or view.member is None):
            # The till's cache does not have the member's card (yet): nothing to return to.
            raise ServiceError("unknown_card")
        complete = already + amount == facts.amount
        recorded = _record(
            tx,
            unit,
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
            tx,
            unit,
            ReceiptKind.RETURN,
            recorded,
            view,
            reverses=purchase_id,
            amount=amount,
            total=rq.refund_money,
            points_spent=rq.points_restored,
            points_earned=rq.points_revoked,
        )
        tx.commit()
    unit.wake_printer()
    return recorded, rq


# --- gifts, adjustments, feedback --------------------------------------------------------


def give_gift(unit: Unit, key: CardKey, gift_code: str) -> Recorded:
    """Hand out a gift: the birthday gift (once per birthday), a reward bought with points,
    or a lottery prize."""
    unit.require(Role.SUPERVISOR, "a gift")
    auth = _gift_authorised(unit, key, gift_code)
    with unit.write() as tx:
        view = _member_view(tx, unit, key, "a gift")
        if not view.usable:
            raise ServiceError("card_not_usable")
        gift = tx.gifts.by_code(gift_code)
        if gift is None or not gift.active:
            raise ServiceError("unknown_gift", gift=repr(gift_code))
        cost = int(gift.points_cost_centi)
        today = unit.clock.today()
        details: dict[str, object] = {"gift": gift_code, "gift_kind": gift.kind}
        if gift.kind == "birthday":
            year = birthday_gift_year(unit.rules, view.state, today)
            if year is not None and view.state.last_birthday_gift_year == year:
                raise ServiceError("birthday_gift_given", year=str(year))
            if not birthday_gift_available(unit.rules, view.state, today):
                raise ServiceError("no_birthday_gift")
            details["birthday_year"] = year  # identify derives the gift's year from this
        elif cost > centi_from_points(view.balance):
            raise ServiceError("points_short")
        # Offline, gifts only within the office's limits (docs/sync-rules.md): a birthday gift twice
        # from two offline tills is what the limit prevents.
        assert view.member is not None
        now = unit.clock.now()
        offline.check_spend(tx, view.member.id, cost, now, gift=True, held_centi=auth.held_centi)
        recorded = _record(
            tx, unit, "gift", view, details, points_delta_centi=-cost, op_id=auth.op_id
        )
        _print(
            tx,
            unit,
            ReceiptKind.GIFT,
            recorded,
            view,
            gift_name=Gift.named(gift, unit.receipts.language)
            if unit.receipts is not None
            else gift.name,
            points_spent=Decimal(cost) / 100,
            birthday=gift.kind == "birthday",
        )
        tx.commit()
    unit.wake_printer()
    return recorded


def _gift_authorised(unit: Unit, key: CardKey, gift_code: str) -> spend_auth.Authorisation:
    """Online, the office holds the gift's points (a birthday gift: none, but the office
    answering is what lets it go ahead) before anything is written."""
    if unit.authoriser is None:
        return spend_auth.Authorisation(unit.ids())
    with unit.read() as tx:
        view = _member_view(tx, unit, key, "a gift")
        gift = tx.gifts.by_code(gift_code)
    if gift is None or view.member is None:
        return spend_auth.Authorisation(unit.ids())  # refused in the write transaction
    return spend_auth.authorise(
        unit, view.member.id, view.card_id, int(gift.points_cost_centi), gift=True
    )


def adjust_points(unit: Unit, key: CardKey, delta: Decimal, reason: str) -> Recorded:
    """Add (or take away) points by hand; the reason is mandatory and kept."""
    unit.require(Role.SUPERVISOR, "a points adjustment")
    if not reason.strip():
        raise ServiceError("reason_missing")
    if delta == 0 or not delta.is_finite() or delta != delta.quantize(Decimal("0.01")):
        raise ServiceError("bad_points", points=delta)
    with unit.write() as tx:
        view = _member_view(tx, unit, key, "an adjustment")
        # The office's caps (they come with its limits): refused here before sending.
        offline.check_adjustment(tx, unit.staff_id, abs(centi_from_points(delta)), unit.clock.now())
        recorded = _record(
            tx,
            unit,
            "adjustment",
            view,
            {"reason": reason.strip()},
            points_delta_centi=centi_from_points(delta),
        )
        _print(
            tx,
            unit,
            ReceiptKind.ADJUSTMENT,
            recorded,
            view,
            note=reason.strip(),
            points_earned=max(delta, Decimal(0)),
            points_spent=max(-delta, Decimal(0)),
        )
        tx.commit()
    unit.wake_printer()
    return recorded


def record_feedback(unit: Unit, key: CardKey, text: str) -> Recorded:
    """A member's complaint or suggestion, earning the points the program says."""
    unit.require(Role.SUPERVISOR, "recording feedback")
    if not text.strip():
        raise ServiceError("feedback_empty")
    with unit.write() as tx:
        view = _member_view(tx, unit, key, "feedback")
        points = feedback_award(unit.rules)
        recorded = _record(
            tx,
            unit,
            "feedback",
            view,
            {"text": text.strip()},
            points_delta_centi=centi_from_points(points),
        )
        tx.commit()
    return recorded


# --- the card's life -----------------------------------------------------------------


def block_card(unit: Unit, key: CardKey, reason: str) -> Recorded:
    unit.require(Role.SUPERVISOR, "blocking a card")
    if not reason.strip():
        raise ServiceError("reason_missing")
    key = club_card(key, unit.numbers)
    with unit.write() as tx:
        card = find_card(tx, key)
        tx.card_updates.set_state(card.id, CardState.BLOCKED.value)
        view = view_of(tx, unit.rules, card, unit.clock.today())
        details: dict[str, object] = {"reason": reason.strip(), "was": card.state}
        recorded = _record(tx, unit, "card_block", view, details)
        tx.commit()
    return recorded


def unblock_card(unit: Unit, key: CardKey, reason: str) -> Recorded:
    """Make a blocked card active again (found, or blocked by mistake): a supervisor's,
    with the reason kept; the office checks the card is blocked there too."""
    unit.require(Role.SUPERVISOR, "unblocking a card")
    if not reason.strip():
        raise ServiceError("reason_missing")
    with unit.write() as tx:
        card = find_card(tx, key)
        if card.state != CardState.BLOCKED.value:
            raise ServiceError("not_blocked")
        tx.card_updates.set_state(card.id, CardState.ACTIVE.value)
        view = view_of(tx, unit.rules, find_card(tx, key), unit.clock.today())
        recorded = _record(tx, unit, "card_unblock", view, {"reason": reason.strip()})
        tx.commit()
    return recorded


def activate_bearer_card(unit: Unit, key: CardKey) -> Recorded:
    unit.require(Role.SUPERVISOR, "activating a card")
    key = club_card(key, unit.numbers)
    with unit.write() as tx:
        card = find_card(tx, key)
        if card.kind != CardKind.BEARER.value or card.state != CardState.NOT_ACTIVATED.value:
            raise ServiceError("not_activatable")
        tx.card_updates.set_state(card.id, CardState.ACTIVE.value)
        view = view_of(tx, unit.rules, find_card(tx, key), unit.clock.today())
        recorded = _record(tx, unit, "card_activate", view, {})
        tx.commit()
    return recorded


def replace_card(unit: Unit, old: CardKey, new: CardKey) -> Recorded:
    """Give a member a new card; the old one becomes REPLACED. The balance belongs to the
    member, so it moves with them (nothing to copy)."""
    unit.require(Role.SUPERVISOR, "replacing a card")
    old, new = club_card(old, unit.numbers), club_card(new, unit.numbers)
    with unit.write() as tx:
        view = _member_view(tx, unit, old, "a replacement")
        fresh = find_card(tx, new)
        if (
            fresh.id == view.card_id
            or fresh.member_id is not None
            or fresh.state not in (CardState.NOT_ACTIVATED.value,)
        ):
            raise ServiceError("card_not_free")
        assert view.member is not None
        tx.card_updates.give_to(
            fresh.id, view.member.id, kind=CardKind.PERSONAL.value, state=CardState.ACTIVE.value
        )
        tx.card_updates.mark_replaced(view.card_id, fresh.id, state=CardState.REPLACED.value)
        recorded = _record(tx, unit, "card_replace", view, {"new_card": fresh.id})
        tx.commit()
    return recorded
