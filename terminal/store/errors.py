"""Errors of the local cache, each with a stable code and a message for people."""

from __future__ import annotations


class StoreError(Exception):
    """The cache file cannot be used as asked. ``code`` is stable; str(e) says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class NotFound(StoreError):
    """No card, member or operation with that key in the cache."""

    def __init__(self, message: str) -> None:
        super().__init__("not_found", message)
