"""A till's day in small: random checkouts (some spending points) and returns of earlier
purchases, through the real services on a real cache. Used by the fault and kill tests.
With an ``authoriser`` the office authorises the spending (a till online); a spend it
refuses, or that the offline limits refuse, becomes a purchase without points, as the
cashier would make it.

With ``mix=True`` a supervisor also works among the purchases: points gifts, points
adjustments (with a reason, within the office's caps), feedback, a card blocked and later
unblocked, and members registered at the till (whose cards then shop too): every kind the
office re-checks, through the real services.

With ``elsewhere`` (the other till's cache file) and ``purchases`` (the office's lookup),
some returns are of the other till's purchases, found at the office as a supervisor
scanning its receipt would (docs/protocol.md, Returns at another till). The tills share
the purchases out so that one purchase is only ever returned at one till: this till
returns its own purchases whose id begins with 0-7, the other till's whose id begins
with 8-f, each once (returns racing at two tills are the office's ``reversal_exceeds``,
tested on their own)."""

from __future__ import annotations

import random
import sqlite3
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from builders import cards
from sqlalchemy import text

from common.clock import SystemClock
from terminal.loyalty import Money, PointsError
from terminal.services import gifts, member_ops
from terminal.services.checkout import checkout, preview
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey, identify
from terminal.services.offline import OfflineLimit
from terminal.services.ports import PurchaseFinder, SpendAuthoriser
from terminal.services.registration import register_member
from terminal.services.return_lookup import find_purchase
from terminal.services.staff import Role, StaffMember, add_staff
from terminal.services.till import Till
from terminal.store.database import Database


def member_cards(db: Database, limit: int) -> list[int]:
    """Active personal cards of members, the first ``limit`` of them."""
    return [card.id for card in cards(db, limit=limit, with_member=True)]


