"""Errors of the local cache, each with a stable code and a message for people."""

from __future__ import annotations

from common.errors import AppError


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
