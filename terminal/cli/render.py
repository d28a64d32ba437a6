"""How the CLI shows a member view and a quote: as text for people, as JSON for scripts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from terminal.loyalty import CardState, Quote
from terminal.services.identify import MemberInfo, MemberView
from terminal.services.messages import card_problem


def problem_text(state: CardState) -> str | None:
    return card_problem(state)


def points(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"


def member_json(m: MemberInfo | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "id": m.id,
        "full_name": m.full_name,
        "address_as": m.address_as,
        "birthday": None if m.birthday is None else m.birthday.isoformat(),
        "phone": m.phone,
        "segment": m.segment,
        "personal_manager": m.personal_manager,
        "priority_service": m.priority_service,
    }


def view_json(v: MemberView) -> dict[str, Any]:
    return {
        "card": {
            "id": v.card_id,
            "number": v.card_number,
            "kind": v.card_kind.value,
            "state": v.card_state.value,
            "fixed_discount_pct": str(v.terms.fixed_discount_pct),
            "replaced_by": v.replaced_by,
            "problem": problem_text(v.card_state),
        },
        "member": member_json(v.member),
        "points": {
            "balance": str(v.balance),
            "office_balance": str(v.office_balance),
            "pending": str(v.pending_points),
            "pending_operations": v.pending_operations,
        },
        "tier": None if v.tier is None else v.tier.code,
        "next_tier": None
        if v.progress is None or v.progress.next is None
        else v.progress.next.code,
        "to_next_tier": None if v.progress is None else str(v.progress.remaining),
        "birthday_window": v.birthday_window,
        "gift_available": v.gift_available,
        "synced_at": v.synced_at,
    }


def view_text(v: MemberView) -> str:
    out = []
    if v.member is not None:
        m = v.member
        out.append(f"{m.full_name}  ({m.address_as})")
        if m.birthday:
            out.append(f"  birthday      {m.birthday:%d.%m.%Y}")
        if v.birthday_window:
            gift = ", gift available" if v.gift_available else ""
            out.append(f"  ** birthday window: congratulate {m.address_as}{gift} **")
        if m.priority_service:
            out.append("  priority service")
        if m.personal_manager:
            out.append(f"  personal manager: {m.personal_manager}")
    else:
        out.append("bearer card (no name)")
    out.append(
        f"  card          {v.card_number or '-'} ({v.card_kind.value}, {v.card_state.value})"
    )
    if problem := problem_text(v.card_state):
        out.append(f"  !! {problem}")
    if v.terms.fixed_discount_pct:
        out.append(f"  card discount {v.terms.fixed_discount_pct}%")
    if v.tier is not None and v.progress is not None:
        nxt = v.progress.next
        tail = f", {v.progress.remaining} to {nxt.name}" if nxt is not None else " (top tier)"
        out.append(f"  tier          {v.tier.name}: {v.tier.discount_pct}% discount{tail}")
    if v.member is not None:
        pending = (
            f" (incl. {points(v.pending_points)} not yet sent)" if v.pending_operations else ""
        )
        out.append(f"  points        {points(v.balance)}{pending}")
    return "\n".join(out)


def quote_json(q: Quote) -> dict[str, Any]:
    return {
        "amount": str(q.amount),
        "discount": str(q.discount),
        "discount_pct": str(q.discount_pct),
        "payable_before_points": str(q.payable_before_points),
        "max_spend_points": str(q.max_spend_points),
        "points_spent": str(q.points_spent),
        "to_pay": str(q.paid),
        "points_earned": str(q.points_earned),
        "balance_after": str(q.balance_after),
        "tier_after": q.tier_after.code,
        "lines": [{"code": ln.code, "text": ln.text} for ln in q.lines],
    }


def quote_text(q: Quote) -> str:
    out = [f"  amount        {q.amount}"]
    out += [f"    - {ln.text}" for ln in q.lines]
    out += [
        f"  discount      {q.discount}",
        f"  points spent  {points(q.points_spent)} (at most {points(q.max_spend_points)})",
        f"  TO PAY        {q.paid}",
        f"  points earned {points(q.points_earned)}",
        f"  balance after {points(q.balance_after)}",
        f"  tier after    {q.tier_after.name}",
    ]
    return "\n".join(out)
