"""Errors the use cases raise, each with a stable code and a message for people.

A message is an English template (terminal.services.messages, marked for Qt's lupdate)
with named fields in ``params``: ``str(error)`` is the English text the CLI prints; the
app translates ``template`` and fills in ``params``. The base, with its one constructor
order (code, message, params), is :class:`common.errors.AppError`.

What the cache raises when it cannot be used just now is the store's to say
(:data:`terminal.store.errors.STORE_ERRORS`, named here for the UI, which does not import
the store); :func:`store_failure` translates one into the person's
:class:`StoreUnavailable`.
"""

from __future__ import annotations

from common.errors import AppError
from terminal.services.messages import ERRORS
from terminal.store.errors import STORE_ERRORS, Failure, failure_kind

__all__ = [
    "STORE_ERRORS",
    "NoProgram",
    "NotAMemberCard",
    "ServiceError",
    "StoreUnavailable",
    "UnknownCard",
    "store_failure",
]

_STORE_CODES = {
    Failure.BUSY: "store_busy",
    Failure.FULL: "store_full",
    Failure.FAILED: "store_failed",
}


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
    """The person's view of a :data:`STORE_ERRORS` exception (the store says which kind
    of failure it is; never its SQL or file paths)."""
    return StoreUnavailable(_STORE_CODES[failure_kind(exc)])
