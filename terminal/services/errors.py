"""Errors the use cases raise, each with a stable code and a message for people."""

from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class UnknownCard(ServiceError):
    """No card with this UID or number in the cache."""

    def __init__(self) -> None:
        super().__init__("unknown_card", "this card is not in the club's cache")


class NoProgram(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            "no_program",
            "the cache holds no loyalty program yet: sync with the office or load demo data",
        )


class NotAMemberCard(ServiceError):
    """The card has no member (a bearer card): an operation needs one."""

    def __init__(self, what: str) -> None:
        super().__init__("no_member", f"{what} needs a personalised card")
