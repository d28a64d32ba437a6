"""The office's answers decoded into the store's typed records.

The wire (:mod:`sync.protocol`) sends rows as arrays in its field orders; the store takes
tuples in its column orders (:mod:`terminal.store.incoming`, derived from the cache's
tables). A wire field is the column of the same name, and a member's ``seq`` is its
``office_seq``: the mapping from one order to the other is worked out here once, from
the names, and a page of rows goes through it in C (``operator.itemgetter``), so that
the first download of a million members pays no object per row.

Everything raises :class:`sync.client.ProtocolError` on an answer it cannot read.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sync.client import ProtocolError
from sync.protocol import (
    CARD_FIELDS,
    GIFT_FIELDS,
    MEMBER_FIELDS,
    STAFF_FIELDS,
    STAFF_ROLES,
    Change,
    ChangesPage,
    Entity,
    OfflineLimits,
    OpResult,
    OpStatus,
    ProgramState,
    SnapshotMeta,
    SnapshotPage,
    SnapshotPart,
)
from terminal.store import incoming
from terminal.store.incoming import CARD_ROW, GIFT_ROW, MEMBER_ROW, MEMBER_SEQ, Part, Row
from terminal.store.push_outcomes import MemberFigures, Outcome, OutcomeStatus

log = logging.getLogger(__name__)

Pick = Callable[[Sequence[Any]], tuple[Any, ...]]


def _positions(fields: Sequence[str]) -> dict[str, int]:
    return {name: i for i, name in enumerate(fields)}


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each of the store's ``columns`` stands in a row on the wire, worked out once
    from the names. A column the wire does not send is a bug of this module
    (LookupError, at import)."""

    positions: Mapping[str, int]  # a column's position; negative: from the row's end
    columns: Sequence[str]
    pick: Pick = field(init=False)
    same_order: bool = field(init=False)  # a row of len(columns) is already in order

    def __post_init__(self) -> None:
        missing = [c for c in self.columns if c not in self.positions]
        if missing:
            raise LookupError(f"no field on the wire for the columns {missing}")
        if len(self.columns) < 2:  # itemgetter of one position gives the value itself
            raise ValueError("a row of one column")
        n = len(self.columns)
        at = [self.positions[c] for c in self.columns]
        object.__setattr__(self, "pick", itemgetter(*at))
        object.__setattr__(self, "same_order", [p % n for p in at] == list(range(n)))

    def rows(self, rows: list[list[Any]]) -> Sequence[Row]:
        """A page of wire rows in the store's order: passed on as they are when they are
        already (no copy of a million rows), else picked, in C."""
        n = len(self.columns)
        if self.same_order and all(len(r) == n for r in rows):
            return rows
        return list(map(self.pick, rows))


#: A member: MEMBER_FIELDS, then its seq (the snapshot sends it last in the row; the feed
#: as the change's own seq, appended before picking).
MEMBER_LAYOUT = Layout({**_positions(MEMBER_FIELDS), MEMBER_SEQ: -1}, MEMBER_ROW)
CARD_LAYOUT = Layout(_positions(CARD_FIELDS), CARD_ROW)
GIFT_LAYOUT = Layout(_positions(GIFT_FIELDS), GIFT_ROW)
pick_member = MEMBER_LAYOUT.pick
pick_card = CARD_LAYOUT.pick
pick_gift = GIFT_LAYOUT.pick

#: The store's snapshot parts and the wire's, in the order they come.
WIRE_PARTS = {Part.MEMBERS: SnapshotPart.MEMBERS, Part.CARDS: SnapshotPart.CARDS}
_LAYOUT = {Part.MEMBERS: MEMBER_LAYOUT, Part.CARDS: CARD_LAYOUT}


_BAD = (AttributeError, IndexError, KeyError, TypeError, ValueError)  # an answer unread


def _unreadable(what: str, exc: Exception) -> ProtocolError:
    return ProtocolError(f"{what} the terminal cannot read: {type(exc).__name__}: {exc}")


# --- push -------------------------------------------------------------------------------


def outcome(op_id: str, result: OpResult) -> Outcome:
    """The office's answer to the operation ``op_id``, in the store's terms."""
    if result.id != op_id:
        raise ProtocolError(f"the office answered for {result.id} in place of {op_id}")
    text = json.dumps(result.to_dict(), sort_keys=True)
    if result.status is OpStatus.REJECTED:
        log.warning(
            "operation %s rejected by the office: %s %s", op_id, result.code, result.message
        )
        return Outcome(op_id, OutcomeStatus.PARKED, text)
    if result.status is OpStatus.HELD:
        return Outcome(op_id, OutcomeStatus.HELD, text)
    member = None
    if result.member_seq is not None and result.balance_centi is not None:
        member = MemberFigures(
            balance_centi=result.balance_centi,
            lifetime_spend_minor=result.lifetime_spend_minor,
            window_spend_minor=result.window_spend_minor,
            purchases=result.purchases,
            last_gift_year=result.last_gift_year,
            office_seq=result.member_seq,
        )
    return Outcome(op_id, OutcomeStatus.ACKED, text, result.member_id, member)


