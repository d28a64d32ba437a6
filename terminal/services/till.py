"""The app's facade over one cache: it builds the units of work the use cases take.

    till = Till(db, clock, receipts=spooler)
    view = identify(till.unit(), CardKey(uid=uid))
    result = checkout(till.unit(cashier), CardKey(card_id=view.card_id), amount, spend)

The program is read from the cache once and kept; :meth:`Till.refresh_program` after a
sync has changed it. The facade offers no use cases of its own and no way into the cache:
a use case is a function of ``terminal.services`` called with a unit.
"""

from __future__ import annotations

from dataclasses import replace

from common.cardnumbers import CardNumberRules
from common.clock import Clock, IdFactory, SystemClock, uuid_ids
from terminal.loyalty import Program
from terminal.receipts.spool import Spooler
from terminal.services.cache_unit import SpoolerReceipts
from terminal.services.errors import NoProgram
from terminal.services.ports import PurchaseFinder, SpendAuthoriser
from terminal.services.program import changed_program, load_program
from terminal.services.roles import StaffMember
from terminal.services.unit import Unit
from terminal.store.database import Database
from terminal.store.unit_of_work import SqlStore


class Till:
    """Units of work on one cache file, with the till's clock, ids, print spooler and the
    club's card-number rules (``numbers``: the readers' ``[readers.numbers]``; None: any
    number that is not a payment card's)."""

    def __init__(
        self,
        db: Database,
        clock: Clock | None = None,
        ids: IdFactory = uuid_ids,
        receipts: Spooler | None = None,
        authoriser: SpendAuthoriser | None = None,
        numbers: CardNumberRules | None = None,
        purchases: PurchaseFinder | None = None,
    ):
        self.receipts = receipts  # the spooler itself: the UI draws receipts with it
        self.clock: Clock = clock or SystemClock()
        self.ids = ids
        self._base = Unit(
            SqlStore(db),
            self.clock,
            ids,
            receipts=None if receipts is None else SpoolerReceipts(receipts),
            authoriser=authoriser,
            purchases=purchases,
            numbers=CardNumberRules() if numbers is None else numbers,
        )
        self._program: Program | None = None

    @property
    def authoriser(self) -> SpendAuthoriser | None:
        return self._base.authoriser

    def authorise_with(
        self, authoriser: SpendAuthoriser | None, purchases: PurchaseFinder | None = None
    ) -> None:
        """From now on, spending is authorised by the office through ``authoriser``, and
        the purchases of other tills are found through ``purchases`` (the app sets them
        when the sync starts; None: no office)."""
        self._base = replace(self._base, authoriser=authoriser, purchases=purchases)

    def unit(self, who: StaffMember | None = None) -> Unit:
        """A unit of work with ``who`` on duty, and the program if the cache has one."""
        if self._program is None:
            try:
                self.reload_program()
            except NoProgram:  # a use case that needs the rules says so itself
                pass
        return replace(self._base, who=who, program=self._program)

    @property
    def numbers(self) -> CardNumberRules:
        """The club's card-number rules the units carry."""
        return self._base.numbers

    @property
    def program(self) -> Program:
        if self._program is None:
            self.reload_program()
        assert self._program is not None
        return self._program

    def reload_program(self) -> None:
        self._program = load_program(self._base)

    def refresh_program(self) -> bool:
        """Reload the program if the cache holds another version (after a sync); True if
        it changed."""
        newer = changed_program(self._base.with_program(self._program))
        if newer is None:
            return False
        self._program = newer
        return True
