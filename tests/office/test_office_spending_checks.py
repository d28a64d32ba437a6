"""Spending checked against what the office holds, at its HTTP boundary on SQLite and
PostgreSQL: no points spent on a card the office holds blocked (a till that has not heard
of the block yet is refused, earning stays a fact), no member state the office never had
(``facts.seen.member_seq``), and a spend that is rejected frees its hold at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from officekit import enrol
from opkit import office_member, op, purchase, text
from sqlalchemy import select

from office import admin
from office.db import OfficeDB
from office.models import holds
from office.server import OfficeServer
from sync.client import OfficeClient
from sync.protocol import OfflineLimits, OpStatus

pytestmark = pytest.mark.integration

MEMBER, CARD = 1_850_001, 1_850_001


def a_member(db: OfficeDB, balance: int = 2000_00) -> None:
    admin.add_member(
        db, id=MEMBER, full_name="Марія Покупниця", address_as="Марія", balance_centi=balance
    )
    admin.add_card(db, id=CARD, number="7000111100121", member_id=MEMBER)
    # Spending without a hold is the offline limits' (these tests spend within them).
    admin.set_limits(db, OfflineLimits(per_operation_centi=5000_00))


def till(office: OfficeServer, tmp_path: Path) -> OfficeClient:
    (tmp_path / "till").mkdir(parents=True, exist_ok=True)
    creds = enrol(office, tmp_path / "till" / "cache.sqlite3", "Till")
    return OfficeClient(office.url, creds.token)


def pushed(client: OfficeClient, *ops: dict[str, object]) -> list[tuple[OpStatus, str | None]]:
    results, _ = client.push([text(o) for o in ops])
    return [(r.status, r.code) for r in results]


def test_no_points_are_spent_on_a_card_the_office_holds_blocked(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    a_member(office_any.db)
    # Made by an offline till while the card was still active there...
    spends = purchase(office_any.db, MEMBER, CARD, 2000_00, 300_00)
    earns = purchase(office_any.db, MEMBER, CARD, 500_00)
    assert spends["points_spent_centi"] == 300_00
    with till(office_any, tmp_path) as client:
        # ...and the member reported the card stolen at another till meanwhile.
        block = op(MEMBER, CARD, kind="card_block", facts={"reason": "stolen"})
        assert pushed(client, block) == [(OpStatus.APPLIED, None)]
        before = office_member(office_any.db, MEMBER)["balance_centi"]
        assert pushed(client, spends, earns) == [
            (OpStatus.REJECTED, "card_state"),
            (OpStatus.APPLIED, None),  # the sale happened: what it earned stands
        ]
        after = office_member(office_any.db, MEMBER)["balance_centi"]
        assert after == before + earns["points_earned_centi"]
        refused = client.hold("hold-after-block", MEMBER, CARD, 1_00)
        assert not refused.granted and refused.reason == "card_not_usable"


def test_a_member_state_the_office_never_had_is_rejected(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    a_member(office_any.db)
    with office_any.db.read() as conn:
        from office.entities import member_row

        row = member_row(conn, MEMBER)
    assert row is not None
    honest = purchase(office_any.db, MEMBER, CARD, 200_00)
    honest["facts"]["seen"]["member_seq"] = int(row["seq"])
    forged = purchase(office_any.db, MEMBER, CARD, 200_00)
    forged["facts"]["seen"]["member_seq"] = int(row["seq"]) + 10**6
    negative = purchase(office_any.db, MEMBER, CARD, 200_00)
    negative["facts"]["seen"]["member_seq"] = -1
    with till(office_any, tmp_path) as client:
        assert pushed(client, forged, negative, honest) == [
            (OpStatus.REJECTED, "bad_operation"),
            (OpStatus.REJECTED, "bad_operation"),
            (OpStatus.APPLIED, None),
        ]


def test_a_rejected_spend_frees_its_hold_at_once(office_any: OfficeServer, tmp_path: Path) -> None:
    a_member(office_any.db)
    with till(office_any, tmp_path) as client:
        assert client.hold("spend-1", MEMBER, CARD, 2000_00).granted
        forged = purchase(office_any.db, MEMBER, CARD, 10_000_00, 1500_00, id="spend-1")
        forged["discount_minor"] += 500_00  # a figure the rules do not give
        assert pushed(client, forged) == [(OpStatus.REJECTED, "figures_mismatch")]
        with office_any.db.read() as conn:
            still = conn.execute(select(holds.c.id).where(holds.c.settled_at.is_(None))).all()
        assert still == []
        # The whole balance may be held again now, not only once the hold expired.
        again = client.hold("spend-2", MEMBER, CARD, 2000_00)
        assert again.granted, again
