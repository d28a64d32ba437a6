"""Offline limits: may this till let a member spend points (or take a gift) right now?

Earning always works. Spending is checked only on a till enrolled with an office, and
only when the office has not authorised it: a spend the office holds points for
(``held_centi``, :mod:`terminal.services.spend_auth`) is the office's decision. Any other
spend is decided on the cache's data, whatever the status bar says (the office did not
answer within its deadline, or cannot be reached), and then the office's limits apply
(docs/sync-rules.md, Online and offline): the cache must be fresh enough, the amount
within a per-operation cap, the card's pending spending within a per-card cap and within
the known balance, and the till's pending spending within its own cap. A refusal is an
:class:`OfflineLimit` error whose message tells the cashier what happened and what to do.

Call :func:`check_spend` inside the checkout's (or the gift's) write transaction, before
the operation is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from terminal.services.errors import ServiceError
from terminal.services.messages import QT_TRANSLATE_NOOP
from terminal.services.ports import Reads

_DEFAULTS = {
    "offline_after_s": 120,
    "max_data_age_s": 24 * 3600,
    "per_operation_centi": 50_000,
    "per_card_centi": 100_000,
    "terminal_total_centi": 1_000_000,
    "gifts_offline": True,
    "authorise_ms": 1500,
    "hold_s": 300,
    "adjust_per_operation_centi": 100_000,
    "adjust_staff_day_centi": 500_000,
    "supervisor_card": False,
}

MESSAGES = {
    "offline_gift": QT_TRANSLATE_NOOP(
        "messages",
        "No connection to the office: gifts cannot be handed out offline. "
        "Try again when the till is back online.",
    ),
    "offline_stale": QT_TRANSLATE_NOOP(
        "messages",
        "No connection to the office and the member data is too old to spend "
        "points. The purchase can go ahead without spending points.",
    ),
    "offline_per_operation": QT_TRANSLATE_NOOP(
        "messages",
        "No connection to the office: at most {cap} points can be spent in one "
        "purchase. Spend fewer points.",
    ),
    "offline_per_card": QT_TRANSLATE_NOOP(
        "messages",
        "No connection to the office: this card can spend only {left} more "
        "points until the till is back online. Spend fewer points.",
    ),
    "offline_balance": QT_TRANSLATE_NOOP(
        "messages",
        "The card has only {left} points (counting purchases not yet sent to "
        "the office). Spend fewer points.",
    ),
    "offline_terminal": QT_TRANSLATE_NOOP(
        "messages",
        "No connection to the office: this till can spend only {left} more "
        "points until it is back online. Spend fewer points.",
    ),
    "office_refused": QT_TRANSLATE_NOOP(
        "messages",
        "The office refuses: this card has only {left} points available now (they may "
        "have been spent at another till just now). Spend fewer points.",
    ),
    "office_refused_card": QT_TRANSLATE_NOOP(
        "messages",
        "The office refuses: this card cannot spend points now (the office has it "
        "blocked or under another member). Call a supervisor.",
    ),
    "adjust_staff_day": QT_TRANSLATE_NOOP(
        "messages",
        "The office allows each supervisor only so many points of adjustments a day: "
        "{left} points are left for you today. Adjust by less, or ask the office.",
    ),
    "adjust_per_operation": QT_TRANSLATE_NOOP(
        "messages",
        "The office allows at most {cap} points in one adjustment. Adjust by less, or ask "
        "the office.",
    ),
}


class OfflineLimit(ServiceError):
    """Spending refused by the offline limits. ``params`` fill the message's braces."""

    def __init__(self, code: str, **params: Decimal) -> None:
        super().__init__(code, MESSAGES[code], **params)


@dataclass(frozen=True, slots=True)
class OfflineState:
    enrolled: bool
    online: bool
    data_age: timedelta | None  # None: never synced
    limits: dict[str, int | bool]
    terminal_spent_centi: int


def _points(centi: int) -> Decimal:
    """Centi-points as points (the app shows them in the locale's format)."""
    return Decimal(centi).scaleb(-2)


def limits_of(tx: Reads) -> dict[str, int | bool]:
    """The office's limits as the cache holds them, each with its default."""
    return {**_DEFAULTS, **tx.sync.offline_limits()}


