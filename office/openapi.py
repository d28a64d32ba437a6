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
from office.openapi_schemas import REJECTION_CODES, SCHEMAS, STR, ref
from sync.protocol import (
    MAX_AUDIT_BATCH,
    MAX_BATCH,
    TIME_HEADER,
    VERSION_HEADER,
)

__all__ = ["REJECTION_CODES", "SCHEMAS", "complete"]

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
    ("/v1/purchases/{op_id}", "get"): ("Purchase", ("401", "403", "404", "503")),
    ("/v1/changes", "get"): ("ChangePage", ("400", "401", "403", "410", "503")),
    ("/v1/audit", "post"): ("AuditStored", ("400", "401", "403", "413", "503")),
    ("/v1/snapshot/{part}", "get"): ("SnapshotMeta | SnapshotPage", ("401", "403", "404", "503")),
}
_MORE = {
    "404": "/snapshot: no such part; /purchases: the office holds no applied purchase "
    "with this id (unknown, not yet arrived, or rejected)",
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
            "schema": STR,
        },
        VERSION_HEADER: {"description": "the protocol version", "required": True, "schema": STR},
    }
    busy = {
        **headers,
        "Retry-After": {"description": "seconds to wait", "required": True, "schema": STR},
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
        schema = ref(names[0]) if len(names) == 1 else {"oneOf": [ref(n) for n in names]}
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
                "content": {"application/json": {"schema": ref("Error")}},
            }
        spec["responses"] = responses
        if path != "/v1/enrol":
            spec["security"] = [{"device": []}]
    # FastAPI's validation-error schemas are not used by our answers.
    for name in ("HTTPValidationError", "ValidationError"):
        doc["components"]["schemas"].pop(name, None)
    return doc
