"""The figures of the other kinds checked at the office (docs/sync-rules.md, What the
office checks): a return re-derived from its target's facts and bounded with every
other reversal of that target (whichever till pushed them); a gift's points from the
office's catalogue; an adjustment's reason and caps; feedback's points from the program;
and nothing moved by the card operations.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from office import programs
from office.models import adjustment_totals, gifts, member_returns, operations
from sync.protocol import OfflineLimits
from terminal.loyalty import LoyaltyError, Money, PurchaseFacts, quote_return

Problem = tuple[str, str]
TOLERANCE = 1
_CENTI = Decimal("0.01")
_MONEY_AND_COUNTS = (
    "amount_minor",
    "discount_minor",
    "paid_minor",
    "spend_delta_minor",
    "purchases_delta",
)
MAX_REASON = 500

_REVERSALS = select(operations.c.body).where(
    operations.c.reverses == bindparam("target"),
    operations.c.status == "applied",
)
_GIFT = select(gifts.c.kind, gifts.c.points_cost_centi).where(gifts.c.code == bindparam("code"))
_TOTAL = select(adjustment_totals.c.total_centi).where(
    adjustment_totals.c.staff_id == bindparam("sid"), adjustment_totals.c.day == bindparam("day")
)


def _int(op: dict[str, Any], name: str) -> int:
    return int(op.get(name, 0))


def _centi(points: Decimal) -> int:
    return int((points / _CENTI).to_integral_exact())


def points_only(op: dict[str, Any]) -> Problem | None:
    """An operation that moves only points: no money, spend or purchases, and points
    spent/earned either left at 0 or the two sides of its delta."""
    if any(_int(op, n) for n in _MONEY_AND_COUNTS):
        return "out_of_bounds", f"a {op['kind']} moves no money, spend or purchases"
    delta, spent, earned = (_int(op, n) for n in _POINT_FIELDS)
    if (spent, earned) not in ((0, 0), (max(0, -delta), max(0, delta))):
        return "out_of_bounds", "points spent and earned are not the two sides of the delta"
    return None


_POINT_FIELDS = ("points_delta_centi", "points_spent_centi", "points_earned_centi")


def check_return(conn: Connection, op: dict[str, Any], target: dict[str, Any]) -> Problem | None:
    """A return of ``target`` (a purchase, pushed by any till): its figures are what
    terminal.loyalty.quote_return gives after the returns applied before, and all of
    them together never exceed the purchase (money, points, spend, purchases)."""
    if target.get("kind") != "purchase":
        return "bad_operation", "a return reverses a purchase"
    if op.get("member_id") != target.get("member_id"):
        return "bad_operation", "a return is the purchase's member's"
    facts_raw = target.get("facts") or {}
    try:
        facts = PurchaseFacts.from_dict(facts_raw)
    except LoyaltyError as exc:
        return "bad_operation", f"the purchase's facts cannot be read: {exc}"
    program = programs.published(conn, facts_raw.get("program"), facts_raw.get("version"))
    program = program or programs.current(conn)
    if program is None:
        return "unknown_program", "the office has no program to work the return out by"
    before = [json.loads(str(b)) for (b,) in conn.execute(_REVERSALS, {"target": target["id"]})]
    already = sum(int(b.get("amount_minor", 0)) for b in before)
    returning = _int(op, "amount_minor")
    if returning <= 0 or _int(op, "discount_minor"):
        return "out_of_bounds", "a return gives back goods worth more than zero"
    try:
        rq = quote_return(program, facts, Money.from_minor(already), Money.from_minor(returning))
    except LoyaltyError as exc:
        return "reversal_exceeds", f"the returns of this purchase exceed it: {exc}"
    complete = already + returning == facts.amount.minor
    derived = {
        "paid_minor": -rq.refund_money.minor,
        "points_spent_centi": -_centi(rq.points_restored),
        "points_earned_centi": -_centi(rq.points_revoked),
        "spend_delta_minor": -rq.spend_removed.minor,
    }
    for name, value in derived.items():
        if abs(_int(op, name) - value) > TOLERANCE:
            return "figures_mismatch", f"{name} is {_int(op, name)}, the rules give {value}"
    if _int(op, "purchases_delta") != (-1 if complete and target.get("purchases_delta") else 0):
        return "figures_mismatch", "a return takes the purchase back only when complete"
    delta = _int(op, "points_earned_centi") - _int(op, "points_spent_centi")
    if _int(op, "points_delta_centi") != delta:
        return "out_of_bounds", "points_delta_centi is not points earned minus points spent"
    # Together with the returns before (within the tolerance each), never beyond it.
    for name in ("paid_minor", "points_spent_centi", "points_earned_centi", "spend_delta_minor"):
        total = _int(op, name) + sum(int(b.get(name, 0)) for b in before)
        if -total > int(target.get(name, 0)) or total > 0:
            return "reversal_exceeds", f"the returns of this purchase exceed its {name}"
    counted = _int(op, "purchases_delta") + sum(int(b.get("purchases_delta", 0)) for b in before)
    if -counted > int(target.get("purchases_delta", 0)):
        return "reversal_exceeds", "the purchase was taken back already"
    return None


def count_return(conn: Connection, member_id: int, member_seq: int, op: dict[str, Any]) -> None:
    """Keep what an applied return took off its member (office.checks_purchase reads it)."""
    row = {
        "member_id": member_id,
        "member_seq": member_seq,
        "spend_minor": max(0, -_int(op, "spend_delta_minor")),
        "purchases": max(0, -_int(op, "purchases_delta")),
    }
    conn.execute(insert(member_returns), [row])


def check_gift(
    conn: Connection, op: dict[str, Any], member: dict[str, Any], at: str = ""
) -> Problem | None:
    """``at``: the office's time; a birthday gift's year must be the office's year (the
    year before too, for a window that began then; the next one in December)."""
    facts = op.get("facts") or {}
    code = facts.get("gift")
    row = conn.execute(_GIFT, {"code": code}).first() if isinstance(code, str) else None
    if row is None:
        return "unknown_gift", f"no gift {str(code)[:32]!r} in the office's catalogue"
    found = points_only(op)
    if found is not None:
        return found
    if _int(op, "points_delta_centi") != -int(row.points_cost_centi):
        return "figures_mismatch", (
            f"the gift costs {row.points_cost_centi} hundredths of a point at the office"
        )
    if row.kind == "birthday":
        year = facts.get("birthday_year")
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 9999:
            return "bad_operation", "a birthday gift names its birthday_year"
        if at[:4].isdigit():
            now_year, december = int(at[:4]), at[5:7] == "12"
            if not now_year - 1 <= year <= now_year + (1 if december else 0):
                return "gift_not_due", f"a birthday gift of {year} is not due in {now_year}"
        if (member["last_gift_year"] or 0) >= year:
            return "gift_not_due", f"the birthday gift of {year} was handed out already"
    return None


def _day(at: str) -> str:
    return at[:10]


def check_adjustment(
    conn: Connection, at: str, op: dict[str, Any], limits: OfflineLimits
) -> Problem | None:
    reason = (op.get("facts") or {}).get("reason")
    if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_REASON:
        return "reason_missing", f"an adjustment names its reason (1 to {MAX_REASON} characters)"
    found = points_only(op)
    if found is not None:
        return found
    size = abs(_int(op, "points_delta_centi"))
    if size == 0:
        return "out_of_bounds", "an adjustment moves points"
    if size > limits.adjust_per_operation_centi:
        return "adjustment_cap", (
            f"at most {limits.adjust_per_operation_centi} hundredths of a point an adjustment"
        )
    staff = op.get("staff_id") or 0
    done = conn.execute(_TOTAL, {"sid": staff, "day": _day(at)}).scalar() or 0
    if int(done) + size > limits.adjust_staff_day_centi:
        return "adjustment_daily_cap", (
            f"at most {limits.adjust_staff_day_centi} hundredths of a point a day by one "
            "member of staff"
        )
    return None


def count_adjustment(conn: Connection, at: str, op: dict[str, Any]) -> None:
    """Add an applied adjustment to its staff member's total of the day."""
    staff, day = op.get("staff_id") or 0, _day(at)
    size = abs(_int(op, "points_delta_centi"))
    done = conn.execute(_TOTAL, {"sid": staff, "day": day}).scalar()
    if done is None:
        conn.execute(
            insert(adjustment_totals), [{"staff_id": staff, "day": day, "total_centi": size}]
        )
    else:
        conn.execute(
            update(adjustment_totals)
            .where(adjustment_totals.c.staff_id == staff, adjustment_totals.c.day == day)
            .values(total_centi=int(done) + size)
        )


def check_feedback(conn: Connection, op: dict[str, Any]) -> Problem | None:
    found = points_only(op)
    if found is not None:
        return found
    most = _centi(programs.most_feedback_points(conn))
    if not 0 <= _int(op, "points_delta_centi") <= most:
        return "figures_mismatch", f"feedback earns at most {most} hundredths of a point"
    return None


def check_nothing_moves(op: dict[str, Any]) -> Problem | None:
    """A card operation moves no points, money, spend or purchases."""
    if any(_int(op, n) for n in (*_MONEY_AND_COUNTS, *_POINT_FIELDS)):
        return "out_of_bounds", f"a {op['kind']} moves no points or money"
    return None
