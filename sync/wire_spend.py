"""The wire of online spending (docs/protocol.md, Online spending and Id floors): the
office's answer to a hold (``POST /v1/holds``) and the id floors it sends at enrolment
and with every ``/hello``. Part of the wire like :mod:`sync.protocol`: the office uses
it too, and it imports nothing of ours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HOLDS_PATH = "/holds"
#: The operation's field that names the registration of the member it is about, while
#: that registration is not yet the office's (docs/protocol.md, Id floors).
REGISTRATION_FIELD = "registration"
#: An operation's ``facts`` key naming the hold it settles (without it: its own id).
HOLD_FACT = "hold"

#: ``POST /v1/holds``: a till asks the office to hold points of a member's balance for the
#: operation it is about to record (its ``id``); the operation settles the hold when it
#: arrives (docs/protocol.md, Online spending). ``HOLD_FIELDS``: the request's fields.
HOLD_FIELDS = ("id", "member_id", "card_id", "points_centi")


@dataclass(frozen=True, slots=True)
class HoldAnswer:
    """The office's decision on a hold: ``granted`` (``points_centi`` held until
    ``expires_at``) or refused with ``reason`` (``balance``: the member's balance minus
    the other open holds, ``available_centi``, is too small; ``unknown_member``,
    ``unknown_card``, ``card_not_usable``)."""

    id: str
    granted: bool
    points_centi: int
    available_centi: int
    reason: str | None = None
    expires_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "granted": self.granted,
            "points_centi": self.points_centi,
            "available_centi": self.available_centi,
        }
        if self.reason is not None:
            out["reason"] = self.reason
        if self.expires_at is not None:
            out["expires_at"] = self.expires_at
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HoldAnswer:
        reason, expires = data.get("reason"), data.get("expires_at")
        return cls(
            id=str(data["id"]),
            granted=bool(data["granted"]),
            points_centi=int(data["points_centi"]),
            available_centi=int(data["available_centi"]),
            reason=None if reason is None else str(reason),
            expires_at=None if expires is None else str(expires),
        )


@dataclass(frozen=True, slots=True)
class IdFloors:
    """What the office holds from a terminal's id block, sent at enrolment and by every
    ``/hello`` (``"floors"``): its highest member id and card id in the block and the
    terminal's highest operation ``seq`` (None: none). The till allocates above them, so
    a cache restored from a backup never hands out an id or a seq again."""

    member_id: int | None = None
    card_id: int | None = None
    seq: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"member_id": self.member_id, "card_id": self.card_id, "seq": self.seq}

    @classmethod
    def from_dict(cls, data: Any) -> IdFloors:
        if not isinstance(data, dict):
            return cls()

        def opt(name: str) -> int | None:
            v = data.get(name)
            return None if v is None else int(v)

        return cls(opt("member_id"), opt("card_id"), opt("seq"))


#: ``GET /v1/purchases/{id}``: a purchase made at any till of the chain, for a return at
#: another (docs/protocol.md, Returns at another till).
PURCHASES_PATH = "/purchases"


@dataclass(frozen=True, slots=True)
class PurchaseAnswer:
    """A purchase the office has applied, as a till needs it to return it: whose it was
    (``member_id``, ``card_id``), what it was (``amount_minor``, its ``facts``: the
    figures a return is worked out from) and what the chain's returns applied at the
    office have taken back of it already (``returned_minor``)."""

    id: str
    terminal_id: int
    seq: int
    created_at: str
    member_id: int | None
    card_id: int | None
    amount_minor: int
    returned_minor: int
    facts: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "terminal_id": self.terminal_id,
            "seq": self.seq,
            "created_at": self.created_at,
            "member_id": self.member_id,
            "card_id": self.card_id,
            "amount_minor": self.amount_minor,
            "returned_minor": self.returned_minor,
            "facts": self.facts,
        }

    @classmethod
    def from_dict(cls, data: Any) -> PurchaseAnswer:
        """The answer as the till reads it (``ValueError`` if it is not one)."""
        if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
            raise ValueError("not a purchase")

        def whole(name: str) -> int:
            v = data.get(name)
            if not isinstance(v, int) or isinstance(v, bool):
                raise ValueError(f"{name} is not an integer")
            return v

        def opt(name: str) -> int | None:
            return None if data.get(name) is None else whole(name)

        return cls(
            id=str(data["id"]),
            terminal_id=whole("terminal_id"),
            seq=whole("seq"),
            created_at=str(data["created_at"]),
            member_id=opt("member_id"),
            card_id=opt("card_id"),
            amount_minor=whole("amount_minor"),
            returned_minor=whole("returned_minor"),
            facts=data["facts"],
        )
