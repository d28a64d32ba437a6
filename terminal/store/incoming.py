"""What the office sends, in the store's terms: the typed records that ``sync`` decodes
its answers into, and that :mod:`terminal.store.feed_apply` and
:mod:`terminal.store.snapshot_apply` write (the store never reads the wire itself).

Members, cards and gifts travel in pages of many rows (a first download brings a million
members), so a row is a plain tuple in the column order declared here, derived from the
tables of :mod:`terminal.store.schema`; the records around them are typed. The office
never sends :data:`MEMBER_DERIVED`: the store works them out when it writes a row.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from terminal.store.schema import CARD_COLUMNS, GIFT_COLUMNS, MEMBER_COLUMNS

#: Member columns the store fills itself: ``name_key`` from ``full_name`` (the search
#: key), ``synced_at`` from when the office sent the row.
MEMBER_DERIVED = ("name_key", "synced_at")
#: The member column that holds the office's sequence number of that state of the member.
MEMBER_SEQ = "office_seq"
#: A member row from the office: every other column of the members table, in its order.
MEMBER_ROW = tuple(c for c in MEMBER_COLUMNS if c not in MEMBER_DERIVED)
#: A card row from the office: the cards table's columns, in its order.
CARD_ROW = CARD_COLUMNS
#: A gift row from the office: the gifts table's columns, in its order.
GIFT_ROW = GIFT_COLUMNS

Row = Sequence[Any]  # one row, in MEMBER_ROW, CARD_ROW or GIFT_ROW order


class Part(enum.Enum):
    """The snapshot's parts after its meta page, in the order they come (the value is
    kept in the cache: a download resumes after a restart)."""

    MEMBERS = "members"
    CARDS = "cards"


@dataclass(frozen=True, slots=True)
class ProgramRecord:
    """The loyalty program in force: ``body`` is ``terminal.loyalty.Program.to_dict()``."""

    code: str
    version: int
    body: Mapping[str, Any]


# --- the change feed: one record per change, applied in order ---------------------------


@dataclass(frozen=True, slots=True)
class MemberChanged:
    row: Row  # MEMBER_ROW
    synced_at: str  # when the office made the change (ISO 8601 UTC)


@dataclass(frozen=True, slots=True)
class MemberGone:
    """Deleted or anonymised at the office, as of ``office_seq``."""

    member_id: int
    office_seq: int


@dataclass(frozen=True, slots=True)
class CardChanged:
    row: Row  # CARD_ROW


@dataclass(frozen=True, slots=True)
class CardGone:
    card_id: int


@dataclass(frozen=True, slots=True)
class ProgramChanged:
    program: ProgramRecord


@dataclass(frozen=True, slots=True)
class GiftChanged:
    row: Row  # GIFT_ROW


@dataclass(frozen=True, slots=True)
class GiftGone:
    code: str


@dataclass(frozen=True, slots=True)
class StaffIn:
    """A member of staff as the office keeps them (the till adds its own lock-out state):
    ``tills`` None: every till; ``cards`` staff card UIDs; ``active`` False: no log-in."""

    id: int
    name: str
    role: str
    tills: tuple[int, ...] | None
    pin_hash: str | None
    cards: tuple[str, ...]
    active: bool


@dataclass(frozen=True, slots=True)
class StaffChanged:
    staff: StaffIn


@dataclass(frozen=True, slots=True)
class StaffGone:
    """Removed at the office: the till keeps the row (operations name it), inactive."""

    staff_id: int


@dataclass(frozen=True, slots=True)
class LimitsChanged:
    """The offline limits, each by its name (``terminal.services.offline`` reads them)."""

    limits: Mapping[str, int | bool]


Change = (
    MemberChanged
    | MemberGone
    | CardChanged
    | CardGone
    | ProgramChanged
    | GiftChanged
    | GiftGone
    | LimitsChanged
    | StaffChanged
    | StaffGone
)


# --- the snapshot: its meta page, then pages of rows ----------------------------------


@dataclass(frozen=True, slots=True)
class SnapshotMeta:
    """The snapshot's first page: what comes whole, the row counts, and ``as_of``, the
    feed cursor the cache follows once the rows are in."""

    as_of: str
    as_of_time: str  # the office's clock then: every row's synced_at
    program: ProgramRecord | None
    gifts: Sequence[Row]  # GIFT_ROW
    limits: Mapping[str, int | bool] | None
    members: int
    cards: int
    staff: Sequence[StaffIn] | None = None  # every member of staff; None: none sent


@dataclass(frozen=True, slots=True)
class SnapshotRows:
    """One page of a part of the snapshot: rows in MEMBER_ROW or CARD_ROW order, by id;
    the next page starts after ``next_after``; ``done``: the part's last page."""

    part: Part
    rows: Sequence[Row]
    next_after: int
    done: bool
