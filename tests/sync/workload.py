"""A till's day in small: random checkouts (some spending points) and returns of earlier
purchases, through the real services on a real cache. Used by the fault and kill tests.
With an ``authoriser`` the office authorises the spending (a till online); a spend it
refuses, or that the offline limits refuse, becomes a purchase without points, as the
cashier would make it.

With ``mix=True`` a supervisor also works among the purchases: points gifts, points
adjustments (with a reason, within the office's caps), feedback, a card blocked and later
unblocked, and members registered at the till (whose cards then shop too): every kind the
office re-checks, through the real services."""

from __future__ import annotations

import random
import uuid
from datetime import date
from decimal import Decimal

from builders import cards
from sqlalchemy import text

from common.clock import SystemClock
from terminal.loyalty import Money, PointsError
from terminal.services import gifts, member_ops
from terminal.services.checkout import checkout, preview
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey, identify
from terminal.services.offline import OfflineLimit
from terminal.services.ports import SpendAuthoriser
from terminal.services.registration import register_member
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
    ) -> None:
        self.db = db
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
        self.till = Till(db, SystemClock(), ids=lambda: str(uuid.uuid4()), authoriser=authoriser)
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
                    "ORDER BY p.seq DESC LIMIT 50"
                )
            ).all()
        return [str(r[0]) for r in rows]

    def step(self) -> str:
        if self.mix:
            done = self._supervisor_step()
            if done is not None:
                return done
        if self.rng.random() < self.returns:
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
