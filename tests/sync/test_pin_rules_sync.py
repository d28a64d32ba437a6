"""PIN rules at the office and their way to a till over real HTTP (issue 13, point 3):
the shortest PIN per role where store IT sets PINs, old scrypt hashes still logging in
at a till and replaced by argon2id when the office sets the PIN again, and the
supervisor card as a second factor published with the limits (``set-limits
--supervisor-card``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from officekit import Terminal, enrolled_terminal

from common import pins
from common.clock import FixedClock
from office import staff
from office.__main__ import main as office_main
from office.admin import AdminError, set_limits
from office.db import OfficeDB
from office.server import OfficeServer
from sync import credentials
from sync.protocol import OfflineLimits
from terminal.services.staff import CardNeeded, Role, finish_with_card, log_in
from terminal.services.till import Till

pytestmark = pytest.mark.integration

CLOCK = FixedClock(datetime(2026, 12, 2, 10, 0, tzinfo=UTC))


@pytest.fixture
def bare_office(tmp_path: Path) -> Iterator[OfficeServer]:
    db = OfficeDB.open(str(tmp_path / "bare-office.sqlite3"))
    try:
        with OfficeServer(db) as server:
            yield server
    finally:
        db.close()


@pytest.fixture
def till(bare_office: OfficeServer, tmp_path: Path) -> Iterator[Terminal]:
    with enrolled_terminal(bare_office, tmp_path / "till") as t:
        credentials.note_in_cache(t.db, t.creds)
        yield t


def _old_scrypt_hash(pin: str) -> str:
    salt = bytes(range(16))
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${2**14}$8$1${salt.hex()}${digest.hex()}"


def test_the_office_refuses_short_pins_by_role_with_a_clear_message(
    office_db_any: OfficeDB, capsys: pytest.CaptureFixture[str]
) -> None:
    db = office_db_any
    url = str(db.engine.url.render_as_string(hide_password=False))
    add = ["--db", url, "staff", "add", "--name", "Шеф", "--role", "supervisor"]
    assert office_main([*add, "--pin", "9999"]) == 1
    assert "a supervisor's or store admin's PIN is 6 to 12 digits" in capsys.readouterr().err
    with pytest.raises(AdminError, match="store admin's PIN is 6 to 12"):
        staff.add(db, "Адмін", "store_admin", pin="12345")
    with pytest.raises(AdminError, match="cashier's PIN is 4 to 12"):
        staff.add(db, "Каса", "cashier", pin="123")
    cashier = staff.add(db, "Каса", "cashier", pin="1234")
    with pytest.raises(AdminError, match="supervisor's or store admin's PIN is 6"):
        staff.change(db, cashier, pin="4321", role="supervisor")
    with pytest.raises(AdminError, match="give them a new one"):
        staff.change(db, cashier, role="supervisor")  # their 4-digit PIN would stay
    assert staff.change(db, cashier, role="supervisor", pin="975310").role == "supervisor"
    # raised by set-limits, never below 6 and 4
    set_limits(db, OfflineLimits(min_pin_supervisor=8, min_pin_cashier=6))
    with pytest.raises(AdminError, match="cashier's PIN is 6 to 12"):
        staff.add(db, "Каса 2", "cashier", pin="1234")
    with pytest.raises(AdminError, match="PIN is 8 to 12"):
        staff.change(db, cashier, pin="975310")
    with pytest.raises(AdminError, match="cashier's shortest PIN is 4"):
        set_limits(db, OfflineLimits(min_pin_cashier=3))
    assert office_main(["--db", url, "set-limits", "--min-pin-supervisor", "5"]) == 1
    assert "supervisor's shortest PIN is 6" in capsys.readouterr().err


def test_an_old_scrypt_hash_logs_in_at_a_till_and_is_replaced_when_the_pin_is_set(
    bare_office: OfficeServer, till: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    db = bare_office.db
    old = staff.StaffMember(0, "Петро", "supervisor", None, _old_scrypt_hash("9753"), (), True)
    with db.write() as conn:  # as an office from before argon2id holds it
        petro = staff.insert_member(conn, db.now(), old)
    assert office_main(["--db", str(db.engine.url), "staff", "list"]) == 0
    assert "PIN set (old hash: set it again)" in capsys.readouterr().out
    till.sync()
    assert log_in(Till(till.db, CLOCK).unit(), petro, "9753").role is Role.SUPERVISOR

    member = staff.change(db, petro, pin="975310")
    assert member.pin_hash is not None and member.pin_hash.startswith("$argon2id$")
    assert not pins.is_old_hash(member.pin_hash)
    till.sync()
    unit = Till(till.db, CLOCK).unit()
    assert log_in(unit, petro, "975310").role is Role.SUPERVISOR
    with pytest.raises(Exception, match="wrong PIN"):
        log_in(unit, petro, "9753")


def test_the_supervisor_card_setting_reaches_the_till_with_the_limits(
    bare_office: OfficeServer, till: Terminal
) -> None:
    db = bare_office.db
    url = str(db.engine.url)
    petro = staff.add(db, "Петро", "supervisor", pin="975310", cards=["04C0FFEE0000A1"])
    staff.add(db, "Олена", "cashier", pin="2468", cards=["04C0FFEE0000B2"])
    assert office_main(["--db", url, "set-limits", "--supervisor-card"]) == 0
    till.sync()
    unit = Till(till.db, CLOCK).unit()
    with pytest.raises(CardNeeded) as needed:
        log_in(unit, petro, "975310")
    with pytest.raises(Exception, match="not your staff card"):
        finish_with_card(unit, needed.value.pending, "04C0FFEE0000B2")
    with pytest.raises(CardNeeded) as again:
        log_in(unit, petro, "975310")
    assert finish_with_card(unit, again.value.pending, "04C0FFEE0000A1").id == petro

    assert office_main(["--db", url, "set-limits"]) == 0  # without the flag: off again
    till.sync()
    assert log_in(Till(till.db, CLOCK).unit(), petro, "975310").id == petro
