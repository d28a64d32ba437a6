"""Members registered at a till, through the reference office over real HTTP: the office
takes the till's ids from its block only, creates the member and the card and publishes
them; a purchase right after the registration goes in the same batch; a card the office
knows is linked if nobody has it, refused if someone does; a rebuild keeps what the
office has not acknowledged yet."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from officekit import Terminal, enrolled_terminal, result_of, terminal_ops
from sqlalchemy import select

from common.clock import FixedClock
from office import admin
from office.db import OfficeDB
from office.models import cards as office_cards
from office.models import members as office_members
from office.server import OfficeServer
from sync.protocol import LOCAL_ID_BASE, block_of
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey, identify
from terminal.services.registration import Registered, register_member
from terminal.services.staff import Role, StaffMember
from terminal.services.till import Till
from terminal.store import sync_state

pytestmark = pytest.mark.integration

_ids = itertools.count(1)


def till_of(t: Terminal) -> Till:
    clock = FixedClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
    prefix = t.path.parent.name
    return Till(t.db, clock, ids=lambda: f"{prefix}-r{next(_ids):07d}")


def enrolled(t: Terminal, terminal_id: int | None = None) -> None:
    """As `loyalty-terminal enroll` does: the cache knows its office terminal id. (Its
    supervisor is the office's, the demo's Пётр Старший, in the cache since the sync.)"""
    with t.db.write() as conn:
        sync_state.set_state(
            conn, sync_state.OFFICE_TERMINAL, str(terminal_id or t.creds.terminal_id)
        )
        chief = conn.exec_driver_sql("SELECT name FROM staff WHERE role = 'supervisor'").scalar()
    assert chief == "Пётр Старший", "sync the till first: its staff come from the office"


def register(t: Terminal, card: CardKey, name: str = "Ковальчук Олена") -> Registered:
    till = till_of(t)
    with t.db.read() as conn:
        chief = conn.exec_driver_sql("SELECT id FROM staff WHERE role = 'supervisor'").scalar()
    who = StaffMember(int(chief), "Пётр Старший", Role.SUPERVISOR)
    ctx = till.unit(who)
    return register_member(
        ctx, card, name, "Олена", "+380 50 123 45 67", date(1990, 5, 17), True, True
    )


def office_member(db: OfficeDB, member_id: int) -> dict[str, object] | None:
    with db.read() as conn:
        row = conn.execute(select(office_members).where(office_members.c.id == member_id)).first()
    return None if row is None else dict(row._mapping)


def office_cards_with(db: OfficeDB, number: str) -> list[dict[str, object]]:
    with db.read() as conn:
        rows = conn.execute(select(office_cards).where(office_cards.c.number == number)).all()
    return [dict(r._mapping) for r in rows]


def cache_card(t: Terminal, number: str) -> list[tuple[int, int | None]]:
    with t.db.read() as conn:
        return [
            (int(r[0]), r[1])
            for r in conn.exec_driver_sql(
                "SELECT id, member_id FROM cards WHERE number = ?", (number,)
            )
        ]


def test_registered_at_one_till_known_at_the_office_and_at_another_till(
    office: OfficeServer, office_db: OfficeDB, terminal: Terminal, tmp_path: Path
) -> None:
    terminal.sync()
    enrolled(terminal)
    with enrolled_terminal(office, tmp_path / "second", "till 2") as other:
        other.sync()  # caught up before: the new member reaches it through the feed
        done = register(terminal, CardKey(uid="04AABBCCDDEEFF", number="7000111100001"))
        assert (done.member_id, done.card_id) == (block_of(terminal.creds.terminal_id)[0],) * 2
        terminal.sync()
        assert terminal_ops(terminal.db)[done.operation_id][0] == "acked"
        member = office_member(office_db, done.member_id)
        assert member is not None
        assert (member["full_name"], member["phone"], member["birthday"]) == (
            "Ковальчук Олена",
            "380501234567",
            "1990-05-17",
        )
        assert member["consent_personal_data"] and member["consent_marketing"]
        assert member["balance_centi"] == 0
        [card] = office_cards_with(office_db, "7000111100001")
        assert (card["id"], card["uid"], card["member_id"], card["state"]) == (
            done.card_id,
            "04AABBCCDDEEFF",
            done.member_id,
            "active",
        )
        other.sync()
        view = identify(till_of(other).unit(), CardKey(uid="04AABBCCDDEEFF"))
        assert view.member is not None and view.member.id == done.member_id
        assert view.member.address_as == "Олена" and view.usable
        # the registering till now holds the office's state of its member
        with terminal.db.read() as conn:
            seq = conn.exec_driver_sql(
                "SELECT office_seq FROM members WHERE id = ?", (done.member_id,)
            ).scalar_one()
        assert seq == member["seq"] > 0
        # a purchase at the other till applies to the member at the office
        checkout(till_of(other).unit(), CardKey(card_id=done.card_id), Money.parse("500"))
        other.sync()
        after = office_member(office_db, done.member_id)
        assert after is not None and after["purchases"] == 1 and after["balance_centi"] > 0


def test_registered_offline_then_a_purchase_both_in_one_batch(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    enrolled(terminal)
    done = register(terminal, CardKey(number="7000111100002"))
    bought = checkout(till_of(terminal).unit(), done.card, Money.parse("2000"))
    with terminal.db.read() as conn:
        waiting = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar_one()
    assert waiting == 2
    terminal.sync()  # one pass: one batch
    ops = terminal_ops(terminal.db)
    assert ops[done.operation_id][0] == ops[bought.operation_id][0] == "acked"
    member = office_member(office_db, done.member_id)
    assert member is not None and member["purchases"] == 1
    earned = bought.quote.points_earned
    assert member["balance_centi"] == int(earned * 100)
    assert identify(till_of(terminal).unit(), done.card).balance == earned
    # the same batch again: duplicates, nothing applied twice
    with terminal.client() as client:
        stored = _stored_bodies(office_db, [done.operation_id, bought.operation_id])
        results, _ = client.push(stored)
    assert [r.status.value for r in results] == ["duplicate", "duplicate"]
    again = office_member(office_db, done.member_id)
    assert again is not None and again["balance_centi"] == member["balance_centi"]


def _stored_bodies(db: OfficeDB, op_ids: list[str]) -> list[str]:
    from office.models import operations

    with db.read() as conn:
        rows = {
            r.op_id: r.body
            for r in conn.execute(select(operations.c.op_id, operations.c.body)).all()
        }
    return [str(rows[i]) for i in op_ids]


@pytest.mark.expected_log(r"rejected by the office: (id_not_yours|registration_rejected)")
def test_ids_outside_the_tills_block_are_rejected(terminal: Terminal, office_db: OfficeDB) -> None:
    terminal.sync()
    enrolled(terminal, terminal.creds.terminal_id + 1)  # another till's block
    done = register(terminal, CardKey(number="7000111100003"))
    bought = checkout(till_of(terminal).unit(), done.card, Money.parse("100"))
    terminal.sync()
    ops = terminal_ops(terminal.db)
    assert ops[done.operation_id][0] == "parked"
    assert result_of(terminal.db, done.operation_id)["code"] == "id_not_yours"
    assert result_of(terminal.db, bought.operation_id)["code"] == "registration_rejected"
    assert office_member(office_db, done.member_id) is None
    assert office_cards_with(office_db, "7000111100003") == []
    # the member stays in the till's cache while the registration waits for review
    assert cache_card(terminal, "7000111100003") == [(done.card_id, done.member_id)]


@pytest.mark.expected_log(r"rejected by the office: card_taken")
def test_a_card_someone_has_at_the_office_is_card_taken(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    enrolled(terminal)
    admin.add_member(office_db, id=1_900_001, full_name="Занятая Карта", address_as="Анна")
    admin.add_card(office_db, id=1_900_001, number="7000111100004", member_id=1_900_001)
    done = register(terminal, CardKey(number="7000111100004"))  # not in the cache yet
    terminal.sync()
    assert result_of(terminal.db, done.operation_id)["code"] == "card_taken"
    assert office_member(office_db, done.member_id) is None
    [card] = office_cards_with(office_db, "7000111100004")
    assert card["member_id"] == 1_900_001
    # the office's card took its number back in the till's cache: no two rows for a card
    assert cache_card(terminal, "7000111100004") == [(1_900_001, 1_900_001)]


def test_an_unissued_office_card_is_linked_under_the_tills_id(
    office: OfficeServer, office_db: OfficeDB, terminal: Terminal, tmp_path: Path
) -> None:
    terminal.sync()
    enrolled(terminal)
    with enrolled_terminal(office, tmp_path / "second", "till 2") as other:
        admin.add_card(
            office_db,
            id=1_900_002,
            number="7000111100005",
            kind="personal",
            state="not_activated",
        )
        other.sync()
        assert cache_card(other, "7000111100005") == [(1_900_002, None)]
        done = register(terminal, CardKey(uid="04010203040506", number="7000111100005"))
        bought = checkout(till_of(terminal).unit(), done.card, Money.parse("300"))
        terminal.sync()
        ops = terminal_ops(terminal.db)
        assert ops[done.operation_id][0] == ops[bought.operation_id][0] == "acked"
        [card] = office_cards_with(office_db, "7000111100005")
        assert (card["id"], card["member_id"], card["state"], card["uid"]) == (
            done.card_id,
            done.member_id,
            "active",
            "04010203040506",
        )
        assert cache_card(terminal, "7000111100005") == [(done.card_id, done.member_id)]
        other.sync()
        assert cache_card(other, "7000111100005") == [(done.card_id, done.member_id)]


def test_a_rebuild_keeps_registrations_the_office_has_not_acknowledged(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    enrolled(terminal)
    done = register(terminal, CardKey(number="7000111100006"))
    with terminal.client() as client:
        terminal.syncer(client).download_snapshot(fresh=True)  # as after a 410
    assert cache_card(terminal, "7000111100006") == [(done.card_id, done.member_id)]
    assert identify(till_of(terminal).unit(), done.card).member is not None
    terminal.sync()
    assert terminal_ops(terminal.db)[done.operation_id][0] == "acked"
    with terminal.client() as client:
        terminal.syncer(client).download_snapshot(fresh=True)
    assert cache_card(terminal, "7000111100006") == [(done.card_id, done.member_id)]


def test_a_rebuild_forgets_local_rows_whose_registration_was_acknowledged(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    """Once acknowledged, the office is the truth: a member it deleted since goes."""
    terminal.sync()
    enrolled(terminal)
    done = register(terminal, CardKey(number="7000111100007"))
    terminal.sync()
    admin.delete_member(office_db, done.member_id)
    with terminal.client() as client:
        terminal.syncer(client).download_snapshot(fresh=True)
    with terminal.db.read() as conn:
        gone = conn.exec_driver_sql(
            "SELECT count(*) FROM members WHERE id = ?", (done.member_id,)
        ).scalar_one()
    assert gone == 0
    assert done.member_id > LOCAL_ID_BASE


def test_the_office_admin_refuses_the_tills_ids(office_db: OfficeDB, tmp_path: Path) -> None:
    with pytest.raises(admin.AdminError, match="not an office id"):
        admin.add_member(office_db, id=LOCAL_ID_BASE + 5, full_name="Ы", address_as="Ы")
    with pytest.raises(admin.AdminError, match="not an office id"):
        admin.add_card(office_db, id=LOCAL_ID_BASE, number="7000111100009")
    csv = tmp_path / "members.csv"
    csv.write_text(
        "id,full_name,address_as,birthday,phone,segment,balance\n"
        "1900010,Первый Ряд,,,,,0\n"
        f"{LOCAL_ID_BASE + 1},Чужой Номер,,,,,0\n",
        encoding="utf-8",
    )
    with pytest.raises(admin.AdminError, match=r"members.csv:3: .*not an office id"):
        admin.import_csv(office_db, csv)
    assert office_member(office_db, 1_900_010) is None  # a bad row imports nothing
