"""The gate every request passes before a route sees it (an ASGI middleware).

In this order: the credential (every path but ``/v1/enrol``, the admin web app's under
``/admin`` and the API docs pages when they are switched on, needs a till's bearer
token: 401/403 before anything is read), the body's size (``Content-Length`` checked up
front, the streamed body counted while it is read: 413), the body's JSON depth (scanned
before it is parsed: 400). Then the route, given the body read here. Every answer gets
``X-Office-Time`` and ``X-Protocol-Version``; an exception the route did not handle
becomes a 503 (the database busy or gone) or a 500 in the protocol's shape, logged
without what the request carried (:func:`office.errors.describe`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from office import auth
from office.db import OfficeDB
from office.errors import describe, error_body
from office.limits import MAX_JSON_DEPTH, ServerLimits
from sync.protocol import PREFIX, TIME_HEADER, VERSION, VERSION_HEADER

log = logging.getLogger(__name__)

ENROL = f"{PREFIX}/enrol"
PUSH = f"{PREFIX}/operations"
AUDIT = f"{PREFIX}/audit"
#: The paths whose bodies are batches (operations, audit events): the push cap; every
#: other body (enrolment, a hold) the small one.
BATCH_PATHS = frozenset({PUSH, AUDIT})
#: Where the route finds the terminal the gate authenticated (``request.state``).
TERMINAL = "terminal"

_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_ONE_KIND = bytes.maketrans(b"{}", b"[]")  # depth does not care which kind


def too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text nests arrays and objects deeper than ``limit`` (or its
    brackets do not pair up, which no JSON does). Only C loops (bytes methods), some
    milliseconds a megabyte: the escaped backslashes and quotes are dropped, so the quotes
    left delimit the strings; what lies between the strings is reduced to its brackets,
    and each of ``limit`` rounds removes the innermost pairs: brackets left are deeper
    (as soon as ``limit`` + 1 opening ones follow each other)."""
    plain = body.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = b"".join(plain.split(b'"')[0::2]).translate(_ONE_KIND, _NOT_BRACKETS)
    run = b"[" * (limit + 1)
    for _ in range(limit):
        if not brackets:
            return False
        if run in brackets:
            return True
        brackets = brackets.replace(b"[]", b"")
    return bool(brackets)


class Refusal(Exception):
    def __init__(self, status: int, code: str, message: str, **headers: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


class Gate:
    """The middleware: ``Gate(app, db=..., limits=..., open_paths=...)``."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        db: OfficeDB,
        limits: ServerLimits,
        open_paths: Collection[str] = (ENROL,),
        open_prefixes: Collection[str] = (),
    ) -> None:
        self.app = app
        self.db = db
        self.limits = limits
        self.open_paths = frozenset(open_paths)
        #: Paths under these (the admin web app, which has its own log-in) need no till's
        #: credential; their bodies are held to the same limits.
        self.open_prefixes = tuple(open_prefixes)

    def body_limit(self, path: str) -> int:
        return self.limits.max_push_bytes if path in BATCH_PATHS else self.limits.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def stamped(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers.append((TIME_HEADER.lower().encode(), self.db.now().encode()))
                headers.append((VERSION_HEADER.lower().encode(), str(VERSION).encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            replay = await self._admit(scope, receive)
            if replay is None:
                return  # the client went away before its request had arrived
            await self.app(scope, replay, stamped)
        except Refusal as no:
            # (a 413's connection stays open, so that the client can read it while it is
            # still sending: the server discards the rest, for a short while at most,
            # office.connections)
            await _answer(stamped, no.status, error_body(no.code, no.message), no.headers)
        except OperationalError as exc:  # SQLite busy beyond its timeout, PostgreSQL gone
            log.warning("database busy or unavailable: %s", describe(exc))
            if not started:
                body = error_body("busy", "the office is busy; try again")
                await _answer(stamped, 503, body, {"Retry-After": "1"})
        except Exception as exc:
            log.error(
                "internal error answering %s %s: %s", scope["method"], _path(scope), describe(exc)
            )
            if not started:
                body = error_body("internal", "the office failed to answer; try again")
                await _answer(stamped, 500, body, {})

    async def _admit(self, scope: Scope, receive: Receive) -> Receive | None:
        """Check the credential and read the body within its limits; a ``receive`` that
        gives the route the body read here (or None if the client went away)."""
        path = _path(scope)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if path not in self.open_paths and not self._open_prefix(path):
            scope.setdefault("state", {})[TERMINAL] = await self._authenticate(headers)
        limit = self.body_limit(path)
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                raise Refusal(400, "bad_request", "Content-Length is not a number")
            if int(declared) > limit:
                raise Refusal(413, "body_too_large", f"a body here has at most {limit} bytes")
        body = await _read_body(receive, limit)
        if body is None:
            return None
        # (a large body is scanned in a worker thread: up to a second for 4 MB of
        # crafted brackets, which the event loop should not wait for)
        deep = await run_in_threadpool(too_deep, body) if len(body) > 65536 else too_deep(body)
        if deep:
            raise Refusal(
                400, "bad_request", f"not JSON, or nested deeper than {MAX_JSON_DEPTH} levels"
            )
        return _replay(body, receive)

    def _open_prefix(self, path: str) -> bool:
        return any(path == p or path.startswith(p + "/") for p in self.open_prefixes)

    async def _authenticate(self, headers: dict[str, str]) -> auth.Terminal:
        try:
            return await run_in_threadpool(auth.authenticate, self.db, headers.get("authorization"))
        except auth.Unauthorized as exc:
            raise Refusal(401, "unauthorized", str(exc)) from None
        except auth.Forbidden as exc:
            raise Refusal(403, "revoked", str(exc)) from None


def _path(scope: Scope) -> str:
    return str(scope.get("path", ""))


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    parts: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            # (DEBUG: a connection the limits closed comes here too, and anyone can make
            # those; office.connections counts them in its report)
            log.debug("a client went away before its request had arrived")
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise Refusal(413, "body_too_large", f"a body here has at most {limit} bytes")
        parts.append(chunk)
        if not message.get("more_body", False):
            return b"".join(parts)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()  # waits for the disconnect, as the server's would
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _answer(
    send: Callable[[Message], Any], status: int, body: bytes, headers: dict[str, str]
) -> None:
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
