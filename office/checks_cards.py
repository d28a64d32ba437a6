"""Cards follow their lifecycle at the office (docs/sync-rules.md, What the office
checks), and the card operations' effect on the office's cards.

- ``card_activate``: only a card not activated yet (and nobody else's);
- ``card_block``: any card not blocked or replaced;
- ``card_unblock``: only a blocked card, with a reason (``facts.reason``);
- ``card_replace``: from the member's own card onto a free card (nobody's, not
  activated, not deleted); the balance is the member's, so it carries over as it is. A
  card that belongs to another member is never moved.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from office import entities
from office.models import cards

KINDS = frozenset({"card_block", "card_activate", "card_unblock", "card_replace"})
MAX_REASON = 500
Problem = tuple[str, str]

_CARD = select(
    cards.c.id,
    cards.c.kind,
    cards.c.state,
    cards.c.member_id,
    cards.c.fixed_discount_bp,
    cards.c.deleted,
).where(cards.c.id == bindparam("cid"))


def card_row(conn: Connection, card_id: int) -> Any:
    return conn.execute(_CARD, {"cid": card_id}).first()


def new_card_id(op: dict[str, Any]) -> Any:
    facts = op.get("facts")
    return facts.get("new_card") if isinstance(facts, dict) else None


def check(conn: Connection, op: dict[str, Any], card: Any) -> Problem | None:
    """Why the card operation ``op`` on ``card`` (its office row) must be rejected."""
    kind = op["kind"]
    if card is None:
        return "bad_operation", f"a {kind} names its card"
    owner, member = card.member_id, op.get("member_id")
    if owner is not None and member is not None and owner != member:
        return "card_not_members", "the card belongs to another member"
    if kind == "card_activate" and card.state != "not_activated":
        return "card_state", f"only a card not activated yet can be activated (it is {card.state})"
    if kind == "card_block" and card.state in ("blocked", "replaced"):
        return "card_state", f"a card that is {card.state} cannot be blocked"
    if kind == "card_unblock":
        if card.state != "blocked":
            return "card_state", f"only a blocked card can be unblocked (it is {card.state})"
        reason = (op.get("facts") or {}).get("reason")
        if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_REASON:
            return "reason_missing", "an unblock names its reason"
    if kind == "card_replace":
        return _check_replace(conn, op, card)
    return None


def _check_replace(conn: Connection, op: dict[str, Any], old: Any) -> Problem | None:
    new = new_card_id(op)
    if not isinstance(new, int) or isinstance(new, bool) or not 0 < new < 2**63:
        return "bad_operation", "facts.new_card must be a card id"
    if op.get("member_id") is None or old.member_id != op.get("member_id"):
        return "card_not_members", "only the member's own card can be replaced"
    if old.state in ("replaced", "not_activated"):
        return "card_state", f"a card that is {old.state} cannot be replaced"
    fresh = card_row(conn, new)
    if fresh is None:
        return "unknown_card", f"new card {new}"
    if fresh.id == old.id or fresh.deleted or fresh.member_id is not None:
        return "card_not_free", "the new card belongs to someone (or is the old one)"
    if fresh.state != "not_activated":
        return "card_not_free", f"the new card must be not activated (it is {fresh.state})"
    return None


def apply(conn: Connection, at: str, op: dict[str, Any]) -> None:
    """The card operation's new states, written and published."""
    card_id, kind = op.get("card_id"), op["kind"]
    if card_id is None or kind not in KINDS:
        return
    if kind == "card_block":
        conn.execute(update(cards).where(cards.c.id == card_id).values(state="blocked"))
    elif kind in ("card_activate", "card_unblock"):
        conn.execute(update(cards).where(cards.c.id == card_id).values(state="active"))
    else:
        new = new_card_id(op)
        conn.execute(
            update(cards)
            .where(cards.c.id == new)
            .values(state="active", member_id=op.get("member_id"), kind="personal")
        )
        conn.execute(
            update(cards).where(cards.c.id == card_id).values(state="replaced", replaced_by=new)
        )
        entities.publish_card(conn, at, new)
    entities.publish_card(conn, at, card_id)
