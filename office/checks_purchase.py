"""A purchase's figures re-derived at the office (docs/sync-rules.md, What the office
checks): the discount, the points spent and earned, the money paid and the tier spend
come again from the amount, the program version the till names and the member state
the till saw (``facts["seen"]``, or the office's own state for a till that sends none),
by the same pure rules (``terminal.loyalty.quote``).

Tolerance: one minor unit of money and one hundredth of a point per figure (the rules
are the same code on both sides, so an honest till is exact; the tolerance only spares
a rounding step). Beyond it: ``figures_mismatch``. The seen state may not give more than
what the office knows: ``seen_mismatch``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from office import programs
from office.models import member_returns
from terminal.loyalty import (
    CardKind,
    CardState,
    CardTerms,
    LoyaltyError,
    MemberState,
    Money,
    Program,
    birthday_window_today,
    member_spend,
    quote,
    tier_for,
)

TOLERANCE = 1  # minor units of money, hundredths of points
_CENTI = Decimal("0.01")
_SEEN_INTS = ("lifetime_spend_minor", "window_spend_minor", "purchases", "balance_centi")

Problem = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Seen:
    """What the till saw: the card's terms and the member's state."""

    terms: CardTerms
    state: MemberState


def _day(text: object) -> date | None:
    if not isinstance(text, str):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def office_state(member: dict[str, Any] | None) -> MemberState:
    if member is None:
        return MemberState.new()
    return MemberState(
        lifetime_spend=Money.from_minor(int(member["lifetime_spend_minor"])),
        window_spend=Money.from_minor(int(member["window_spend_minor"])),
        purchases=int(member["purchases"]),
        points_balance=Decimal(int(member["balance_centi"])) * _CENTI,
        birthday=_day(member["birthday"]),
        last_birthday_gift_year=member["last_gift_year"],
    )


def office_terms(card: Any) -> CardTerms:
    return CardTerms(
        kind=CardKind(card.kind),
        state=CardState(card.state),
        fixed_discount_pct=(Decimal(int(card.fixed_discount_bp)) * _CENTI).quantize(_CENTI),
    )


def read_seen(raw: Any) -> Seen | str:
    """``facts["seen"]`` as the till wrote it (terminal/services/checkout.py)."""
    if not isinstance(raw, dict):
        return "facts.seen must be an object"
    for key in _SEEN_INTS:
        value = raw.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 10**15:
            return f"facts.seen.{key} must be an integer"
    if raw["purchases"] < 0:
        return "facts.seen.purchases is negative"
    birthday = raw.get("birthday")
    if birthday is not None and _day(birthday) is None:
        return "facts.seen.birthday must be a date"
    year = raw.get("last_gift_year")
    if year is not None and (not isinstance(year, int) or not 0 < year < 10_000):
        return "facts.seen.last_gift_year must be a year"
    bp = raw.get("fixed_discount_bp")
    if not isinstance(bp, int) or isinstance(bp, bool) or not 0 <= bp <= 10_000:
        return "facts.seen.fixed_discount_bp must be 0 to 10000"
    try:
        terms = CardTerms(
            kind=CardKind(raw.get("card_kind")),
            state=CardState(raw.get("card_state")),
            fixed_discount_pct=(Decimal(bp) * _CENTI).quantize(_CENTI),
        )
    except (ValueError, LoyaltyError):
        return "facts.seen.card_kind or card_state is not a card's"
    state = MemberState(
        lifetime_spend=Money.from_minor(raw["lifetime_spend_minor"]),
        window_spend=Money.from_minor(raw["window_spend_minor"]),
        purchases=raw["purchases"],
        points_balance=Decimal(raw["balance_centi"]) * _CENTI,
        birthday=_day(birthday),
        last_birthday_gift_year=year,
    )
    return Seen(terms, state)


_RETURNS_SINCE = select(
    func.coalesce(func.sum(member_returns.c.spend_minor), 0),
    func.coalesce(
        func.sum(func.coalesce(member_returns.c.window_minor, member_returns.c.spend_minor)), 0
    ),
    func.coalesce(func.sum(member_returns.c.purchases), 0),
).where(
    member_returns.c.member_id == bindparam("mid"), member_returns.c.member_seq > bindparam("since")
)


def returned_since(conn: Connection, member_id: int, since: object) -> tuple[int, int, int]:
    """What returns applied after the member state a till had (its feed position
    ``since``) took off the member's lifetime spend, window spend and purchase count,
    whichever till made them; the window's part includes what the nightly ageing took
    off it since (office/window.py)."""
    if not isinstance(since, int) or isinstance(since, bool) or not 0 <= since < 2**63:
        return (0, 0, 0)
    spend, window, count = conn.execute(_RETURNS_SINCE, {"mid": member_id, "since": since}).one()
    return (int(spend), int(window), int(count))


def _plus(office: Seen, slack: tuple[int, int, int]) -> Seen:
    state = office.state
    return Seen(
        office.terms,
        MemberState(
            lifetime_spend=state.lifetime_spend + Money.from_minor(slack[0]),
            window_spend=state.window_spend + Money.from_minor(slack[1]),
            purchases=state.purchases + slack[2],
            points_balance=state.points_balance,
            birthday=state.birthday,
            last_birthday_gift_year=state.last_birthday_gift_year,
        ),
    )


def _seen_gives_more(program: Program, seen: Seen, office: Seen, day: date) -> str | None:
    """Where the till's view would give more than the office's own (None: it does not).
    The office's state already holds the till's earlier operations (it applies them in
    seq order), so an honest till sees at most the office's tier and progressive step."""
    if seen.terms.kind is not office.terms.kind:
        return "the card's kind is not the office's"
    if seen.terms.fixed_discount_pct > office.terms.fixed_discount_pct:
        return "the card's fixed discount is more than the office's"
    if seen.terms.kind is CardKind.BEARER:
        return None
    tiers = program.tiers
    seen_tier = tiers.index(tier_for(program, member_spend(program, seen.state)))
    office_tier = tiers.index(tier_for(program, member_spend(program, office.state)))
    if seen_tier > office_tier:
        return "the tier the till saw is above the office's"
    progressive = program.progressive
    if progressive is not None and progressive.pct_for(seen.state.purchases) > (
        progressive.pct_for(office.state.purchases)
    ):
        return "the progressive discount the till saw is above the office's"
    if birthday_window_today(program, seen.state, day) and not birthday_window_today(
        program, office.state, day
    ):
        return "the birthday the till saw is not the office's"
    return None


