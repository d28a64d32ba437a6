"""The schemas of the protocol's payloads in the OpenAPI document (office/openapi.py puts
them in): declared once, from the field lists in :mod:`sync.protocol`."""

from __future__ import annotations

from typing import Any

from sync.protocol import (
    CARD_FIELDS,
    GIFT_FIELDS,
    MAX_BATCH,
    MEMBER_FIELDS,
    OPERATION_KINDS,
    STAFF_FIELDS,
    STAFF_ROLES,
    Entity,
    OfflineLimits,
    OpStatus,
)

_INT = {"type": "integer"}
STR = {"type": "string"}

#: Every code an operation's result may carry (rejected, or held: ``target_missing``),
#: as docs/protocol.md explains them; tests/office/test_openapi_doc.py keeps it equal to
#: the codes the office's modules give, and each has the till's words for a person.
REJECTION_CODES: dict[str, str] = {
    "bad_operation": "a field of the wrong type, out of range, too long, with NUL, too deep",
    "conflict": "this id came before with another body",
    "op_id_taken": "another terminal sent an operation with this id",
    "unknown_kind": "not an operation kind of this protocol",
    "unknown_member": "no such member at the office",
    "unknown_card": "no such card at the office",
    "target_missing": "(held) the purchase a return reverses has not arrived",
    "target_rejected": "the purchase a return reverses was rejected",
    "registration_rejected": "the member's registration by this terminal was rejected",
    "unknown_staff": "the staff id is not the office's",
    "staff_inactive": "the member of staff was deactivated",
    "staff_not_here": "the member of staff may not work at this terminal",
    "role_required": "the kind needs a role the staff member lacks (or no staff id)",
    "card_not_members": "the card belongs to another member",
    "out_of_bounds": "a negative or impossible figure, a purchase above the maximum",
    "unknown_program": "the program version named was never published",
    "figures_mismatch": "the figures differ from the rules' beyond the tolerance",
    "seen_mismatch": "the member state the till saw gives more than the office's",
    "reversal_exceeds": "the returns of one purchase together would exceed it",
    "over_offline_limit": "points spent without the office's hold, above the offline cap",
    "unknown_gift": "no such gift in the office's catalogue",
    "gift_not_due": "the birthday gift was given that year already",
    "reason_missing": "an adjustment or an unblock without a reason",
    "adjustment_cap": "an adjustment above the per-operation cap",
    "adjustment_daily_cap": "above what one member of staff may adjust in a day",
    "card_state": "the card's state does not allow this operation",
    "card_not_free": "a replacement onto a card that is not free",
    "id_not_yours": "a registration's ids outside the terminal's block",
    "id_taken": "a registration's ids the office holds already",
    "card_taken": "a registration's card belongs to someone",
    "payment_card": "a registration's card number is a payment card's",
}
_NULL_INT = {"type": ["integer", "null"]}
_NULL_STR = {"type": ["string", "null"]}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _row(fields: tuple[str, ...], what: str) -> dict[str, Any]:
    return {
        "type": "array",
        "description": f"A {what} as an array, in this order: {', '.join(fields)}.",
        "minItems": len(fields),
    }


SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error", "message"],
        "properties": {
            "error": {
                **STR,
                "description": "a stable code (bad_request, unauthorized, revoked, not_found, "
                "request_timeout, body_too_large, batch_too_large, internal, busy, ...)",
            },
            "message": {**STR, "description": "what happened, for people"},
        },
    },
    "Enrolment": {
        "type": "object",
        "required": ["terminal_id", "name", "token", "floors"],
        "properties": {
            "terminal_id": _INT,
            "name": STR,
            "token": {**STR, "description": "the bearer credential; shown once"},
            "floors": ref("IdFloors"),
        },
    },
    "Hello": {
        "type": "object",
        "required": ["terminal_id", "name", "floors"],
        "properties": {"terminal_id": _INT, "name": STR, "floors": ref("IdFloors")},
    },
    "IdFloors": {
        "type": "object",
        "description": "the highest member id and card id the office holds from the "
        "terminal's block, and the terminal's highest operation seq (null: none); the "
        "till allocates above them",
        "required": ["member_id", "card_id", "seq"],
        "properties": {"member_id": _NULL_INT, "card_id": _NULL_INT, "seq": _NULL_INT},
    },
    "HoldAnswer": {
        "type": "object",
        "required": ["id", "granted", "points_centi", "available_centi"],
        "properties": {
            "id": STR,
            "granted": {"type": "boolean"},
            "points_centi": _INT,
            "available_centi": {
                **_INT,
                "description": "the balance minus the member's other open holds "
                "(after this one, when granted)",
            },
            "reason": {"enum": ["balance", "unknown_member", "unknown_card", "card_not_usable"]},
            "expires_at": {**STR, "description": "when an unsettled hold frees itself"},
        },
    },
    "Operation": {
        "type": "object",
        "description": "One terminal operation, a delta (never a balance). Money in minor "
        "units, points in hundredths. Extra fields are kept and hashed with the rest: the "
        "same id with another body is a conflict.",
        "required": ["v", "id", "seq", "kind", "created_at"],
        "properties": {
            "v": {"const": 1},
            "id": {**STR, "minLength": 1, "maxLength": 36, "description": "made on the terminal"},
            "seq": {**_INT, "description": "the terminal's sequence number, gap-free"},
            "kind": {"enum": sorted(OPERATION_KINDS)},
            "created_at": {**STR, "description": "the terminal's clock, for people only"},
            "card_id": _NULL_INT,
            "member_id": _NULL_INT,
            "staff_id": _NULL_INT,
            "amount_minor": _INT,
            "discount_minor": _INT,
            "paid_minor": _INT,
            "points_spent_centi": _INT,
            "points_earned_centi": _INT,
            "points_delta_centi": {**_INT, "description": "what the balance moves by"},
            "spend_delta_minor": _INT,
            "purchases_delta": _INT,
            "reverses": {**_NULL_STR, "description": "the id of the operation it reverses"},
            "registration": {
                **STR,
                "description": "the id of the member_register of its member, while that "
                "member is the till's own: rejected as registration_rejected if that was",
            },
            "facts": {
                "type": "object",
                "description": "what the rules decided, for audit. member_register: "
                "{member: {id, full_name, address_as, birthday, phone, consent_personal_data, "
                "consent_marketing}, consents: {personal_data: {given, at}, marketing: "
                "{given, at}}, card: {id, uid, number, kind, state}, terminal_id}; the ids "
                "lie in the terminal's own block",
            },
        },
    },
    "OpResult": {
        "type": "object",
        "required": ["id", "status"],
        "properties": {
            "id": STR,
            "status": {"enum": [s.value for s in OpStatus]},
            "code": {
                **STR,
                "description": "why, when rejected or held (docs/protocol.md): "
                + "; ".join(f"`{c}`: {why}" for c, why in REJECTION_CODES.items()),
            },
            "message": STR,
            "member_id": _INT,
            "member_seq": {**_INT, "description": "the feed seq of the member's new state"},
            "balance_centi": _INT,
            "lifetime_spend_minor": _INT,
            "window_spend_minor": _INT,
            "purchases": _INT,
            "last_gift_year": _INT,
            "overdrawn": {"type": "boolean"},
        },
    },
    "PushResults": {
        "type": "object",
        "required": ["results"],
        "properties": {
            "results": {
                "type": "array",
                "maxItems": MAX_BATCH,
                "items": ref("OpResult"),
                "description": "one per pushed operation, in the same order",
            }
        },
    },
    "MemberRow": _row(MEMBER_FIELDS, "member"),
    "CardRow": _row(CARD_FIELDS, "card"),
    "GiftRow": {
        **_row(GIFT_FIELDS, "gift"),
        "description": f"A gift as an array, in this order: {', '.join(GIFT_FIELDS)}; "
        'names: its name per language as one JSON text ({"ru": ..., "uk": ..., "en": ...}) '
        "or null (name is shown in a language it lacks).",
    },
    "OfflineLimits": {
        "type": "object",
        "properties": {
            name: {"type": "boolean"} if isinstance(value, bool) else _INT
            for name, value in OfflineLimits().to_dict().items()
        },
    },
    "Change": {
        "type": "array",
        "description": "[seq, entity, key, data, at]: data is the entity's state after the "
        "change (a MemberRow, CardRow, GiftRow, StaffRow, program or OfflineLimits), null when "
        "deleted",
        "prefixItems": [
            _INT,
            {"enum": [e.value for e in Entity]},
            STR,
            {},
            STR,
        ],
    },
    "Purchase": {
        "type": "object",
        "description": "an applied purchase, for a return at another till",
        "required": [
            "id",
            "terminal_id",
            "seq",
            "created_at",
            "member_id",
            "card_id",
            "amount_minor",
            "returned_minor",
            "facts",
        ],
        "properties": {
            "id": {"type": "string"},
            "terminal_id": {"type": "integer", "description": "the till that sold it"},
            "seq": {"type": "integer", "description": "its number at that till"},
            "created_at": {"type": "string", "description": "that till's clock"},
            "member_id": {"type": ["integer", "null"]},
            "card_id": {"type": ["integer", "null"]},
            "amount_minor": {"type": "integer", "description": "the goods bought"},
            "returned_minor": {
                "type": "integer",
                "description": "what the returns the office has applied took back of it",
            },
            "facts": {
                "type": "object",
                "description": "the purchase's facts as its till sent them (what a return "
                "is worked out from)",
            },
        },
    },
    "ChangePage": {
        "type": "object",
        "required": ["changes", "next", "more", "head"],
        "properties": {
            "changes": {"type": "array", "items": ref("Change")},
            "next": {**STR, "description": "the cursor to ask with next (opaque)"},
            "more": {"type": "boolean"},
            "head": _INT,
        },
    },
    "SnapshotMeta": {
        "type": "object",
        "required": ["as_of", "as_of_time", "program", "gifts", "limits", "members", "cards"],
        "properties": {
            "as_of": {**STR, "description": "the feed cursor to follow after the snapshot"},
            "as_of_time": STR,
            "program": {"type": ["object", "null"]},
            "gifts": {"type": "array", "items": ref("GiftRow")},
            "limits": ref("OfflineLimits"),
            "members": _INT,
            "cards": _INT,
            "staff": {"type": "array", "items": ref("StaffRow")},
        },
    },
    "StaffRow": {
        **_row(STAFF_FIELDS, "member of staff"),
        "description": f"A member of staff as an array, in this order: {', '.join(STAFF_FIELDS)}"
        f". role: one of {', '.join(STAFF_ROLES)}; tills: terminal ids, or null for every "
        "till; pin_hash: common.pins' hash or null; cards: staff card UIDs (hex); active.",
    },
    "AuditEvent": {
        "type": "object",
        "required": ["id", "at", "action"],
        "properties": {
            "id": {**_INT, "description": "the till's own id of the event (increasing)"},
            "at": {**STR, "description": "the till's clock, for people"},
            "staff_id": _NULL_INT,
            "action": STR,
            "target": _NULL_STR,
            "details": {"type": "object"},
        },
    },
    "AuditStored": {
        "type": "object",
        "required": ["stored", "duplicates", "refused", "last"],
        "properties": {
            "stored": _INT,
            "duplicates": {**_INT, "description": "received before: stored once"},
            "refused": {"type": "array", "items": {"type": "object"}},
            "last": {**_INT, "description": "the highest event id of the batch"},
        },
    },
    "SnapshotPage": {
        "type": "object",
        "required": ["part", "rows", "next_after", "done"],
        "properties": {
            "part": {"enum": ["members", "cards"]},
            "rows": {
                "type": "array",
                "description": "MemberRow (plus its seq last) or CardRow, by id",
            },
            "next_after": _INT,
            "done": {"type": "boolean"},
        },
    },
}