# --- the change feed ------------------------------------------------------------------


def changes_page(body: Any) -> ChangesPage:
    try:
        return ChangesPage.from_dict(body)
    except _BAD as exc:
        raise _unreadable("a change page", exc) from exc


def changes(items: Iterable[Change]) -> list[incoming.Change]:
    """The feed's changes as the store applies them, in order; a change of an entity
    this till does not know is left out (with a warning), as is a program withdrawn
    (the till keeps the one it has)."""
    out: list[incoming.Change] = []
    for item in items:
        try:
            change = _change(item)
        except _BAD as exc:
            raise _unreadable(f"the change {item.seq}", exc) from exc
        if change is not None:
            out.append(change)
    return out


def _change(c: Change) -> incoming.Change | None:
    try:
        entity = Entity(c.entity)
    except ValueError:
        log.warning("a change of an unknown kind %r ignored", c.entity)
        return None
    gone = c.data is None
    if entity is Entity.MEMBER:
        if gone:
            return incoming.MemberGone(int(c.key), c.seq)
        return incoming.MemberChanged(pick_member((*c.data, c.seq)), c.at)
    if entity is Entity.CARD:
        return incoming.CardGone(int(c.key)) if gone else incoming.CardChanged(pick_card(c.data))
    if entity is Entity.GIFT:
        return incoming.GiftGone(c.key) if gone else incoming.GiftChanged(pick_gift(c.data))
    if entity is Entity.PROGRAM:
        return None if gone else incoming.ProgramChanged(_program(ProgramState.from_dict(c.data)))
    if entity is Entity.LIMITS:
        return incoming.LimitsChanged(_limits(OfflineLimits.from_dict(c.data)))
    if entity is Entity.STAFF:
        return incoming.StaffGone(int(c.key)) if gone else incoming.StaffChanged(staff(c.data))
    raise AssertionError(f"an entity of the protocol without a decoder: {entity}")


_STAFF = _positions(STAFF_FIELDS)


def staff(row: Sequence[Any]) -> incoming.StaffIn:
    """A staff row of the wire (STAFF_FIELDS), checked: a role this till does not know,
    a malformed list, is an answer it cannot read (ValueError, TypeError)."""
    if len(row) < len(STAFF_FIELDS):
        raise ValueError(f"a staff row has {len(STAFF_FIELDS)} fields")

    def at(name: str) -> Any:
        return row[_STAFF[name]]

    role = str(at("role"))
    if role not in STAFF_ROLES:
        raise ValueError(f"a role this till does not know: {role!r}")
    tills, pin_hash, cards = at("tills"), at("pin_hash"), at("cards")
    if tills is not None and not isinstance(tills, list):
        raise TypeError("tills: a list or null")
    if not isinstance(cards, list):
        raise TypeError("cards: a list")
    return incoming.StaffIn(
        id=int(at("id")),
        name=str(at("name")),
        role=role,
        tills=None if tills is None else tuple(int(t) for t in tills),
        pin_hash=None if pin_hash is None else str(pin_hash),
        cards=tuple(str(c).upper() for c in cards),
        active=bool(at("active")),
    )


def _program(p: ProgramState) -> incoming.ProgramRecord:
    return incoming.ProgramRecord(p.code, p.version, p.body)


def _limits(limits: OfflineLimits) -> dict[str, int | bool]:
    return dict(limits.to_dict())


# --- the snapshot ---------------------------------------------------------------------


def snapshot_meta(body: Any) -> incoming.SnapshotMeta:
    try:
        meta = SnapshotMeta.from_dict(body)
        gifts = [pick_gift(g) for g in meta.gifts]
        people = None if meta.staff is None else [staff(r) for r in meta.staff]
    except _BAD as exc:
        raise _unreadable("a snapshot's meta page", exc) from exc
    return incoming.SnapshotMeta(
        as_of=meta.as_of,
        as_of_time=meta.as_of_time,
        program=None if meta.program is None else _program(meta.program),
        gifts=gifts,
        limits=None if meta.limits is None else _limits(meta.limits),
        members=meta.members,
        cards=meta.cards,
        staff=people,
    )


def snapshot_rows(part: Part, body: Any) -> incoming.SnapshotRows:
    """A page of the snapshot's ``part``, its rows in the store's column order."""
    try:
        page = SnapshotPage.from_dict(body)
        if page.part is not WIRE_PARTS[part]:
            raise ValueError(f"a page of {page.part.value} in place of {part.value}")
        rows = _LAYOUT[part].rows(page.rows)
    except _BAD as exc:
        raise _unreadable("a snapshot page", exc) from exc
    return incoming.SnapshotRows(part, rows, page.next_after, page.done)
