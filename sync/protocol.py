"""The wire format between a terminal and the office, version 1 (docs/protocol.md).

JSON over HTTPS. Every path starts with ``/v1``; every response carries the office's
clock in ``X-Office-Time`` (ISO 8601, UTC) and the protocol version in
``X-Protocol-Version``. Amounts are integers: money in minor units (``*_minor``), points
in hundredths (``*_centi``), exactly as the terminal's cache stores them.

Rows of members and cards travel as arrays in the column order below (the snapshot and
the change feed share them), so that a page of 20,000 members stays small.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from terminal.loyalty import id_blocks

VERSION = 1
PREFIX = "/v1"
#: Member and card ids a till gives itself (``member_register``): terminal T owns
#: ``block_of(T)``; the office's own ids stay below LOCAL_ID_BASE (one definition, in
#: terminal.loyalty.id_blocks, which the till's cache uses too).
LOCAL_ID_BASE = id_blocks.LOCAL_ID_BASE
LOCAL_ID_BLOCK = id_blocks.BLOCK
block_of = id_blocks.block_of
in_block = id_blocks.in_block
TIME_HEADER = "X-Office-Time"
VERSION_HEADER = "X-Protocol-Version"

#: Member fields on the wire, in order (the cache's members table without name_key and
#: synced_at, which the terminal derives, and office_seq, which is the member's ``seq``:
#: a change's own, or in the snapshot the last item of the row, after these fields).
MEMBER_FIELDS = (
    "id",
    "full_name",
    "address_as",
    "birthday",
    "phone",
    "segment",
    "personal_manager",
    "priority_service",
    "consent_personal_data",
    "consent_marketing",
    "balance_centi",
    "lifetime_spend_minor",
    "window_spend_minor",
    "purchases",
    "last_gift_year",
)
CARD_FIELDS = (
    "id",
    "uid",
    "number",
    "kind",
    "state",
    "member_id",
    "fixed_discount_bp",
    "expires",
    "replaced_by",
)
#: A gift on the wire: ``names`` its name per language as one JSON text (``{"ru": ...,
#: "uk": ..., "en": ...}``, terminal.loyalty.names) or None; ``name`` for the rest.
GIFT_FIELDS = ("code", "name", "kind", "points_cost_centi", "active", "names")
#: A member of staff on the wire (the feed's ``staff`` entity, the snapshot's meta, a
#: seed file), in order: ``role`` one of STAFF_ROLES; ``tills`` the terminal ids they may
#: work at, or None for every till; ``pin_hash`` common.pins' hash (None: no PIN yet);
#: ``cards`` their staff cards' UIDs (upper-case hex); ``active`` False: deactivated,
#: cannot log in anywhere.
STAFF_FIELDS = ("id", "name", "role", "tills", "pin_hash", "cards", "active")
#: The roles of staff, from the least to the most a role may do. A cashier checks out
#: and looks members up; a supervisor also does every operation of docs/sync-rules.md,
#: "Who may do what"; a store admin may do what a supervisor may (and runs the till).
STAFF_ROLES = ("cashier", "supervisor", "store_admin")
#: At most this many audit events in one ``POST /v1/audit``.
MAX_AUDIT_BATCH = 500
#: An audit event on the wire (``POST /v1/audit``): the till's own row id, its clock,
#: the staff id, what was done, on what, and details (a JSON object).
AUDIT_FIELDS = ("id", "at", "staff_id", "action", "target", "details")

#: Operation kinds the office knows; anything else is rejected (``unknown_kind``).
OPERATION_KINDS = frozenset(
    {
        "purchase",
        "return",
        "gift",
        "adjustment",
        "feedback",
        "card_block",
        "card_activate",
        "card_replace",
        "member_register",  # a member and their card registered at a till (facts)
        "card_unblock",  # a blocked card made active again, by a supervisor, with a reason
    }
)
MAX_BATCH = 1000
DEFAULT_PAGE = 5000
MAX_PAGE = 50_000

#: A seed file (a till's members for an empty office, docs/install.md): JSON Lines, a
#: header ``{"format": SEED_FORMAT, "version": SEED_VERSION, ...}``, rows of the entities
#: above in their field order, and a last line of kind SEED_END with the counts.
SEED_FORMAT = "loyalty-seed"
SEED_VERSION = 1
SEED_END = "end"


class Entity(enum.Enum):
    """What a change in the feed is about."""

    MEMBER = "member"  # data: a member row (MEMBER_FIELDS); None: deleted/anonymised
    CARD = "card"  # data: a card row (CARD_FIELDS); None: deleted
    PROGRAM = "program"  # data: {"code", "version", "body"}; key: the program's code
    GIFT = "gift"  # data: a gift row (GIFT_FIELDS); None: withdrawn
    LIMITS = "limits"  # data: OfflineLimits.to_dict(); key: "terminal"
    STAFF = "staff"  # data: a staff row (STAFF_FIELDS); None: removed; key: the staff id


class SnapshotPart(enum.Enum):
    """The snapshot's pages (``/snapshot/{part}``): ``meta`` first, then members and cards."""

    META = "meta"
    MEMBERS = "members"  # rows: MEMBER_FIELDS, then the member's seq
    CARDS = "cards"  # rows: CARD_FIELDS