def state(tx: Reads, now: datetime) -> OfflineState:
    """Is the till enrolled, online, how old is its data, what may it spend offline."""
    sync = tx.sync
    enrolled = sync.terminal_id() is not None
    limits = limits_of(tx)
    contact = sync.last_contact()
    pulled = sync.last_pull()
    # A clock set back since the last contact makes the age negative: that is not
    # "just synced", so it counts as offline (and the data as stale) below.
    online = contact is not None and timedelta(0) <= now - contact <= timedelta(
        seconds=int(limits["offline_after_s"])
    )
    spent = tx.operations.till_spending()
    return OfflineState(enrolled, online, None if pulled is None else now - pulled, limits, spent)


def check_spend(
    tx: Reads,
    member_id: int | None,
    points_centi: int,
    now: datetime,
    *,
    gift: bool = False,
    held_centi: int | None = None,
) -> None:
    """Raise :class:`OfflineLimit` if spending ``points_centi`` (or handing out a gift)
    is not allowed now; return quietly otherwise. ``tx``: the use case's transaction;
    ``held_centi``: the points the office holds for this operation (None: no hold)."""
    if points_centi <= 0 and not gift:
        return
    if held_centi is not None and points_centi <= held_centi:
        return  # the office authorised it
    st = state(tx, now)
    if not st.enrolled:
        return
    limits = st.limits
    if gift and not limits["gifts_offline"]:
        raise OfflineLimit("offline_gift")
    age = st.data_age
    if age is None or age < timedelta(0) or age > timedelta(seconds=int(limits["max_data_age_s"])):
        raise OfflineLimit("offline_stale")
    if points_centi <= 0:
        return
    if points_centi > int(limits["per_operation_centi"]):
        raise OfflineLimit("offline_per_operation", cap=_points(int(limits["per_operation_centi"])))
    if member_id is not None:
        # The known balance minus what is pending against it (spending, gifts, points a
        # return takes back); points earned offline are not the office's yet (docs/sync-rules.md).
        against = tx.operations.member_spending(member_id)
        left = int(limits["per_card_centi"]) - against.spent_centi
        if points_centi > left:
            raise OfflineLimit("offline_per_card", left=_points(max(0, left)))
        member = tx.members.by_id(member_id)
        known = (0 if member is None else member.balance_centi) + against.taken_centi
        if points_centi > known:
            raise OfflineLimit("offline_balance", left=_points(max(0, known)))
    left = int(limits["terminal_total_centi"]) - st.terminal_spent_centi
    if points_centi > left:
        raise OfflineLimit("offline_terminal", left=_points(max(0, left)))


def adjustment_caps(tx: Reads, staff_id: int | None, now: datetime) -> tuple[int, int]:
    """The office's caps on an adjustment now, in hundredths of a point: at most this in
    one operation, and what ``staff_id``'s adjustments of the day (UTC, as the office
    counts it) on this till leave of the daily cap (the cap itself without a staff id)."""
    limits: dict[str, int | bool] = {**_DEFAULTS, **tx.sync.offline_limits()}
    cap, daily = int(limits["adjust_per_operation_centi"]), int(limits["adjust_staff_day_centi"])
    if staff_id is None:
        return cap, daily
    day = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    done = tx.operations.adjusted_since(staff_id, day.isoformat())
    return cap, max(0, daily - done)


def check_adjustment(tx: Reads, staff_id: int | None, points_centi: int, now: datetime) -> None:
    """Raise :class:`OfflineLimit` if an adjustment of ``points_centi`` (either way) is
    above the office's cap for one operation, or would take this supervisor's
    adjustments of the day (UTC, as the office counts it) on this till above the
    office's cap for a day, online or not. (The office counts the day over every till,
    and rejects beyond it: docs/sync-rules.md.)"""
    cap, left = adjustment_caps(tx, staff_id, now)
    if points_centi > cap:
        raise OfflineLimit("adjust_per_operation", cap=_points(cap))
    if staff_id is not None and points_centi > left:
        raise OfflineLimit("adjust_staff_day", left=_points(left))
