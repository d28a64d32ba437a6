"""Errors of the local cache, each with a stable code and a message for people; and
what the cache file raises when it cannot be used just now (:data:`STORE_ERRORS`,
told apart by :func:`failure_kind`)."""

from __future__ import annotations

import enum
import sqlite3

from sqlalchemy.exc import OperationalError

from common.errors import AppError

#: What the cache file raises when it cannot be used right now (locked, disk full, I/O).
STORE_ERRORS: tuple[type[Exception], ...] = (OperationalError, sqlite3.OperationalError)


class Failure(enum.Enum):
    """Why the cache could not be used just now (one of :data:`STORE_ERRORS`)."""

    BUSY = "busy"  # another process holds the write lock: try again in a moment
    FULL = "full"  # the disk is full
    FAILED = "failed"  # anything else: I/O error, damaged file


def failure_kind(exc: BaseException) -> Failure:
    """Which :class:`Failure` a :data:`STORE_ERRORS` exception is."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return Failure.BUSY
    if "full" in text:
        return Failure.FULL
    return Failure.FAILED


class StoreError(AppError):
    """The cache file cannot be used as asked: ``StoreError(code, message)``. ``code`` is
    stable; str(e) says why."""

    code = "store_error"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)


class NotFound(StoreError):
    """No card, member or operation with that key in the cache."""

    code = "not_found"

    def __init__(self, message: str) -> None:
        super().__init__(self.code, message)
