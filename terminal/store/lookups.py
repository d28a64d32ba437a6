"""The cache's indexed lookups (:mod:`terminal.store.queries`) and the print queue's list
(:mod:`terminal.store.print_queue`), as repositories of one transaction."""

from __future__ import annotations

from sqlalchemy import Connection

from terminal.store import print_queue, queries
from terminal.store.print_queue import QueuedJob
from terminal.store.records import CardRecord, MemberRecord


class CardLookups:
    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def by_id(self, card_id: int) -> CardRecord | None:
        return queries.card_by_id(self._conn, card_id)

    def by_uid(self, uid: str) -> CardRecord | None:
        return queries.card_by_uid(self._conn, uid)

    def by_number(self, number: str) -> CardRecord | None:
        return queries.card_by_number(self._conn, number)

    def of_member(self, member_id: int) -> list[CardRecord]:
        return queries.cards_of_member(self._conn, member_id)


class MemberLookups:
    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def by_id(self, member_id: int) -> MemberRecord | None:
        return queries.member_by_id(self._conn, member_id)

    def by_phone(self, phone: str) -> list[MemberRecord]:
        """Members with this normalised phone (digits with country code)."""
        return queries.members_by_phone(self._conn, phone)

    def by_name_prefix(self, prefix: str, limit: int = 20) -> list[MemberRecord]:
        return queries.members_by_name_prefix(self._conn, prefix, limit)

    def count(self) -> int:
        return queries.count_members(self._conn)


class ProgramLookups:
    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def active_body(self) -> dict[str, object] | None:
        """The active loyalty program as the office sent it (None: none yet)."""
        return queries.active_program_body(self._conn)


class PrintJobLookups:
    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def newest(self, limit: int) -> list[QueuedJob]:
        """The newest print jobs, waiting ones included."""
        return print_queue.list_jobs(self._conn, limit=limit)
