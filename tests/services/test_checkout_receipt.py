"""A checkout's receipt: queued in the operation's own transaction, printed later on the
printer's thread, arriving whole at a real (loopback TCP) printer; a printer that is
off loses nothing."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from builders import card_key
from sqlalchemy import text

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig
from drivers.printer.loopback import LoopbackPrinter
from terminal.loyalty import Money, PointsError
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database


def active_card(db: Database) -> CardKey:
    return card_key(db)


def network(port: int) -> PrinterConfig:
    return PrinterConfig.from_mapping(
        {"transport": "network", "host": "127.0.0.1", "port": port, "timeout_s": 2}
    )


def test_receipt_is_queued_with_the_operation(demo_db: Database, clock: FixedClock) -> None:
    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())  # not started
    till = Till(demo_db, clock, receipts=spooler)
    result = checkout(till.unit(), active_card(demo_db), Money.parse("500"))
    with pytest.raises(PointsError):
        checkout(till.unit(), active_card(demo_db), Money.parse("500"), Decimal(10**7))
    with demo_db.read() as conn:
        jobs = conn.execute(text("SELECT op_id, status FROM print_jobs")).all()
    assert [tuple(j) for j in jobs] == [(result.operation_id, "waiting")]


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    with LoopbackPrinter() as p:
        yield p


@pytest.mark.integration
def test_receipt_reaches_the_printer(
    demo_db: Database, clock: FixedClock, printer: LoopbackPrinter
) -> None:
    spooler = Spooler(demo_db, network(printer.port), ReceiptConfig.default())
    spooler.start()
    try:
        till = Till(demo_db, clock, receipts=spooler)
        result = checkout(till.unit(), active_card(demo_db), Money.parse("1234.50"))
        assert printer.wait_for_receipts(1, timeout=10)
    finally:
        spooler.stop()
    receipt = printer.receipts()[0]
    assert not receipt.truncated
    assert result.operation_id in receipt.qr_codes()
    assert result.before.member is not None
    assert result.before.member.address_as in receipt.text()


@pytest.mark.expected_log(r"no printer configured", r"not reachable")
@pytest.mark.integration
def test_printer_off_keeps_the_receipt_waiting(demo_db: Database, clock: FixedClock) -> None:
    with LoopbackPrinter() as gone:
        port = gone.port  # a port nobody listens on once it is closed
    spooler = Spooler(demo_db, network(port), ReceiptConfig.default())
    spooler.start()
    try:
        checkout(
            Till(demo_db, clock, receipts=spooler).unit(), active_card(demo_db), Money.parse("10")
        )
    finally:
        spooler.stop()
    with demo_db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM operations")).scalar() == 1
        status = conn.execute(text("SELECT status FROM print_jobs")).scalar()
    assert status == "waiting"
