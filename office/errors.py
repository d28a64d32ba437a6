"""The office's error answers, all in the protocol's shape ``{"error", "message"}``
(docs/protocol.md), and how an unexpected exception is logged: by its type, where it was
raised and, for a database error, the SQL statement; never its message or the SQL
parameters, which hold what a till sent (names, phones)."""

from __future__ import annotations

import json
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError, StatementError
from starlette.exceptions import HTTPException

#: The code of each status that the framework itself answers (no route, no method).
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
}
_STATEMENT_CHARS = 300


def error(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status, headers=headers or None)


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": code, "message": message}).encode()


def describe(exc: BaseException) -> str:
    """An exception for the log, without anything a request carried: the exception's
    type (and the database driver's), the SQL statement without its parameters, and the
    stack (file, line, function, source line)."""
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
    parts = [kind]
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        orig = type(exc.orig)
        parts.append(f"from {orig.__module__}.{orig.__qualname__}")
    if isinstance(exc, StatementError) and exc.statement:
        parts.append(f"in SQL: {' '.join(exc.statement.split())[:_STATEMENT_CHARS]}")
    stack = traceback.extract_tb(exc.__traceback__)
    where = "".join(stack.format()).rstrip()
    return " ".join(parts) + ("\n" + where if where else "")


def _validation_message(exc: RequestValidationError) -> str:
    """Which parameters are wrong and why (never the values sent)."""
    said = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(part) for part in err.get("loc", ()) if part != "query")
        said.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(said) or "a malformed request"


async def _on_validation(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error(400, "bad_request", _validation_message(exc))


async def _on_http(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers: dict[str, Any] = dict(exc.headers or {})
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error(exc.status_code, code, message, **headers)


def install(app: FastAPI) -> None:
    """FastAPI's own answers (422 ``{"detail": ...}``, a 404 or 405 ``{"detail": ...}``)
    become the protocol's: 400 for a malformed request, 404/405 as they are."""
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(HTTPException, _on_http)
