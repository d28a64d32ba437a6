"""Offline limits: may this till let a member spend points (or take a gift) right now?

Earning always works. Spending is checked only on a till enrolled with an office, and
only while it is offline (no successful exchange with the office for the office's
``offline_after_s``). Then the office's limits apply (SYNC.md, Offline): the cache must
be fresh enough, the amount within a per-operation cap, the card's pending spending
within a per-card cap and within the known balance, and the till's pending spending
within its own cap. A refusal is an :class:`OfflineLimit` error whose message tells the
cashier what happened and what to do.

Call :func:`check_spend` inside the checkout's (or the gift's) write transaction, before
the operation is recorded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import Connection

from terminal.services.errors import ServiceError
from terminal.services.messages import QT_TRANSLATE_NOOP
from terminal.store import sync_apply

_DEFAULTS = {
    "offline_after_s": 120,
    "max_data_age_s": 24 * 3600,
    "per_operation_centi": 50_000,
    "per_card_centi": 100_000,
    "terminal_total_centi": 1_000_000,
    "gifts_offline": True,
}
# What a pending operation spends: points given for goods, or a gift's points.
_SPENT = (
    "coalesce(sum(max(0, CASE WHEN kind = 'gift' THEN -points_delta_centi "
    "ELSE points_spent_centi END)), 0)"
)

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
}


class OfflineLimit(ServiceError):
    """Spending refused by the offline limits. ``params`` fill the message's braces."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code, MESSAGES[code], **params)


@dataclass(frozen=True, slots=True)
class OfflineState:
    enrolled: bool
    online: bool
    data_age: timedelta | None  # None: never synced
    limits: dict[str, int | bool]
    terminal_spent_centi: int


def _points(centi: int) -> str:
    return f"{Decimal(centi) / 100:.2f}"


def _time(conn: Connection, key: str) -> datetime | None:
    text = sync_apply.get_state(conn, key)
    return None if text is None else datetime.fromisoformat(text)


def state(conn: Connection, now: datetime) -> OfflineState:
    enrolled = sync_apply.get_state(conn, sync_apply.OFFICE_TERMINAL) is not None
    text = sync_apply.get_state(conn, sync_apply.LIMITS)
    limits: dict[str, int | bool] = {**_DEFAULTS, **(json.loads(text) if text else {})}
    contact = _time(conn, sync_apply.LAST_CONTACT)
    pulled = _time(conn, sync_apply.LAST_PULL)
    # A clock set back since the last contact makes the age negative: that is not
    # "just synced", so it counts as offline (and the data as stale) below.
    online = contact is not None and timedelta(0) <= now - contact <= timedelta(
        seconds=int(limits["offline_after_s"])
    )
    spent = conn.exec_driver_sql(
        f"SELECT {_SPENT} FROM operations WHERE status = 'pending'"
    ).scalar_one()
    return OfflineState(
        enrolled, online, None if pulled is None else now - pulled, limits, int(spent)
    )


def check_spend(
    conn: Connection,
    member_id: int | None,
    points_centi: int,
    now: datetime,
    *,
    gift: bool = False,
) -> None:
    """Raise :class:`OfflineLimit` if spending ``points_centi`` (or handing out a gift)
    is not allowed now; return quietly otherwise."""
    if points_centi <= 0 and not gift:
        return
    st = state(conn, now)
    if not st.enrolled or st.online:
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
        # return takes back); points earned offline are not the office's yet (SYNC.md).
        # A purchase counts the points it spends (not its net delta: what it earns is not
        # the office's yet); anything else counts only what it takes away.
        row = conn.exec_driver_sql(
            f"SELECT {_SPENT}, coalesce(sum(CASE WHEN kind = 'purchase' "
            "THEN -points_spent_centi ELSE min(points_delta_centi, 0) END), 0) "
            "FROM operations WHERE status = 'pending' AND member_id = ?",
            (member_id,),
        ).one()
        card_spent, pending_delta = int(row[0]), int(row[1])
        left = int(limits["per_card_centi"]) - card_spent
        if points_centi > left:
            raise OfflineLimit("offline_per_card", left=_points(max(0, left)))
        balance = conn.exec_driver_sql(
            "SELECT balance_centi FROM members WHERE id = ?", (member_id,)
        ).scalar()
        known = int(balance or 0) + pending_delta
        if points_centi > known:
            raise OfflineLimit("offline_balance", left=_points(max(0, known)))
    left = int(limits["terminal_total_centi"]) - st.terminal_spent_centi
    if points_centi > left:
        raise OfflineLimit("offline_terminal", left=_points(max(0, left)))