class OpStatus(enum.Enum):
    """The office's answer to one operation of a pushed batch."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"  # seen before with the same body: the original result
    HELD = "held"  # a reversal whose target has not arrived: kept, applied later
    REJECTED = "rejected"  # will never apply: park it for review (``code`` says why)


@dataclass(frozen=True, slots=True)
class OpResult:
    """One operation's answer. ``member_id``/``balance_centi``/``member_seq`` give the
    member's office figures right after this operation applied (None: no member)."""

    id: str
    status: OpStatus
    code: str | None = None
    message: str | None = None
    member_id: int | None = None
    member_seq: int | None = None
    balance_centi: int | None = None
    lifetime_spend_minor: int | None = None
    window_spend_minor: int | None = None
    purchases: int | None = None
    last_gift_year: int | None = None
    overdrawn: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "status": self.status.value}
        for name in (
            "code",
            "message",
            "member_id",
            "member_seq",
            "balance_centi",
            "lifetime_spend_minor",
            "window_spend_minor",
            "purchases",
            "last_gift_year",
        ):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.overdrawn:
            out["overdrawn"] = True
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OpResult:
        def opt_int(name: str) -> int | None:
            v = data.get(name)
            return None if v is None else int(v)

        return cls(
            id=str(data["id"]),
            status=OpStatus(data["status"]),
            code=data.get("code"),
            message=data.get("message"),
            member_id=opt_int("member_id"),
            member_seq=opt_int("member_seq"),
            balance_centi=opt_int("balance_centi"),
            lifetime_spend_minor=opt_int("lifetime_spend_minor"),
            window_spend_minor=opt_int("window_spend_minor"),
            purchases=opt_int("purchases"),
            last_gift_year=opt_int("last_gift_year"),
            overdrawn=bool(data.get("overdrawn", False)),
        )


