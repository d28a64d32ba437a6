"""The tills' audit logs at the office: ``POST /v1/audit`` (docs/protocol.md, "The audit
log").

The office's own actions (an admin of the web app changing a member: office/admin_web.py)
are kept in the same table under terminal id :data:`OFFICE` (0, which no till has):
:func:`record_office`, who in the details with what it was before and after.

A till pushes its audit rows (log-ins, lock-outs lifted, supervisor operations, ...)
after its operations, in the order of their ids; the office keeps one row per (terminal,
event id), so a batch sent again (an answer lost) stores nothing twice. A malformed event
is refused alone (it would be refused at every retry); the rest are stored.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, bindparam, func, insert, select
from starlette.concurrency import run_in_threadpool

from office.db import OfficeDB
from office.models import audit_events
from sync.protocol import AUDIT_FIELDS, MAX_AUDIT_BATCH, PREFIX

log = logging.getLogger(__name__)

#: The "terminal" of the office's own audit rows (tills are numbered from 1).
OFFICE = 0
MAX_TEXT = {"at": 40, "action": 32, "target": 200}
MAX_DETAILS = 4000  # characters of its JSON


def _int(value: Any, top: int = 2**63) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < top


def problem(event: Any) -> str | None:
    """Why ``event`` cannot be stored, or None."""
    if not isinstance(event, dict):
        return "an event is a JSON object"
    if not _int(event.get("id")):
        return "id is a positive integer"
    staff_id = event.get("staff_id")
    if staff_id is not None and not _int(staff_id, 2**31):
        return "staff_id is an integer or null"
    for name, top in MAX_TEXT.items():
        value = event.get(name)
        if value is None and name == "target":
            continue
        if not isinstance(value, str) or not 0 < len(value) <= top or "\x00" in value:
            return f"{name} is a text of 1 to {top} characters"
    details = event.get("details", {})
    if not isinstance(details, dict):
        return "details is a JSON object"
    try:
        text = json.dumps(details, ensure_ascii=False, sort_keys=True)
        text.encode()
    except (TypeError, ValueError, RecursionError, UnicodeEncodeError):
        return "details is not JSON the office can store"
    if len(text) > MAX_DETAILS or "\\u0000" in text:
        return f"details take at most {MAX_DETAILS} characters, without NUL"
    return None


_KNOWN = select(audit_events.c.event_id).where(
    audit_events.c.terminal_id == bindparam("tid"),
    audit_events.c.event_id.in_(bindparam("ids", expanding=True)),
)


def store(db: OfficeDB, terminal_id: int, events: Sequence[Any]) -> dict[str, Any]:
    """Keep the new events of ``terminal_id``: counts of stored and duplicate ones, the
    refused ones with why, and the highest id taken care of (``last``)."""
    refused: list[dict[str, Any]] = []
    good: dict[int, dict[str, Any]] = {}
    for event in events:
        why = problem(event)
        if why is None:
            good.setdefault(int(event["id"]), event)
        else:
            ident = event.get("id") if isinstance(event, dict) else None
            refused.append({"id": ident if _int(ident) else None, "message": why})
    with db.write() as conn:
        at = db.now()
        known = _known(conn, terminal_id, sorted(good))
        rows = [_row(terminal_id, e, at) for i, e in good.items() if i not in known]
        if rows:
            conn.execute(insert(audit_events), rows)
    ids = [e["id"] for e in events if isinstance(e, dict) and _int(e.get("id"))]
    if refused:
        log.warning("terminal %s: %d audit events refused", terminal_id, len(refused))
    return {
        "stored": len(rows),
        "duplicates": len(good) - len(rows),
        "refused": refused,
        "last": max(ids, default=0),
    }


def _known(conn: Connection, terminal_id: int, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for i in range(0, len(ids), 500):
        rows = conn.execute(_KNOWN, {"tid": terminal_id, "ids": ids[i : i + 500]})
        found.update(int(r[0]) for r in rows)
    return found


def _row(terminal_id: int, event: dict[str, Any], at: str) -> dict[str, Any]:
    return {
        "terminal_id": terminal_id,
        "event_id": int(event["id"]),
        "at": event["at"],
        "staff_id": event.get("staff_id"),
        "action": event["action"],
        "target": event.get("target"),
        "details": json.dumps(event.get("details", {}), ensure_ascii=False, sort_keys=True),
        "received_at": at,
    }


def record_office(
    conn: Connection, at: str, admin: tuple[int, str], action: str, target: str, **details: Any
) -> int:
    """Keep one of the office's own actions, inside ``OfficeDB.write()`` (writers are
    serialised, so the next id is this one's): ``admin`` (id, name) did ``action`` to
    ``target``; ``details`` (e.g. ``before`` and ``after``) as a JSON object. Its id."""
    last = conn.execute(
        select(func.max(audit_events.c.event_id)).where(audit_events.c.terminal_id == OFFICE)
    ).scalar()
    event_id = int(last or 0) + 1
    body = {"admin_id": admin[0], "admin": admin[1], **details}
    row = {
        "terminal_id": OFFICE,
        "event_id": event_id,
        "at": at,
        "staff_id": None,
        "action": action,
        "target": target,
        "details": json.dumps(body, ensure_ascii=False, sort_keys=True),
        "received_at": at,
    }
    conn.execute(insert(audit_events), [row])
    return event_id


def events_of(db: OfficeDB, terminal_id: int) -> list[dict[str, Any]]:
    """What the office holds of a terminal's audit log, by event id (for people, tests)."""
    with db.read() as conn:
        rows = conn.execute(
            select(audit_events)
            .where(audit_events.c.terminal_id == terminal_id)
            .order_by(audit_events.c.event_id)
        ).all()
    return [dict(r._mapping) for r in rows]


AUDIT_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["events"],
                    "properties": {
                        "events": {
                            "type": "array",
                            "maxItems": MAX_AUDIT_BATCH,
                            "items": {"$ref": "#/components/schemas/AuditEvent"},
                        }
                    },
                }
            }
        },
    }
}

Terminal = Callable[[Request], Awaitable[Any]]
Body = Callable[[Request], Awaitable[Any]]
Error = Callable[..., JSONResponse]


def add_route(app: FastAPI, db: OfficeDB, terminal: Terminal, body: Body, error: Error) -> None:
    """``POST /v1/audit`` on ``app``: ``terminal`` authenticates (a JSONResponse: refused),
    ``body`` reads the JSON, ``error`` makes the protocol's error answer."""

    @app.post(f"{PREFIX}/audit", openapi_extra=AUDIT_SCHEMA)
    async def audit(request: Request) -> Response:
        """Store a batch of the till's audit events, once each (by terminal and id)."""
        who = await terminal(request)
        if isinstance(who, JSONResponse):
            return who
        doc = await body(request)
        events = doc.get("events") if isinstance(doc, dict) else None
        if not isinstance(events, list):
            return error(400, "bad_request", 'expected {"events": [...]}')
        if len(events) > MAX_AUDIT_BATCH:
            return error(413, "batch_too_large", f"at most {MAX_AUDIT_BATCH} events a batch")
        return JSONResponse(await run_in_threadpool(store, db, who.id, events))


__all__ = ["AUDIT_FIELDS", "OFFICE", "add_route", "events_of", "problem", "record_office", "store"]
