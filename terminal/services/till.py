"""The use cases of one till, over one cache: what the CLI and the app call."""

from __future__ import annotations

from decimal import Decimal

from common.clock import Clock, IdFactory, SystemClock, uuid_ids
from terminal.loyalty import Money, Program, Quote
from terminal.receipts.spool import Spooler
from terminal.services import checkout as _checkout
from terminal.services.errors import NoProgram
from terminal.services.identify import (
    CardKey,
    MemberInfo,
    MemberView,
    identify,
    member_view,
    search,
)
from terminal.store import queries
from terminal.store.database import Database


class Till:
    """Identify, search, quote and check out against one cache file.

    The program is read from the cache once and kept; :meth:`reload_program` after a sync
    has changed it.
    """

    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        ids: IdFactory = uuid_ids,
        receipts: Spooler | None = None,
    ):
        self.db = db
        self.receipts = receipts
        self.clock: Clock = clock or SystemClock()
        self.ids = ids
        self._program: Program | None = None

    @property
    def program(self) -> Program:
        if self._program is None:
            self.reload_program()
        assert self._program is not None
        return self._program

    def reload_program(self) -> None:
        with self.db.read() as conn:
            body = queries.active_program_body(conn)
        if body is None:
            raise NoProgram()
        self._program = Program.from_dict(body)

    def refresh_program(self) -> bool:
        """Reload the program if the cache holds another version (after a sync); True if
        it changed."""
        with self.db.read() as conn:
            body = queries.active_program_body(conn)
        if body is None or (
            self._program is not None
            and body.get("code") == self._program.code
            and body.get("version") == self._program.version
        ):
            return False
        self._program = Program.from_dict(body)
        return True

    def identify(self, key: CardKey) -> MemberView:
        program = self.program
        with self.db.read() as conn:
            return identify(conn, program, key, self.clock.today())

    def member_view(self, member_id: int) -> MemberView:
        program = self.program
        with self.db.read() as conn:
            return member_view(conn, program, member_id, self.clock.today())

    def search(self, text: str, limit: int = 20) -> list[MemberInfo]:
        with self.db.read() as conn:
            return search(conn, text, limit)

    def preview(self, view: MemberView, amount: Money, spend: Decimal | None = None) -> Quote:
        return _checkout.preview(view, self.program, amount, spend, self.clock)

    def checkout(
        self,
        key: CardKey,
        amount: Money,
        spend: Decimal | None = None,
        staff_id: int | None = None,
    ) -> _checkout.CheckoutResult:
        return _checkout.checkout(
            self.db,
            self.program,
            key,
            amount,
            spend,
            clock=self.clock,
            ids=self.ids,
            staff_id=staff_id,
            receipts=self.receipts,
        )
