"""Online spending: the office holds points of a member's balance for the spending
operation a till is about to record (docs/protocol.md, Online spending).

``POST /v1/holds {"id", "member_id", "card_id", "points_centi"}``: the till names the
id its operation will have. The office grants the hold when the member's balance minus
the member's other open holds covers the points, and refuses it otherwise, with what is
available. The operation settles its hold when it is applied (:func:`settle`, called by
the ledger): the hold it names in ``facts["hold"]``, else the one with its own id. A hold
no operation settles frees itself at ``expires_at`` (the limits' ``hold_s``).

Holds are decided inside :meth:`OfficeDB.write`, which serialises every writer (the
ledger's pushes too): two tills asking at once for one balance are answered one after
the other, and the second sees the first's hold.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from office import entities
from office.db import OfficeDB
from office.models import cards, holds, members, operations
from sync.protocol import format_time
from sync.wire_spend import HOLD_FACT, HOLD_FIELDS, HoldAnswer

log = logging.getLogger(__name__)

_MAX_POINTS = 10**15  # hundredths of a point: the ledger's own bound
#: Operation kinds that spend points, and so may settle a hold.
SPENDING_KINDS = frozenset({"purchase", "gift"})

SCHEMA: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["id", "member_id", "points_centi"],
                    "properties": {
                        "id": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 36,
                            "description": "the id of the operation the till will record",
                        },
                        "member_id": {"type": "integer", "minimum": 1},
                        "card_id": {"type": ["integer", "null"], "minimum": 1},
                        "points_centi": {"type": "integer", "minimum": 0},
                    },
                }
            }
        },
    }
}


class BadHold(Exception):
    """A malformed request (400)."""


class HoldConflict(Exception):
    """The id names another hold, or an operation the office has already (409)."""


_OPEN = (
    select(func.coalesce(func.sum(holds.c.points_centi), 0))
    .where(
        holds.c.member_id == bindparam("mid"),
        holds.c.settled_at.is_(None),
        holds.c.expires_at > bindparam("now"),
        holds.c.id != bindparam("hid"),
    )
    .scalar_subquery()
)
_HOLD = select(holds).where(holds.c.id == bindparam("hid"))
_USED = select(operations.c.op_id).where(operations.c.op_id == bindparam("hid")).limit(1)
_SETTLE = (
    update(holds)
    .where(
        holds.c.id == bindparam("hid"),
        holds.c.terminal_id == bindparam("tid"),
        holds.c.settled_at.is_(None),
    )
    .values(settled_at=bindparam("at"))
)


def _int(body: dict[str, Any], name: str, *, optional: bool = False) -> int | None:
    value = body.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadHold(f"{name} is missing or not an integer")
    if not 0 <= value < 2**63:
        raise BadHold(f"{name} is out of range")
    return value


def _parse(body: Any) -> tuple[str, int, int | None, int]:
    if not isinstance(body, dict):
        raise BadHold('expected {"id", "member_id", "card_id", "points_centi"}')
    unknown = set(body) - set(HOLD_FIELDS)
    if unknown:
        raise BadHold(f"unknown fields: {', '.join(sorted(map(str, unknown)))}")
    hold_id = body.get("id")
    if not isinstance(hold_id, str) or not 0 < len(hold_id) <= 36 or "\x00" in hold_id:
        raise BadHold("id must be an operation id (1 to 36 characters)")
    member_id = _int(body, "member_id")
    card_id = _int(body, "card_id", optional=True)
    points = _int(body, "points_centi")
    assert member_id is not None and points is not None
    if member_id == 0 or card_id == 0 or points > _MAX_POINTS:
        raise BadHold("member_id, card_id or points_centi is out of range")
    return hold_id, member_id, card_id, points


def request(db: OfficeDB, terminal_id: int, body: Any) -> HoldAnswer:
    """Grant or refuse a hold (:class:`BadHold`, :class:`HoldConflict`). Asking again
    with the same body (a retry) answers the same hold."""
    hold_id, member_id, card_id, points = _parse(body)
    with db.write() as conn:
        now_dt = db.clock.now()
        now = format_time(now_dt)
        row = conn.execute(_HOLD, {"hid": hold_id}).first()
        if row is not None:
            same = (row.terminal_id, row.member_id, row.card_id, row.points_centi) == (
                terminal_id,
                member_id,
                card_id,
                points,
            )
            if not same:
                raise HoldConflict("a hold with this id and another content exists")
            return HoldAnswer(
                hold_id,
                True,
                points,
                _available(conn, member_id, hold_id, now),
                expires_at=row.expires_at,
            )
        if conn.execute(_USED, {"hid": hold_id}).first() is not None:
            raise HoldConflict("an operation with this id has arrived already")
        refused = _refusal(conn, member_id, card_id)
        available = _available(conn, member_id, hold_id, now)
        if refused is not None:
            return HoldAnswer(hold_id, False, points, available, reason=refused)
        if points > available:
            log.info("hold %s refused: member %s has %s available", hold_id, member_id, available)
            return HoldAnswer(hold_id, False, points, available, reason="balance")
        hold_s = entities.get_limits(conn).hold_s
        expires = format_time(now_dt + timedelta(seconds=hold_s))
        conn.execute(
            insert(holds),
            [
                {
                    "id": hold_id,
                    "terminal_id": terminal_id,
                    "member_id": member_id,
                    "card_id": card_id,
                    "points_centi": points,
                    "created_at": now,
                    "expires_at": expires,
                    "settled_at": None,
                }
            ],
        )
        return HoldAnswer(hold_id, True, points, available - points, expires_at=expires)


def _available(conn: Connection, member_id: int, hold_id: str, now: str) -> int:
    """The member's balance minus the open holds other than ``hold_id``."""
    value = conn.execute(
        select(members.c.balance_centi - _OPEN).where(members.c.id == member_id),
        {"mid": member_id, "now": now, "hid": hold_id},
    ).scalar()
    return 0 if value is None else int(value)