def _fact_centi(facts: dict[str, Any], key: str) -> int | None:
    raw = facts.get(key)
    if not isinstance(raw, str):
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    scaled = value * 100
    return int(scaled) if scaled == scaled.to_integral_value() else None


def check(
    conn: Connection,
    op: dict[str, Any],
    member: dict[str, Any] | None,
    card: Any,
) -> Problem | None:
    """Why the purchase ``op`` must be rejected (None: its figures are the rules')."""
    facts: dict[str, Any] = op.get("facts") or {}
    fields = {name: int(op.get(name, 0)) for name in _FIGURES}
    if fields["amount_minor"] <= 0 or any(fields[n] < 0 for n in _NOT_NEGATIVE):
        return "out_of_bounds", "a purchase's amount must be positive, its figures not negative"
    if fields["purchases_delta"] != (0 if member is None else 1):
        return "out_of_bounds", "a purchase counts as one purchase of its member"
    if fields["points_delta_centi"] != fields["points_earned_centi"] - fields["points_spent_centi"]:
        return "out_of_bounds", "points_delta_centi is not points earned minus points spent"
    if card is None:
        return "bad_operation", "a purchase names its card"
    program = programs.published(conn, facts.get("program"), facts.get("version"))
    if program is None:
        return "unknown_program", (
            f"program {str(facts.get('program'))[:32]!r} version "
            f"{str(facts.get('version'))[:12]} was never published by this office"
        )
    if fields["amount_minor"] > program.max_purchase.minor:
        return "out_of_bounds", f"a purchase above the program's maximum ({program.max_purchase})"
    created = _day(op.get("created_at"))
    day = _day(facts.get("day")) if "day" in facts else created
    if day is None or created is None or abs(day - created) > timedelta(days=1):
        return "bad_operation", "facts.day must be the purchase's day (created_at, within a day)"
    office = Seen(office_terms(card), office_state(member))
    if "seen" in facts:
        seen = read_seen(facts["seen"])
        if isinstance(seen, str):
            return "bad_operation", seen
        member_seq = facts["seen"].get("member_seq")
        if member_seq is not None and (
            not isinstance(member_seq, int)
            or isinstance(member_seq, bool)
            or member_seq < 0
            or (member is not None and member_seq > int(member.get("seq") or 0))
        ):
            # A feed position the office never gave this member: a state it never had.
            return "bad_operation", "facts.seen.member_seq is not a state the office had"
        more = _seen_gives_more(program, seen, office, day)
        if more is not None and member is not None:
            # Returns applied since the state the till last had (its feed position)
            # lowered the office's figures: that much more is an honest past view.
            slack = returned_since(conn, int(op["member_id"]), facts["seen"].get("member_seq"))
            if any(slack):
                more = _seen_gives_more(program, seen, _plus(office, slack), day)
        if more is not None:
            return "seen_mismatch", more
    else:  # a till from before facts["seen"]: the office's own state stands for it
        terms = office.terms
        seen = Seen(CardTerms(terms.kind, CardState.ACTIVE, terms.fixed_discount_pct), office.state)
    if member is None:  # a bearer card stands for a member who bought nothing yet
        seen = Seen(seen.terms, MemberState.new())
    try:
        q = quote(
            program,
            seen.terms,
            seen.state,
            Money.from_minor(fields["amount_minor"]),
            day,
            Decimal(fields["points_spent_centi"]) * _CENTI,
        )
    except LoyaltyError as exc:
        return "figures_mismatch", f"the rules refuse this purchase: {exc}"
    derived = {
        "discount_minor": q.discount.minor,
        "paid_minor": q.paid.minor,
        "points_earned_centi": _centi(q.points_earned),
        "spend_delta_minor": q.spend_added.minor if member is not None else 0,
    }
    for name, value in derived.items():
        if abs(fields[name] - value) > TOLERANCE:
            return "figures_mismatch", f"{name} is {fields[name]}, the rules give {value}"
    if _fact_centi(facts, "points_spent") != fields["points_spent_centi"] or any(
        _fact_centi(facts, key) != fields[name] for key, name in _FACT_FIELDS
    ):
        return "figures_mismatch", "the purchase's facts do not match its figures"
    # The seen balance covers the points spent (the quote above refuses more). Whether
    # the office's balance still does is the online authorisation's (a hold, settled
    # when the purchase applies) and the offline limits': an overdraft is a past fact.
    return None


def _centi(points: Decimal) -> int:
    return int((points / _CENTI).to_integral_exact())


_FIGURES = (
    "amount_minor",
    "discount_minor",
    "paid_minor",
    "points_spent_centi",
    "points_earned_centi",
    "points_delta_centi",
    "spend_delta_minor",
    "purchases_delta",
)
_NOT_NEGATIVE = (
    "discount_minor",
    "paid_minor",
    "points_spent_centi",
    "points_earned_centi",
    "spend_delta_minor",
)
_FACT_FIELDS = (
    ("amount", "amount_minor"),
    ("discount", "discount_minor"),
    ("paid", "paid_minor"),
    ("points_earned", "points_earned_centi"),
    ("spend_added", "spend_delta_minor"),
)