@dataclass(frozen=True, slots=True)
class OfflineLimits:
    """What a terminal may spend while it cannot reach the office (docs/sync-rules.md,
    Online and offline).

    ``offline_after_s``: no successful exchange for this long means offline.
    ``max_data_age_s``: spending offline needs a cache updated at most this long ago.
    Points caps are in hundredths; a cap of 0 forbids spending offline altogether.
    ``authorise_ms``: how long a till waits for the office to authorise a spend (a hold,
    ``POST /v1/holds``) before it falls back to these limits; ``hold_s``: how long a
    hold the office grants stays open if no operation settles it.

    ``adjust_per_operation_centi`` and ``adjust_staff_day_centi`` cap the points a
    supervisor adjusts by hand (either way), in one operation and in one day (the
    office's day, UTC), online or not: the office rejects beyond them, the till refuses
    before sending.

    Not spending but staff, published the same way: ``supervisor_card``: a supervisor's
    (or store admin's) PIN log-in also needs a tap of their own staff card;
    ``min_pin_supervisor`` / ``min_pin_cashier``: the shortest PIN the office sets for
    those roles (``common.pins.PinRules``: at least 6 and 4)."""

    offline_after_s: int = 120
    max_data_age_s: int = 24 * 3600
    per_operation_centi: int = 50_000
    per_card_centi: int = 100_000
    terminal_total_centi: int = 1_000_000
    gifts_offline: bool = True
    authorise_ms: int = 1500
    hold_s: int = 300
    adjust_per_operation_centi: int = 100_000
    adjust_staff_day_centi: int = 500_000
    supervisor_card: bool = False
    min_pin_supervisor: int = 6
    min_pin_cashier: int = 4

    def to_dict(self) -> dict[str, Any]:
        return {
            "offline_after_s": self.offline_after_s,
            "max_data_age_s": self.max_data_age_s,
            "per_operation_centi": self.per_operation_centi,
            "per_card_centi": self.per_card_centi,
            "terminal_total_centi": self.terminal_total_centi,
            "gifts_offline": self.gifts_offline,
            "authorise_ms": self.authorise_ms,
            "hold_s": self.hold_s,
            "adjust_per_operation_centi": self.adjust_per_operation_centi,
            "adjust_staff_day_centi": self.adjust_staff_day_centi,
            "supervisor_card": self.supervisor_card,
            "min_pin_supervisor": self.min_pin_supervisor,
            "min_pin_cashier": self.min_pin_cashier,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OfflineLimits:
        defaults = cls()
        return cls(
            offline_after_s=int(data.get("offline_after_s", defaults.offline_after_s)),
            max_data_age_s=int(data.get("max_data_age_s", defaults.max_data_age_s)),
            per_operation_centi=int(data.get("per_operation_centi", defaults.per_operation_centi)),
            per_card_centi=int(data.get("per_card_centi", defaults.per_card_centi)),
            terminal_total_centi=int(
                data.get("terminal_total_centi", defaults.terminal_total_centi)
            ),
            gifts_offline=bool(data.get("gifts_offline", defaults.gifts_offline)),
            authorise_ms=int(data.get("authorise_ms", defaults.authorise_ms)),
            hold_s=int(data.get("hold_s", defaults.hold_s)),
            adjust_per_operation_centi=int(
                data.get("adjust_per_operation_centi", defaults.adjust_per_operation_centi)
            ),
            adjust_staff_day_centi=int(
                data.get("adjust_staff_day_centi", defaults.adjust_staff_day_centi)
            ),
            supervisor_card=bool(data.get("supervisor_card", defaults.supervisor_card)),
            min_pin_supervisor=int(data.get("min_pin_supervisor", defaults.min_pin_supervisor)),
            min_pin_cashier=int(data.get("min_pin_cashier", defaults.min_pin_cashier)),
        )


@dataclass(frozen=True, slots=True)
class ProgramState:
    """A program as the feed (``Entity.PROGRAM``) and the snapshot's meta send it; ``body``
    is ``terminal.loyalty.Program.to_dict()``."""

    code: str
    version: int
    body: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProgramState:
        return cls(str(data["code"]), int(data["version"]), dict(data["body"]))


class Change(NamedTuple):
    """One change of the feed, ``[seq, entity, key, data, at]`` on the wire. ``entity``
    is an :class:`Entity` value (a till ignores one it does not know); ``data`` the
    entity's whole state after the change, None for a deletion; ``at`` the office's
    time of it."""

    seq: int
    entity: str
    key: str
    data: Any
    at: str


@dataclass(frozen=True, slots=True)
class ChangesPage:
    """``GET /changes``: the changes after the cursor, in the office's commit order; the
    cursor after them (opaque to the till); ``more``: not caught up yet."""

    changes: list[Change]
    next: str
    more: bool

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChangesPage:
        changes = [
            Change(int(seq), str(entity), str(key), state, str(at))
            for seq, entity, key, state, at in data["changes"]
        ]
        return cls(changes, str(data["next"]), bool(data["more"]))


@dataclass(frozen=True, slots=True)
class SnapshotMeta:
    """``GET /snapshot/meta``: what comes whole (program, gift rows in GIFT_FIELDS order,
    limits, every member of staff in STAFF_FIELDS order), the row counts of the parts,
    and ``as_of``: the feed cursor to follow once the parts are in. ``as_of_time`` is the
    office's clock then."""

    as_of: str
    as_of_time: str
    program: ProgramState | None
    gifts: list[list[Any]]
    limits: OfflineLimits | None
    members: int
    cards: int
    staff: list[list[Any]] | None = None  # STAFF_FIELDS rows; None: an office without staff

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SnapshotMeta:
        program, limits = data.get("program"), data.get("limits")
        return cls(
            as_of=str(data["as_of"]),
            as_of_time=str(data["as_of_time"]),
            program=None if program is None else ProgramState.from_dict(program),
            gifts=[list(g) for g in data.get("gifts") or []],
            limits=None if limits is None else OfflineLimits.from_dict(limits),
            members=int(data.get("members", 0)),
            cards=int(data.get("cards", 0)),
            staff=None if data.get("staff") is None else [list(r) for r in data["staff"]],
        )


@dataclass(frozen=True, slots=True)
class SnapshotPage:
    """``GET /snapshot/{members|cards}?after=ID``: rows by id after ``after``; the next
    page starts after ``next_after``; ``done``: the part's last page."""

    part: SnapshotPart
    rows: list[list[Any]]
    next_after: int
    done: bool

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SnapshotPage:
        rows = data["rows"]
        if not isinstance(rows, list):
            raise TypeError(f"rows: a list expected, not {type(rows).__name__}")
        return cls(SnapshotPart(data["part"]), rows, int(data["next_after"]), bool(data["done"]))


def format_time(at: datetime) -> str:
    """The protocol's time format: UTC, microseconds, always the same width."""
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def parse_time(text: str) -> datetime:
    at = datetime.fromisoformat(text)
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