def _refusal(conn: Connection, member_id: int, card_id: int | None) -> str | None:
    member = conn.execute(select(members.c.deleted).where(members.c.id == member_id)).first()
    if member is None or member.deleted:
        return "unknown_member"
    if card_id is None:
        return None
    card = conn.execute(
        select(cards.c.member_id, cards.c.state, cards.c.deleted).where(cards.c.id == card_id)
    ).first()
    if card is None or card.deleted or card.member_id != member_id:
        return "unknown_card"
    if card.state != "active":
        return "card_not_usable"
    return None


_HELD_FOR = select(holds.c.points_centi).where(
    holds.c.id == bindparam("hid"),
    holds.c.terminal_id == bindparam("tid"),
    holds.c.settled_at.is_(None),
)


def hold_id(op: dict[str, Any]) -> str:
    """The hold an operation settles: the one its facts name, else the one with its id."""
    facts = op.get("facts")
    named = facts.get(HOLD_FACT) if isinstance(facts, dict) else None
    return named if isinstance(named, str) else str(op["id"])


def open_among(conn: Connection, terminal_id: int, ops: Sequence[Any]) -> set[str]:
    """Which of the holds these operations would settle are open (one query a batch: an
    operation without an open hold needs neither :func:`held_centi` nor :func:`settle`;
    a hold is asked for before its operation is recorded, so none opens during a push)."""
    wanted = sorted(
        {hold_id(o) for o in ops if isinstance(o, dict) and o.get("kind") in SPENDING_KINDS}
    )
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        found.update(
            str(hid)
            for (hid,) in conn.execute(
                _OPEN_AMONG, {"hids": wanted[i : i + 500], "tid": terminal_id}
            )
        )
    return found


_OPEN_AMONG = select(holds.c.id).where(
    holds.c.id.in_(bindparam("hids", expanding=True)),
    holds.c.terminal_id == bindparam("tid"),
    holds.c.settled_at.is_(None),
)


def spent_centi(op: dict[str, Any]) -> int:
    """The points a spending operation takes from the balance (0 for any other)."""
    if op.get("kind") == "purchase":
        return max(0, int(op.get("points_spent_centi", 0)))
    if op.get("kind") == "gift":
        return max(0, -int(op.get("points_delta_centi", 0)))
    return 0


def held_centi(conn: Connection, terminal_id: int, op: dict[str, Any]) -> int:
    """The points this terminal's open hold for ``op`` covers (0: none). An expired hold
    still counts: the till was told yes, and the operation settles it."""
    row = conn.execute(_HELD_FOR, {"hid": hold_id(op), "tid": terminal_id}).first()
    return 0 if row is None else int(row[0])


def settle(conn: Connection, at: str, terminal_id: int, op: dict[str, Any]) -> None:
    """A spending operation of ``terminal_id`` is being applied: its hold (the one its
    facts name, else the one with its id) is settled, whatever it spends (an amount
    above the hold was spent on the till's offline limits)."""
    if op.get("kind") not in SPENDING_KINDS:
        return
    conn.execute(_SETTLE, {"hid": hold_id(op), "tid": terminal_id, "at": at})
