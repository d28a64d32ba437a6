"""The reference office as an HTTP service (FastAPI): the protocol of docs/protocol.md.

Every request passes :class:`office.guard.Gate` first (the credential, the body's size
and depth); every response carries ``X-Office-Time`` and ``X-Protocol-Version``. Errors
are JSON ``{"error": code, "message": text}`` (:mod:`office.errors`), FastAPI's own
included. Database work runs in the thread pool; a busy database answers 503 with
``Retry-After`` (the terminal retries).
"""

from __future__ import annotations

import json
import logging
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import create_engine
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect

from office import (
    admin_pages,
    admin_web,
    audit,
    auth,
    errors,
    feed,
    guard,
    holds,
    id_floors,
    ledger,
    openapi,
    purchases,
)
from office.admin_sessions import SessionRules
from office.db import OfficeDB
from office.limits import ServerLimits
from sync.protocol import DEFAULT_PAGE, MAX_BATCH, MAX_PAGE, PREFIX, VERSION

log = logging.getLogger(__name__)
JSON = "application/json"


def _error(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return errors.error(status, code, message, **headers)


def _raw(text: str) -> Response:
    return Response(text.encode(), media_type=JSON)


_OPS_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {
            JSON: {
                "schema": {
                    "type": "object",
                    "required": ["operations"],
                    "properties": {
                        "operations": {
                            "type": "array",
                            "maxItems": MAX_BATCH,
                            "items": {"$ref": "#/components/schemas/Operation"},
                        }
                    },
                }
            }
        },
    }
}
_ENROL_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {
            JSON: {
                "schema": {
                    "type": "object",
                    "required": ["code"],
                    "properties": {
                        "code": {"type": "string"},
                        "was": {
                            "type": ["integer", "null"],
                            "description": "the terminal id this till was enrolled as",
                        },
                        "unsent": {
                            "type": "integer",
                            "description": "operations it has not had acknowledged",
                        },
                    },
                }
            }
        },
    }
}


#: The API docs pages, served only with ``serve --api-docs``.
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json")
#: The query parameters' ranges (declared in the OpenAPI document, 400 outside them).
MAX_ID = 2**63 - 1
CURSOR = r"^[0-9]{1,20}$"
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows a page holds at most")]
After = Annotated[int, Query(ge=0, le=MAX_ID, description="the last id of the previous page")]
Part = Annotated[
    str,
    Path(
        description="meta first, then members and cards (404 for any other)",
        json_schema_extra={"enum": list(feed.PARTS)},
    ),
]
PurchaseId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=purchases.MAX_ID,
        description="the purchase's operation id (the code its receipt prints as a QR)",
    ),
]
Cursor = Annotated[
    str, Query(pattern=CURSOR, description="the `next` of the previous page; 0 at the start")
]


