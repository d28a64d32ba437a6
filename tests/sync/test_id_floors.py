"""Ids are never reused (docs/protocol.md, Id floors), end to end with the real office on
SQLite and PostgreSQL: a till's cache file copied back to an earlier state (a backup
taken before a registration) gives its next registration fresh ids and its operations
fresh seqs, and an operation on a member whose registration the office rejected is
parked with that reason, never applied to the earlier member who has those ids."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from officekit import Terminal, enrol, result_of, terminal_ops
from opkit import office_member
from sqlalchemy import func, select

from common.clock import FixedClock
from office import admin, auth
from office.models import members as office_members
from office.models import operations as office_operations
from office.server import OfficeServer
from sync import credentials
from terminal.cli import sync_cmd
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.registration import Registered, register_member
from terminal.services.staff import Role, StaffMember
from terminal.services.till import Till
from terminal.store import sync_state
from terminal.store.database import Database
from terminal.store.registration_rows import RegistrationRows

pytestmark = pytest.mark.integration

_ids = itertools.count(1)
CHIEF = StaffMember(0, "Пётр Старший", Role.SUPERVISOR)


@dataclass
class Cache:
    """A till's cache file that the test closes, backs up and copies back."""

    terminal: Terminal

    @property
    def db(self) -> Database:
        return self.terminal.db

    def backup(self) -> Path:
        copy = self.terminal.path.with_name("backup.sqlite3")
        with sqlite3.connect(self.terminal.path) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        return copy

    def restore(self, copy: Path) -> None:
        """Stop the till, put the backup's file in place of the cache, start again."""
        self.terminal.db.close()
        for extra in ("-wal", "-shm"):
            self.terminal.path.with_name(self.terminal.path.name + extra).unlink(missing_ok=True)
        shutil.copyfile(copy, self.terminal.path)
        self.terminal.db = Database.open(self.terminal.path)


@contextmanager
def till_cache(office: OfficeServer, folder: Path) -> Iterator[Cache]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cache.sqlite3"
    creds = enrol(office, path, "Till 1")
    db = Database.open(path)
    t = Terminal(db, path, creds, office.url)
    try:
        credentials.note_in_cache(db, creds)
        t.sync()  # the office's staff (the demo supervisor among them) come with it
        yield Cache(t)
    finally:
        t.db.close()


def till_of(c: Cache) -> Till:
    clock = FixedClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
    return Till(c.db, clock, ids=lambda: f"floor-{next(_ids):08d}")


def register(c: Cache, number: str, name: str) -> Registered:
    with c.db.read() as conn:
        chief = conn.exec_driver_sql("SELECT id FROM staff WHERE role = 'supervisor'").scalar()
    who = StaffMember(int(chief), CHIEF.name, Role.SUPERVISOR)
    return register_member(
        till_of(c).unit(who),
        CardKey(number=number),
        name,
        name.split()[-1],
        "+380 50 123 45 67",
        date(1990, 5, 17),
        True,
        False,
    )


def buy(c: Cache, card: CardKey, amount: str) -> tuple[str, int]:
    done = checkout(till_of(c).unit(), card, Money.parse(amount))
    return done.operation_id, done.seq


def office_top_seq(office: OfficeServer, terminal_id: int) -> int:
    with office.db.read() as conn:
        return int(
            conn.execute(
                select(func.max(office_operations.c.seq)).where(
                    office_operations.c.terminal_id == terminal_id
                )
            ).scalar_one()
        )


def office_names(office: OfficeServer) -> list[str]:
    with office.db.read() as conn:
        return [str(n) for n in conn.execute(select(office_members.c.full_name)).scalars()]


@pytest.mark.expected_log(r"rejected by the office: (id_taken|registration_rejected)")
def test_a_restored_cache_never_moves_a_new_persons_purchase_to_an_earlier_member(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    with till_cache(office_any, tmp_path / "till") as c:
        backup = c.backup()  # taken before the registration
        earlier = register(c, "7000111100091", "Ковальчук Олена")
        buy(c, earlier.card, "100.00")
        c.terminal.sync()
        before = office_member(office_any.db, earlier.member_id)
        assert before["purchases"] == 1
        c.restore(backup)
        # registered before the till could reach the office: the same ids again
        newcomer = register(c, "7000111100092", "Шевченко Тарас")
        assert (newcomer.member_id, newcomer.card_id) == (earlier.member_id, earlier.card_id)
        big, _seq = buy(c, newcomer.card, "20000.00")
        c.terminal.sync()
        assert result_of(c.db, newcomer.operation_id)["code"] == "id_taken"
        assert result_of(c.db, big)["code"] == "registration_rejected"
        assert terminal_ops(c.db)[big][0] == "parked"
    after = office_member(office_any.db, earlier.member_id)
    assert (after["purchases"], after["balance_centi"]) == (1, before["balance_centi"])
    assert after["lifetime_spend_minor"] == before["lifetime_spend_minor"]
    assert "Шевченко Тарас" not in office_names(office_any)


def test_a_restored_cache_takes_fresh_ids_and_seqs_above_the_offices(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    with till_cache(office_any, tmp_path / "till") as c:
        backup = c.backup()
        earlier = register(c, "7000111100093", "Ковальчук Олена")
        buy(c, earlier.card, "100.00")
        c.terminal.sync()
        # the office deletes the member: every till's cache forgets them, the ids stay taken
        admin.delete_member(office_any.db, earlier.member_id)
        c.restore(backup)
        c.terminal.sync()  # the till starts again: hello, push, pull
        terminal_id = c.terminal.creds.terminal_id
        top_seq = office_top_seq(office_any, terminal_id)
        newcomer = register(c, "7000111100094", "Шевченко Тарас")
        assert newcomer.member_id > earlier.member_id
        big, seq = buy(c, newcomer.card, "20000.00")
        with c.db.read() as conn:
            first = conn.exec_driver_sql(
                "SELECT seq FROM operations WHERE id = ?", (newcomer.operation_id,)
            ).scalar_one()
        assert first > top_seq and seq > first
        c.terminal.sync()
        assert terminal_ops(c.db)[newcomer.operation_id][0] == "acked"
        assert terminal_ops(c.db)[big][0] == "acked"
    new = office_member(office_any.db, newcomer.member_id)
    assert (new["full_name"], new["purchases"]) == ("Шевченко Тарас", 1)
    assert office_member(office_any.db, earlier.member_id)["purchases"] == 1


def test_enrolling_again_takes_the_floors_into_a_new_cache(
    office_any: OfficeServer, tmp_path: Path
) -> None:
    with till_cache(office_any, tmp_path / "till") as c:
        earlier = register(c, "7000111100095", "Ковальчук Олена")
        c.terminal.sync()
        terminal_id = c.terminal.creds.terminal_id
    # the disk is lost: a new cache, enrolled again as the same terminal
    fresh = tmp_path / "new" / "cache.sqlite3"
    fresh.parent.mkdir()
    code = auth.create_code(office_any.db, "Till 1", terminal_id=terminal_id)
    assert sync_cmd.enroll(fresh, office_any.url, code, None) == 0
    with Database.open(fresh) as db, db.write() as conn:
        assert sync_state.floor(conn, sync_state.FLOOR_MEMBER) == earlier.member_id
        assert sync_state.floor(conn, sync_state.FLOOR_CARD) == earlier.card_id
        assert sync_state.floor(conn, sync_state.FLOOR_SEQ) == office_top_seq(
            office_any, terminal_id
        )
        member_id, card_id = RegistrationRows(conn).next_free_ids(terminal_id)
    assert (member_id, card_id) == (earlier.member_id + 1, earlier.card_id + 1)
