"""A till's day in small: random checkouts (some spending points) and returns of earlier
purchases, through the real services on a real cache. Used by the fault and kill tests.
With an ``authoriser`` the office authorises the spending (a till online); a spend it
refuses, or that the offline limits refuse, becomes a purchase without points, as the
cashier would make it."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime
from decimal import Decimal

from builders import cards
from sqlalchemy import text

from common.clock import FixedClock
from terminal.loyalty import Money, PointsError
from terminal.services import member_ops
from terminal.services.checkout import checkout, preview
from terminal.services.identify import CardKey, identify
from terminal.services.offline import OfflineLimit
from terminal.services.ports import SpendAuthoriser
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
    ) -> None:
        self.db = db
        self.rng = rng
        self.cards = cards
        self.returns = returns
        clock = FixedClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
        self.till = Till(db, clock, ids=lambda: str(uuid.uuid4()), authoriser=authoriser)
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
        if self.rng.random() < self.returns:
            candidates = self._returnable()
            if candidates:
                ctx = self.till.unit(self.chief)
                recorded, _quote = member_ops.return_purchase(ctx, self.rng.choice(candidates))
                return recorded.operation_id
        key = CardKey(card_id=self.rng.choice(self.cards))
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