class Workload:
    """``Workload(db, rng, cards).step()``: one operation, durably recorded; its id."""

    def __init__(
        self,
        db: Database,
        rng: random.Random,
        cards: list[int],
        returns: float = 0.12,
        authoriser: SpendAuthoriser | None = None,
        mix: bool = False,
        elsewhere: Path | None = None,
        purchases: PurchaseFinder | None = None,
    ) -> None:
        self.db = db
        self.elsewhere = elsewhere
        self.returned_elsewhere = 0  # returns of the other till's purchases made here
        self.mix = mix
        self.blocked: list[int] = []  # cards this workload blocked, to unblock later
        self.mine: list[int] = []  # cards of members registered here (no other till uses them)
        self.registered = 0
        self.refused: list[str] = []  # why a supervisor's step became a purchase
        self.rng = rng
        self.cards = cards
        self.returns = returns
        # The real clock, as the syncs' (officekit.now): the cache's age, which the
        # offline limits check before any spend the office has not held, is true.
        self.till = Till(
            db,
            SystemClock(),
            ids=lambda: str(uuid.uuid4()),
            authoriser=authoriser,
            purchases=purchases,
        )
        with db.write() as conn:
            row = conn.execute(text("SELECT id FROM staff WHERE role = 'supervisor'")).first()
            staff_id = int(row[0]) if row else add_staff(conn, "Chief", Role.SUPERVISOR, "987654")
        self.chief = StaffMember(staff_id, "Chief", Role.SUPERVISOR)

    def _returnable(self) -> list[str]:
        with self.db.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT p.id FROM operations p WHERE p.kind = 'purchase' "
                    "AND p.member_id IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM operations r WHERE r.reverses = p.id) "
                    + ("AND substr(p.id, 1, 1) < '8' " if self.elsewhere else "")
                    + "ORDER BY p.seq DESC LIMIT 50"
                )
            ).all()
        return [str(r[0]) for r in rows]

    def _theirs(self) -> list[str]:
        """The other till's purchases the office has, on cards both tills serve, for this
        till to return (read from its cache file, as a customer would bring the receipt)."""
        assert self.elsewhere is not None
        uri = f"file:{self.elsewhere}?mode=ro"
        try:
            with sqlite3.connect(uri, uri=True, timeout=2) as other:
                rows = other.execute(
                    "SELECT id, card_id FROM operations WHERE kind = 'purchase' "
                    "AND status = 'acked' "
                    "AND member_id IS NOT NULL AND substr(id, 1, 1) >= '8' "
                    "ORDER BY seq DESC LIMIT 50"
                ).fetchall()
        except sqlite3.Error:  # the other till is being killed, or not there yet
            return []
        with self.db.read() as conn:
            done = {
                str(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT reverses FROM operations WHERE kind = 'return'"
                )
            }
        # Only purchases on cards this till serves too: a return takes back points the
        # member earned, and a member only the other till serves must never be overdrawn
        # there (it sees every operation on them: what the fault test checks).
        mine = set(self.cards)
        return [str(r[0]) for r in rows if str(r[0]) not in done and r[1] in mine]

    def _return_theirs(self) -> str | None:
        """All of one of the other till's purchases returned here, or None (none yet, or
        the office out of reach: the step is a purchase)."""
        candidates = self._theirs()
        if not candidates:
            return None
        unit = self.till.unit(self.chief)
        try:
            found = find_purchase(unit, self.rng.choice(candidates))
            if not found.returnable.is_positive():
                return None
            recorded, _quote = member_ops.return_purchase(unit, found)
        except ServiceError as exc:  # not reachable through the faults, not yet arrived
            self.refused.append(f"return elsewhere: {exc.code}")
            return None
        self.returned_elsewhere += 1
        return recorded.operation_id

    def step(self) -> str:
        if self.mix:
            done = self._supervisor_step()
            if done is not None:
                return done
        if self.rng.random() < self.returns:
            if self.elsewhere is not None and self.rng.random() < 0.5:
                theirs = self._return_theirs()
                if theirs is not None:
                    return theirs
            candidates = self._returnable()
            if candidates:
                ctx = self.till.unit(self.chief)
                recorded, _quote = member_ops.return_purchase(ctx, self.rng.choice(candidates))
                return recorded.operation_id
        key = CardKey(card_id=self._card())
        amount = Money.parse(f"{self.rng.randint(50, 5000)}.{self.rng.randint(0, 99):02d}")
        spend: Decimal | None = None
        if self.rng.random() < 0.35:
            view = identify(self.till.unit(), key)
            allowed = preview(self.till.unit(), view, amount).max_spend_points
            if allowed > 0:
                spend = allowed
        try:
            return checkout(self.till.unit(), key, amount, spend).operation_id
        except (PointsError, OfflineLimit):  # a sync lowered the balance; the office refused
            return checkout(self.till.unit(), key, amount, None).operation_id

    def _card(self) -> int:
        usable = [c for c in self.cards if c not in self.blocked]
        return self.rng.choice(usable)

    def _supervisor_step(self) -> str | None:
        """One supervisor operation (about one step in six), or None for a purchase."""
        unit = self.till.unit(self.chief)
        roll = self.rng.random()
        key = CardKey(card_id=self._card())
        try:
            if roll < 0.04:
                choices = [g for g in gifts.gift_catalogue(unit) if g.kind != "birthday"]
                if choices:  # the cheapest, to a member who has the points (a few tries)
                    gift = min(choices, key=lambda g: g.points_cost)
                    for _ in range(8):
                        try:
                            return member_ops.give_gift(unit, key, gift.code).operation_id
                        except ServiceError as exc:
                            if exc.code != "points_short":
                                raise
                            key = CardKey(card_id=self._card())
                    return None
            elif roll < 0.08:
                points = Decimal(self.rng.randint(1, 40)) * self.rng.choice((1, -1))
                return member_ops.adjust_points(unit, key, points, "goodwill").operation_id
            elif roll < 0.10:
                return member_ops.record_feedback(unit, key, "Дякую за сервіс").operation_id
            elif roll < 0.12:
                if self.blocked:
                    card = self.blocked.pop(0)
                    return member_ops.unblock_card(
                        unit, CardKey(card_id=card), "found by the member"
                    ).operation_id
                if self.mine:  # a card only this till uses: the other never meets it blocked
                    card = self.rng.choice(self.mine)
                    done = member_ops.block_card(unit, CardKey(card_id=card), "reported lost")
                    self.blocked.append(card)
                    return done.operation_id
            elif roll < 0.15:
                self.registered += 1
                number = f"70009{self.rng.randrange(10**7):07d}{self.registered % 10}"
                new = register_member(
                    unit,
                    CardKey(number=number),
                    f"Нова Учасниця {self.registered}",
                    "Пані",
                    "+380 50 123 45 67",
                    date(1990, 5, 17),
                    True,
                    False,
                )
                self.cards.append(new.card_id)
                self.mine.append(new.card_id)
                return new.operation_id
        except (ServiceError, PointsError, OfflineLimit) as exc:
            self.refused.append(f"{roll:.2f}: {exc.code}")
            return None  # not possible on this card now (points short, a limit): a purchase
        return None
