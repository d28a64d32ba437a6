"""Holds at the office's HTTP boundary, on SQLite and PostgreSQL (docs/protocol.md,
Online spending): granted within the balance minus the other open holds, refused beyond
it with what is available, settled by the operation that names it, freed when it
expires; a retry answers the same hold; and the id floors of /enrol and /hello."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from officekit import enrol
from opkit import op, purchase, text
from sqlalchemy import select

from office import admin, auth
from office.db import OfficeDB
from office.models import holds
from office.server import OfficeServer
from sync.client import OfficeClient, Refused
from sync.protocol import OfflineLimits, OpStatus, block_of

pytestmark = pytest.mark.integration

MEMBER, CARD = 1_800_001, 1_800_001


def rich_member(db: OfficeDB, balance: int = 2000_00) -> None:
    admin.add_member(
        db, id=MEMBER, full_name="Богатая Клиентка", address_as="Анна", balance_centi=balance
    )
    admin.add_card(db, id=CARD, number="7000111100071", member_id=MEMBER)


def client_of(office: OfficeServer, path: Path, name: str) -> OfficeClient:
    path.parent.mkdir(parents=True, exist_ok=True)
    creds = enrol(office, path, name)
    return OfficeClient(office.url, creds.token)


def open_holds(db: OfficeDB) -> list[str]:
    with db.read() as conn:
        rows = conn.execute(select(holds.c.id).where(holds.c.settled_at.is_(None))).all()
    return [str(r[0]) for r in rows]


def test_two_tills_cannot_hold_one_balance_twice(office_any: OfficeServer, tmp_path: Path) -> None:
    rich_member(office_any.db)
    with (
        client_of(office_any, tmp_path / "a" / "c.sqlite3", "A") as a,
        client_of(office_any, tmp_path / "b" / "c.sqlite3", "B") as b,
    ):
        first = a.hold("op-a-1", MEMBER, CARD, 2000_00)
        assert first.granted and first.available_centi == 0 and first.expires_at is not None
        second = b.hold("op-b-1", MEMBER, CARD, 1_00)
        assert not second.granted
        assert (second.reason, second.available_centi) == ("balance", 0)
        again = a.hold("op-a-1", MEMBER, CARD, 2000_00)  # a retry: the same hold
        assert again.granted and again.expires_at == first.expires_at
        # the operation settles its hold; what it did not spend is free again
        bought = purchase(office_any.db, MEMBER, CARD, 10_000_00, 1500_00, id="op-a-1")
        assert bought["points_spent_centi"] == 1500_00  # the true figures: it spends 1,500
        results, _ = a.push([text(bought)])
        left = results[0].balance_centi
        assert results[0].status is OpStatus.APPLIED
        assert left == 2000_00 - 1500_00 + bought["points_earned_centi"]
        assert open_holds(office_any.db) == []
        assert b.hold("op-b-2", MEMBER, CARD, left + 100_00).available_centi == left
        assert not b.hold("op-b-2", MEMBER, CARD, left + 100_00).granted
        assert b.hold("op-b-3", MEMBER, CARD, left).granted


def test_a_hold_no_operation_settles_expires(office_any: OfficeServer, tmp_path: Path) -> None:
    rich_member(office_any.db)
    admin.set_limits(office_any.db, replace(OfflineLimits(), hold_s=1))
    with client_of(office_any, tmp_path / "a" / "c.sqlite3", "A") as a:
        assert a.hold("op-1", MEMBER, CARD, 2000_00).granted
        refused = a.hold("op-2", MEMBER, None, 1_00)
        assert not refused.granted and refused.available_centi == 0
        time.sleep(1.2)
        later = a.hold("op-3", MEMBER, None, 2000_00)
        assert later.granted, "the expired hold still counts"


def test_what_a_hold_cannot_be(office_any: OfficeServer, tmp_path: Path) -> None:
    rich_member(office_any.db)
    admin.add_member(office_any.db, id=1_800_002, full_name="Другой Член", address_as="Иван")
    admin.add_card(office_any.db, id=1_800_002, number="7000111100072", member_id=1_800_002)
    admin.add_card(
        office_any.db, id=1_800_003, number="7000111100073", member_id=MEMBER, state="blocked"
    )
    with client_of(office_any, tmp_path / "a" / "c.sqlite3", "A") as a:
        assert a.hold("h1", 99_999_999, None, 1).reason == "unknown_member"
        assert a.hold("h2", MEMBER, 1_800_002, 1).reason == "unknown_card"  # another's card
        assert a.hold("h3", MEMBER, 1_800_003, 1).reason == "card_not_usable"
        assert a.hold("h4", MEMBER, CARD, 1).granted
        with pytest.raises(Refused) as conflict:  # the same id, another content
            a.hold("h4", MEMBER, CARD, 2)
        assert conflict.value.status == 409
        results, _ = a.push([text(op(MEMBER, CARD, 100, op_id="used-1"))])
        assert results[0].status is OpStatus.APPLIED
        with pytest.raises(Refused) as used:  # its operation is here already
            a.hold("used-1", MEMBER, CARD, 1)
        assert used.value.status == 409
        for bad in (
            {"id": "x", "member_id": MEMBER, "points_centi": -1},
            {"id": "x", "member_id": "1", "points_centi": 1},
            {"id": "", "member_id": MEMBER, "points_centi": 1},
            {"id": "x", "member_id": MEMBER, "points_centi": 1, "more": 1},
            [1, 2],
        ):
            with pytest.raises(Refused) as exc:
                a._call("POST", "/holds", json_body=bad)
            assert exc.value.status == 400, bad
    assert open_holds(office_any.db) == ["h4"]


def test_enrol_and_hello_tell_the_terminal_its_id_floors(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    db = office_any.db
    with OfficeClient(office_any.url) as anon:
        fresh = anon.enrol(auth.create_code(db, "Till 1")).body
    assert fresh["floors"] == {"member_id": None, "card_id": None, "seq": None}
    terminal = int(fresh["terminal_id"])
    low, _high = block_of(terminal)
    with OfficeClient(office_any.url, fresh["token"]) as till:
        register = op(
            low + 4,
            low + 6,
            kind="member_register",
            seq=41,
            facts={
                "member": {"id": low + 4, "full_name": "Новая Клиентка", "address_as": "Оля"},
                "consents": {"personal_data": {"given": True, "at": "2026-11-22T12:00:00Z"}},
                "card": {"id": low + 6, "number": "7000111100074", "kind": "personal"},
                "terminal_id": terminal,
            },
        )
        results, _ = till.push([text(register)])
        assert results[0].status is OpStatus.APPLIED, results[0]
        till.push([text(op(None, None, seq=57))])
        floors = till.hello().body["floors"]
    assert floors == {"member_id": low + 4, "card_id": low + 6, "seq": 57}
    # enrolled again as the same terminal (a lost disk): the same floors
    with OfficeClient(office_any.url) as anon:
        code = auth.create_code(db, "Till 1", terminal_id=terminal)
        again = anon.enrol(code, was=terminal, unsent=0).body
    assert again["terminal_id"] == terminal and again["floors"] == floors


def test_an_operation_settles_the_hold_its_facts_name_and_no_other_tills(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    rich_member(office_any.db)
    with (
        client_of(office_any, tmp_path / "a" / "c.sqlite3", "A") as a,
        client_of(office_any, tmp_path / "b" / "c.sqlite3", "B") as b,
    ):
        assert a.hold("hold-a", MEMBER, CARD, 1000_00).granted
        assert b.hold("hold-b", MEMBER, CARD, 1000_00).granted
        named = purchase(office_any.db, MEMBER, CARD, 10_000_00, 1000_00)
        named["facts"]["hold"] = "hold-a"
        stranger = purchase(office_any.db, MEMBER, CARD, 100_00, 1_00)
        stranger["facts"]["hold"] = "hold-b"
        results, _ = a.push([text(named), text(stranger)])  # B's hold is not A's to settle
        assert [r.status for r in results] == [OpStatus.APPLIED, OpStatus.APPLIED]
    assert open_holds(office_any.db) == ["hold-b"]


def test_points_spent_without_a_hold_are_capped_by_the_offline_limit(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    """A till that skips the hold (forged, or broken) and spends more than one operation
    may spend offline is rejected; the same spend held by the office applies."""
    rich_member(office_any.db)
    admin.set_limits(office_any.db, OfflineLimits(per_operation_centi=500_00))
    with client_of(office_any, tmp_path / "a" / "c.sqlite3", "A") as a:
        unheld = purchase(office_any.db, MEMBER, CARD, 10_000_00, 600_00)
        assert unheld["points_spent_centi"] == 600_00
        results, _ = a.push([text(unheld)])
        assert (results[0].status, results[0].code) == (OpStatus.REJECTED, "over_offline_limit")
        small = purchase(office_any.db, MEMBER, CARD, 10_000_00, 400_00)
        held = purchase(office_any.db, MEMBER, CARD, 10_000_00, 600_00, id="held-1")
        assert a.hold("held-1", MEMBER, CARD, 600_00).granted
        results, _ = a.push([text(small), text(held)])
        assert [r.status for r in results] == [OpStatus.APPLIED, OpStatus.APPLIED]
