"""A reprint and its audit line, a shift's closing and its report: one transaction each.
The database itself refuses the second write (a trigger, as a full disk or a constraint
would): then the first must not be there either."""

from __future__ import annotations

import pytest
from builders import card_key
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig
from terminal.loyalty import Money
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services import supervisor
from terminal.services.checkout import checkout
from terminal.services.shifts import close_shift, open_shift
from terminal.services.staff import Role, StaffMember, add_staff
from terminal.services.till import Till
from terminal.store.database import Database


def refuse(db: Database, table: str, when: str) -> None:
    with db.write() as conn:
        conn.execute(
            text(
                f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} WHEN {when} "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
        )


def count(db: Database, sql: str) -> int:
    with db.read() as conn:
        return int(conn.execute(text(sql)).scalar_one())


@pytest.fixture
def spooler(demo_db: Database) -> Spooler:
    return Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())  # not started


def test_reprint_and_its_audit_line_are_one_transaction(
    demo_db: Database, clock: FixedClock, spooler: Spooler
) -> None:
    till = Till(demo_db, clock, receipts=spooler)
    checkout(till.unit(), card_key(demo_db, kind=None), Money.parse("100"))
    chief = till.unit(StaffMember(2, "Пётр Старший", Role.SUPERVISOR))
    job = count(demo_db, "SELECT id FROM print_jobs")
    refuse(demo_db, "audit_log", "NEW.action = 'reprint'")
    with pytest.raises(IntegrityError):
        supervisor.reprint(chief, job)
    assert count(demo_db, "SELECT count(*) FROM print_jobs") == 1  # no copy without audit
    with demo_db.write() as conn:
        conn.execute(text("DROP TRIGGER refuse_audit_log"))
    copy = supervisor.reprint(chief, job)
    assert count(demo_db, "SELECT count(*) FROM print_jobs") == 2
    assert count(demo_db, f"SELECT count(*) FROM audit_log WHERE details LIKE '%{copy}%'") == 1


def test_closing_the_shift_and_its_report_are_one_transaction(
    demo_db: Database, clock: FixedClock, spooler: Spooler
) -> None:
    with demo_db.write() as conn:
        a = add_staff(conn, "Каса", Role.CASHIER, "1234")
    till = Till(demo_db, clock, receipts=spooler)
    shift = open_shift(Till(demo_db, clock).unit(StaffMember(a, "Каса", Role.CASHIER)))
    chief = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
    refuse(demo_db, "print_jobs", "NEW.kind = 'shift'")
    with pytest.raises(IntegrityError):
        close_shift(till.unit(chief), shift, "till-7")
    assert count(demo_db, "SELECT count(*) FROM shifts WHERE closed_at IS NULL") == 1
    assert count(demo_db, "SELECT count(*) FROM audit_log WHERE action='shift_closed'") == 0
    with demo_db.write() as conn:
        conn.execute(text("DROP TRIGGER refuse_print_jobs"))
    report = close_shift(till.unit(chief), shift, "till-7")
    assert report.till == "till-7"
    assert count(demo_db, "SELECT count(*) FROM shifts WHERE closed_at IS NULL") == 0
    assert count(demo_db, "SELECT count(*) FROM print_jobs WHERE kind='shift'") == 1