def create_app(
    db: OfficeDB,
    *,
    limits: ServerLimits | None = None,
    api_docs: bool = False,
    admin: SessionRules | None = None,
) -> FastAPI:
    """The office's app; ``api_docs``: serve /docs, /redoc and /openapi.json (without
    a credential), which are off by default; ``admin``: the admin web app's session
    rules (office/admin_web.py, under /admin, which needs no till's credential)."""
    open_paths = (guard.ENROL, *(DOCS_PATHS if api_docs else ()))
    app = FastAPI(
        title="Loyalty office sync protocol",
        version=str(VERSION),
        description="See docs/protocol.md: push operations, follow the change feed, "
        "download a snapshot. Bearer device credentials from /v1/enrol.",
        docs_url="/docs" if api_docs else None,
        redoc_url="/redoc" if api_docs else None,
        openapi_url="/openapi.json" if api_docs else None,
        middleware=[
            Middleware(
                guard.Gate,
                db=db,
                limits=limits or ServerLimits(),
                open_paths=open_paths,
                open_prefixes=(admin_web.PREFIX,),
            )
        ],
    )
    errors.install(app)

    async def _terminal(request: Request) -> auth.Terminal | JSONResponse:
        """The terminal the gate authenticated (every route but /v1/enrol has one)."""
        known = getattr(request.state, guard.TERMINAL, None)
        if isinstance(known, auth.Terminal):
            return known
        try:
            return await run_in_threadpool(
                auth.authenticate, db, request.headers.get("authorization")
            )
        except auth.Unauthorized as exc:
            return _error(401, "unauthorized", str(exc))
        except auth.Forbidden as exc:
            return _error(403, "revoked", str(exc))

    @app.post(f"{PREFIX}/enrol", openapi_extra=_ENROL_SCHEMA)
    async def enrol(request: Request) -> Response:
        """Exchange a one-time enrolment code for this terminal's bearer token."""
        body = await _json(request)
        if not isinstance(body, dict) or not isinstance(body.get("code"), str):
            return _error(400, "bad_request", 'expected {"code": "..."}')
        was, unsent = body.get("was"), body.get("unsent", 0)
        if not (was is None or _is_int(was)) or not _is_int(unsent):
            return _error(400, "bad_request", "was and unsent are integers")
        try:
            terminal, token = await run_in_threadpool(
                lambda: auth.enrol(db, body["code"], was=was, unsent=unsent)
            )
        except auth.BadCode as exc:
            return _error(403, "bad_code", str(exc))
        except auth.WrongCode as exc:
            return _error(409, "wrong_code", str(exc))
        floors = await run_in_threadpool(id_floors.floors, db, terminal.id)
        return JSONResponse(
            {"terminal_id": terminal.id, "name": terminal.name, "token": token, "floors": floors}
        )

    @app.get(f"{PREFIX}/hello")
    async def hello(request: Request) -> Response:
        """Check the credential; the office's time is in the header."""
        terminal = await _terminal(request)
        if isinstance(terminal, JSONResponse):
            return terminal
        floors = await run_in_threadpool(id_floors.floors, db, terminal.id)
        return JSONResponse({"terminal_id": terminal.id, "name": terminal.name, "floors": floors})

    @app.post(f"{PREFIX}/holds", openapi_extra=holds.SCHEMA)
    async def hold(request: Request) -> Response:
        """Hold points of a member's balance for the spending operation named by id."""
        terminal = await _terminal(request)
        if isinstance(terminal, JSONResponse):
            return terminal
        body = await _json(request)
        try:
            answer = await run_in_threadpool(holds.request, db, terminal.id, body)
        except holds.BadHold as exc:
            return _error(400, "bad_request", str(exc))
        except holds.HoldConflict as exc:
            return _error(409, "conflict", str(exc))
        return JSONResponse(answer.to_dict())

    @app.get(f"{PREFIX}/purchases/{{op_id}}")
    async def purchase(request: Request, op_id: PurchaseId) -> Response:
        """A purchase of any till of the chain, for a return at this one."""
        terminal = await _terminal(request)
        if isinstance(terminal, JSONResponse):
            return terminal
        found = await run_in_threadpool(purchases.find, db, op_id)
        if found is None:
            return _error(
                404, "unknown_purchase", "the office holds no applied purchase with this id"
            )
        return JSONResponse(found.to_dict())

    @app.post(f"{PREFIX}/operations", openapi_extra=_OPS_SCHEMA)
    async def push(request: Request) -> Response:
        """Apply a batch of operations; one result per operation, in order."""
        terminal = await _terminal(request)
        if isinstance(terminal, JSONResponse):
            return terminal
        body = await _json(request)
        ops = body.get("operations") if isinstance(body, dict) else None
        if not isinstance(ops, list):
            return _error(400, "bad_request", 'expected {"operations": [...]}')
        if len(ops) > MAX_BATCH:
            return _error(413, "batch_too_large", f"at most {MAX_BATCH} operations a batch")
        results = await run_in_threadpool(ledger.push, db, terminal.id, ops)
        return JSONResponse({"results": [r.to_dict() for r in results]})

    @app.get(f"{PREFIX}/changes")
    async def changes(
        request: Request, cursor: Cursor = "0", limit: Limit = DEFAULT_PAGE
    ) -> Response:
        """Changes after ``cursor`` in commit order; 410 when the cursor is too old."""
        terminal = await _terminal(request)
        if isinstance(terminal, JSONResponse):
            return terminal
        try:
            text = await run_in_threadpool(feed.changes_page, db, cursor, _limit(limit))
        except feed.BadCursor as exc:
            return _error(400, "bad_cursor", str(exc))
        except feed.CursorGone:
            return _error(410, "cursor_gone", "this cursor is too old: download a snapshot")
        return _raw(text)

    @app.get(f"{PREFIX}/snapshot/{{part}}")
    async def snapshot(
        request: Request, part: Part, after: After = 0, limit: Limit = DEFAULT_PAGE
    ) -> Response:
        """A page of the snapshot: ``meta`` first, then ``members`` and ``cards`` by id."""
        terminal = await _terminal(request)
        if isinstance(terminal, JSONResponse):
            return terminal
        if part not in feed.PARTS:
            return _error(404, "no_such_part", f"parts: {', '.join(feed.PARTS)}")
        text = await run_in_threadpool(feed.snapshot_page, db, part, after, _limit(limit))
        return _raw(text)

    audit.add_route(app, db, _terminal, _json, _error)  # POST /v1/audit: office/audit.py
    admin_pages.add(app, db, admin)  # the admin web app under /admin

    generated = app.openapi

    def _openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = openapi.complete(generated())
        return app.openapi_schema

    app.openapi = _openapi  # type: ignore[method-assign]
    return app


def openapi_document() -> str:
    """The protocol's OpenAPI document as docs/openapi.json keeps it. The app is made on
    an engine that is never connected: no database is opened or created."""
    db = OfficeDB(create_engine("sqlite://"))
    try:
        doc = create_app(db).openapi()
    finally:
        db.close()
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _limit(value: int) -> int:
    return max(1, min(MAX_PAGE, value))


async def _json(request: Request) -> Any:
    try:
        return json.loads(await request.body())  # its size and depth checked by the gate
    except (ValueError, RecursionError):
        return None
    except ClientDisconnect:  # the till went away mid-request (killed, power cut)
        log.info("a client went away before its request had arrived")
        return None
