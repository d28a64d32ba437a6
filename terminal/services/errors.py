"""Errors the use cases raise, each with a stable code and a message for people.

A message is an English template (terminal.services.messages, marked for Qt's lupdate)
with named fields in ``params``: ``str(error)`` is the English text the CLI prints; the
app translates ``template`` and fills in ``params``. The base, with its one constructor
order (code, message, params), is :class:`common.errors.AppError`.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from common.errors import AppError
from terminal.services.messages import ERRORS

#: What the cache file raises when it cannot be used right now (locked, disk full, I/O).
STORE_ERRORS: tuple[type[Exception], ...] = (OperationalError, sqlite3.OperationalError)


class ServiceError(AppError):
    """A use case refused or failed: ``ServiceError(code, message=None, **params)``, the
    template by code from :data:`terminal.services.messages.ERRORS` unless given."""

    code = "service_error"
    templates = ERRORS


class UnknownCard(ServiceError):
    """No card with this UID or number in the cache."""

    def __init__(self) -> None:
        super().__init__("unknown_card")


class NoProgram(ServiceError):
    def __init__(self) -> None:
        super().__init__("no_program")


class NotAMemberCard(ServiceError):
    """The card has no member (a bearer card): an operation needs one."""

    def __init__(self, what: str) -> None:
        super().__init__("no_member", what=what)


class StoreUnavailable(ServiceError):
    """The cache could not be read or written just now: the transaction was rolled back,
    so nothing of the operation was recorded."""


def store_failure(exc: BaseException) -> StoreUnavailable:
    """The person's view of a STORE_ERRORS exception (never its SQL or file paths)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return StoreUnavailable("store_busy")
    if "full" in text:
        return StoreUnavailable("store_full")
    return StoreUnavailable("store_failed")
