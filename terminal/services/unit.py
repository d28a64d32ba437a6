"""The one way to call a use case: a unit of work handed to the service.

A :class:`Unit` carries what every use case may need: the store (its transactions), the
clock, the id source, the person on duty, the print queue, the club's card-number rules
and, where the rules are needed, the loyalty program. It is a frozen value: the app
(``Till.unit``) or a test makes one per call, or derives one with :meth:`Unit.acting`::

    unit = till.unit(supervisor)
    recorded = member_ops.give_gift(unit, card, "BDAY")

Inside, a use case reads in ``with unit.read() as tx:`` and writes in ``with
unit.write() as tx: ...; tx.commit()`` (the cosmicpython unit of work: nothing is kept
unless committed). It wakes the printer after the commit, never before.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace

from common.cardnumbers import CardNumberRules
from common.clock import Clock, IdFactory, uuid_ids
from terminal.loyalty import Program
from terminal.services.errors import NoProgram, ServiceError
from terminal.services.ports import (
    PurchaseFinder,
    Reads,
    Receipts,
    SpendAuthoriser,
    Store,
    Writes,
)
from terminal.services.roles import Role, StaffMember


@dataclass(frozen=True, slots=True)
class Unit:
    store: Store
    clock: Clock
    ids: IdFactory = uuid_ids
    who: StaffMember | None = None  # the person on duty (None: nobody logged in)
    receipts: Receipts | None = None  # None: this till prints nothing
    program: Program | None = None  # None: the cache holds no program yet
    authoriser: SpendAuthoriser | None = None  # None: no office to authorise spending
    purchases: PurchaseFinder | None = None  # None: no office to ask for other tills' sales
    #: The club's card numbers (``[readers.numbers]``, as the readers have them): only
    #: these are looked up or registered; payment cards never. The default takes any
    #: number that is not a payment card's (tests); the app and the CLI pass the config's.
    numbers: CardNumberRules = field(default_factory=CardNumberRules)

    def read(self) -> AbstractContextManager[Reads]:
        return self.store.read()

    def write(self) -> AbstractContextManager[Writes]:
        return self.store.write()

    @property
    def rules(self) -> Program:
        """The loyalty program (:class:`NoProgram` if the cache has none yet)."""
        if self.program is None:
            raise NoProgram()
        return self.program

    @property
    def staff_id(self) -> int | None:
        return None if self.who is None else self.who.id

    def require(self, role: Role, action: str) -> StaffMember:
        """The person on duty, if they may do ``action`` (``NotAllowed`` if not; nobody
        on duty is no such member of staff)."""
        if self.who is None:
            raise ServiceError("unknown_staff")
        self.who.require(role, action)
        return self.who

    def acting(self, who: StaffMember | None) -> Unit:
        """The same unit, with ``who`` on duty."""
        return replace(self, who=who)

    def with_program(self, program: Program | None) -> Unit:
        return replace(self, program=program)

    def wake_printer(self) -> None:
        """After a commit that queued a receipt: print it now."""
        if self.receipts is not None:
            self.receipts.wake()
