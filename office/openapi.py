"""The protocol's OpenAPI document: FastAPI's paths plus the schemas of our payloads.

The office builds JSON by hand for speed (arrays for rows), so FastAPI cannot infer the
response bodies: they are declared here, once, from the field lists in
:mod:`sync.protocol`. ``python -m office openapi`` prints the document
(:func:`office.app.openapi_document`); docs/openapi.json is that output, and a test keeps
the two equal.
"""

from __future__ import annotations

from typing import Any

from office.limits import MAX_JSON_DEPTH, ServerLimits
from sync.protocol import (
    CARD_FIELDS,
    GIFT_FIELDS,
    MAX_AUDIT_BATCH,
    MAX_BATCH,
    MEMBER_FIELDS,
    OPERATION_KINDS,
    STAFF_FIELDS,
    STAFF_ROLES,
    TIME_HEADER,
    VERSION_HEADER,
    Entity,
    OfflineLimits,
    OpStatus,
)

_INT = {"type": "integer"}
_STR = {"type": "string"}

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


def _ref(name: str) -> dict[str, str]:
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
                **_STR,
                "description": "a stable code (bad_request, unauthorized, revoked, not_found, "
                "request_timeout, body_too_large, batch_too_large, internal, busy, ...)",
            },
            "message": {**_STR, "description": "what happened, for people"},
        },
    },
    "Enrolment": {
        "type": "object",
        "required": ["terminal_id", "name", "token", "floors"],
        "properties": {
            "terminal_id": _INT,
            "name": _STR,
            "token": {**_STR, "description": "the bearer credential; shown once"},
            "floors": _ref("IdFloors"),
        },
    },
    "Hello": {
        "type": "object",
        "required": ["terminal_id", "name", "floors"],
        "properties": {"terminal_id": _INT, "name": _STR, "floors": _ref("IdFloors")},
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
            "id": _STR,
            "granted": {"type": "boolean"},
            "points_centi": _INT,
            "available_centi": {
                **_INT,
                "description": "the balance minus the member's other open holds "
                "(after this one, when granted)",
            },
            "reason": {"enum": ["balance", "unknown_member", "unknown_card", "card_not_usable"]},
            "expires_at": {**_STR, "description": "when an unsettled hold frees itself"},
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
            "id": {**_STR, "minLength": 1, "maxLength": 36, "description": "made on the terminal"},
            "seq": {**_INT, "description": "the terminal's sequence number, gap-free"},
            "kind": {"enum": sorted(OPERATION_KINDS)},
            "created_at": {**_STR, "description": "the terminal's clock, for people only"},
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
                **_STR,
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
            "id": _STR,
            "status": {"enum": [s.value for s in OpStatus]},
            "code": {
                **_STR,
                "description": "why, when rejected or held (docs/protocol.md): "
                + "; ".join(f"`{c}`: {why}" for c, why in REJECTION_CODES.items()),
            },
            "message": _STR,
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
                "items": _ref("OpResult"),
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
            _STR,
            {},
            _STR,
        ],
    },
    "ChangePage": {
        "type": "object",
        "required": ["changes", "next", "more", "head"],
        "properties": {
            "changes": {"type": "array", "items": _ref("Change")},
            "next": {**_STR, "description": "the cursor to ask with next (opaque)"},
            "more": {"type": "boolean"},
            "head": _INT,
        },
    },
    "SnapshotMeta": {
        "type": "object",
        "required": ["as_of", "as_of_time", "program", "gifts", "limits", "members", "cards"],
        "properties": {
            "as_of": {**_STR, "description": "the feed cursor to follow after the snapshot"},
            "as_of_time": _STR,
            "program": {"type": ["object", "null"]},
            "gifts": {"type": "array", "items": _ref("GiftRow")},
            "limits": _ref("OfflineLimits"),
            "members": _INT,
            "cards": _INT,
            "staff": {"type": "array", "items": _ref("StaffRow")},
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
            "at": {**_STR, "description": "the till's clock, for people"},
            "staff_id": _NULL_INT,
            "action": _STR,
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

# Responses by path and method: (schema of the 200 answer, other statuses). Every
# answer also may be 400, 408, 500 and 503; every one but /v1/enrol's 401; every POST's
# 413 (complete() adds them).
_LIMITS = ServerLimits()
_ERRORS = {
    "400": "a malformed request: a body that is not JSON or nests deeper than "
    f"{MAX_JSON_DEPTH} levels, a query parameter out of its range, malformed HTTP",
    "401": "no credential, or one the office does not know (every path but /v1/enrol)",
    "403": "the terminal is revoked (or, for /enrol, the code is unknown, used or expired)",
    "408": "the request's headers or body came too slowly (serve --header-timeout, "
    "--body-timeout): the connection is closed",
    "500": "the office failed (its log says where): try again",
    "503": "the office is busy: retry after Retry-After seconds",
}
_GENERIC = ("400", "408", "500", "503")
RESPONSES: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("/v1/enrol", "post"): ("Enrolment", ("400", "403", "409", "503")),
    ("/v1/hello", "get"): ("Hello", ("401", "403", "503")),
    ("/v1/operations", "post"): ("PushResults", ("400", "401", "403", "413", "503")),
    ("/v1/holds", "post"): ("HoldAnswer", ("400", "401", "403", "409", "503")),
    ("/v1/changes", "get"): ("ChangePage", ("400", "401", "403", "410", "503")),
    ("/v1/audit", "post"): ("AuditStored", ("400", "401", "403", "413", "503")),
    ("/v1/snapshot/{part}", "get"): ("SnapshotMeta | SnapshotPage", ("401", "403", "404", "503")),
}
_MORE = {
    "404": "no such snapshot part",
    "409": "/enrol: a code for a new till, but this till still has operations to send as "
    "the terminal it was: it needs a re-enrolment code for that terminal (the code stays "
    "usable); /holds: the id names another hold, or an operation already received",
    "410": "the cursor is older than the feed keeps: download a snapshot",
    "413": (
        "the body is larger than this path takes (see the request body), or more than "
        f"{MAX_BATCH} operations (or {MAX_AUDIT_BATCH} audit events) in one batch"
    ),
}
_BODY_MAX = {
    "/v1/operations": _LIMITS.max_push_bytes,
    "/v1/audit": _LIMITS.max_push_bytes,
}
_OPS_413 = (
    f"more than {MAX_BATCH} operations in one batch, or a body over "
    f"{_LIMITS.max_push_bytes} bytes: send a smaller batch"
)


def complete(doc: dict[str, Any]) -> dict[str, Any]:
    """Add our schemas, response bodies and headers to FastAPI's generated document."""
    doc.setdefault("components", {}).setdefault("schemas", {}).update(SCHEMAS)
    doc["components"]["securitySchemes"] = {
        "device": {"type": "http", "scheme": "bearer", "description": "from /v1/enrol"}
    }
    headers = {
        TIME_HEADER: {
            "description": "the office's clock (ISO 8601, UTC)",
            "required": True,
            "schema": _STR,
        },
        VERSION_HEADER: {"description": "the protocol version", "required": True, "schema": _STR},
    }
    busy = {
        **headers,
        "Retry-After": {"description": "seconds to wait", "required": True, "schema": _STR},
    }
    for (path, method), (ok, listed) in RESPONSES.items():
        spec = doc["paths"][path][method]
        errors = set(listed) | set(_GENERIC)
        if path != "/v1/enrol":
            errors.add("401")
        if method == "post":
            errors.add("413")
            limit = _BODY_MAX.get(path, _LIMITS.max_body_bytes)
            spec["requestBody"]["description"] = (
                f"at most {limit} bytes (serve --max-{'push' if path in _BODY_MAX else 'body'}"
                f"-bytes; 413 beyond it), JSON at most {MAX_JSON_DEPTH} levels deep"
            )
        names = ok.split(" | ")
        schema = _ref(names[0]) if len(names) == 1 else {"oneOf": [_ref(n) for n in names]}
        responses: dict[str, Any] = {
            "200": {
                "description": "OK",
                "headers": headers,
                "content": {"application/json": {"schema": schema}},
            }
        }
        for status in sorted(errors):
            text = _ERRORS.get(status) or _MORE[status]
            if status == "413" and path == "/v1/operations":
                text = _OPS_413
            responses[status] = {
                "description": text,
                "headers": busy if status == "503" else headers,
                "content": {"application/json": {"schema": _ref("Error")}},
            }
        spec["responses"] = responses
        if path != "/v1/enrol":
            spec["security"] = [{"device": []}]
    # FastAPI's validation-error schemas are not used by our answers.
    for name in ("HTTPValidationError", "ValidationError"):
        doc["components"]["schemas"].pop(name, None)
    return doc
