"""Real TCP against the loopback printer: whole receipts, and printers that misbehave."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from drivers.printer.config import PrinterConfig, Transport
from drivers.printer.decoder import decode
from drivers.printer.document import Align, Cut, Document, Line, Qr
from drivers.printer.encoder import encode
from drivers.printer.loopback import Behaviour, LoopbackPrinter
from drivers.printer.transport import PrintError, PrinterStatus, StatusReport, print_bytes
from drivers.printer.worker import MemoryJobQueue, PrinterWorker, PrintJob

pytestmark = pytest.mark.integration

PANGRAM = "съешь же ещё этих мягких французских булок"
RECEIPT = Document(
    (
        *(Line(f"Строка {i}: {PANGRAM}") for i in range(30)),
        Line("ИТОГО", Align.RIGHT, bold=True),
        Qr("op-1"),
        Cut(),
    )
)
DATA = encode(RECEIPT)


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    with LoopbackPrinter() as p:
        yield p


def cfg_for(p: LoopbackPrinter, **changes: object) -> PrinterConfig:
    base = PrinterConfig(transport=Transport.NETWORK, host=p.host, port=p.port, timeout_s=0.5)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_whole_receipt_arrives_and_decodes_as_sent(printer):
    print_bytes(cfg_for(printer), DATA)
    assert printer.wait_for_receipts(1)
    (got,) = printer.receipts()
    assert got == decode(DATA)
    assert got.cuts() == 1 and got.qr_codes() == ["op-1"] and not got.truncated


@pytest.mark.parametrize(
    ("behaviour", "status"),
    [
        (Behaviour.PAPER_OUT, PrinterStatus.PAPER_OUT),
        (Behaviour.COVER_OPEN, PrinterStatus.COVER_OPEN),
    ],
)
def test_a_printer_that_says_it_cannot_print_gets_nothing(printer, behaviour, status):
    printer.behaviour = behaviour
    with pytest.raises(PrintError) as err:
        print_bytes(cfg_for(printer), DATA)
    assert err.value.status is status
    assert printer.jobs() == []


def test_a_printer_that_never_reads_times_out(printer):
    printer.behaviour = Behaviour.NEVER_READ
    t0 = time.monotonic()
    with pytest.raises(PrintError) as err:
        print_bytes(cfg_for(printer), DATA)
    assert err.value.status is PrinterStatus.TIMEOUT
    assert time.monotonic() - t0 < 2.0


def test_a_dropped_connection_fails_and_the_retry_prints_it_whole(printer):
    printer.behaviour = Behaviour.DROP_MIDWAY
    with pytest.raises(PrintError) as err:
        print_bytes(cfg_for(printer), DATA)
    assert err.value.status in (PrinterStatus.OFFLINE, PrinterStatus.TIMEOUT)
    assert printer.jobs() == []
    assert decode(printer.partial()[0]).cuts() == 0  # only a part arrived
    printer.behaviour = Behaviour.NORMAL
    print_bytes(cfg_for(printer), DATA)
    assert printer.wait_for_receipts(1)
    assert printer.receipts()[0] == decode(DATA)


def test_a_silent_printer_is_a_timeout_unless_status_queries_are_off(printer):
    printer.behaviour = Behaviour.SILENT
    with pytest.raises(PrintError) as err:
        print_bytes(cfg_for(printer), DATA)
    assert err.value.status is PrinterStatus.TIMEOUT
    assert printer.jobs() == []
    print_bytes(cfg_for(printer, status_query=False), DATA)
    assert printer.wait_for_receipts(1)
    assert printer.receipts() == [decode(DATA)]


def test_nobody_listening_is_offline():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cfg = PrinterConfig(transport=Transport.NETWORK, host="127.0.0.1", port=port, timeout_s=0.5)
    with pytest.raises(PrintError) as err:
        print_bytes(cfg, DATA)
    assert err.value.status is PrinterStatus.OFFLINE


def test_a_file_printer_collects_jobs(tmp_path: Path):
    path = tmp_path / "printer.bin"
    cfg = PrinterConfig(transport=Transport.FILE, path=str(path))
    print_bytes(cfg, DATA)
    print_bytes(cfg, DATA)
    assert path.read_bytes() == DATA * 2


class Reports:
    def __init__(self) -> None:
        self.items: list[StatusReport] = []
        self.cond = threading.Condition()

    def __call__(self, report: StatusReport) -> None:
        with self.cond:
            self.items.append(report)
            self.cond.notify_all()

    def wait_for(
        self, status: PrinterStatus, waiting: int | None = None, timeout: float = 5.0
    ) -> StatusReport:
        with self.cond:
            ok = self.cond.wait_for(
                lambda: (
                    bool(self.items)
                    and self.items[-1].status is status
                    and waiting in (None, self.items[-1].waiting)
                ),
                timeout,
            )
            assert ok, self.items
            return self.items[-1]


@pytest.mark.expected_log(r"printer out of paper")
def test_worker_keeps_the_job_while_out_of_paper_and_prints_it_after(printer):
    printer.behaviour = Behaviour.PAPER_OUT
    queue = MemoryJobQueue()
    reports = Reports()
    worker = PrinterWorker(cfg_for(printer), queue, reports, retry_min_s=0.05, retry_max_s=0.2)
    worker.start()
    try:
        t0 = time.monotonic()
        job = queue.add(DATA, "purchase #1")
        worker.wake()
        assert time.monotonic() - t0 < 0.05  # the till never waits for the printer
        report = reports.wait_for(PrinterStatus.PAPER_OUT, waiting=1)
        assert "paper" in report.message
        assert queue.state(job) in ("waiting", "printing")
        printer.behaviour = Behaviour.NORMAL
        worker.wake()
        assert printer.wait_for_receipts(1)
        reports.wait_for(PrinterStatus.OK, waiting=0)
        assert queue.state(job) == "printed"
    finally:
        worker.stop()
    assert printer.receipts() == [decode(DATA)]


@pytest.mark.expected_log(r"no printer configured")
def test_worker_without_a_printer_reports_disabled_and_keeps_jobs():
    queue = MemoryJobQueue()
    reports = Reports()
    worker = PrinterWorker(PrinterConfig(), queue, reports)
    queue.add(DATA)  # before the start: the first report must count it
    worker.start()
    try:
        worker.wake()
        report = reports.wait_for(PrinterStatus.DISABLED, waiting=1)
        assert report.waiting == 1 and queue.waiting() == 1
    finally:
        worker.stop()
    assert queue.waiting() == 1


@pytest.mark.expected_log(r"printer does not answer")
def test_worker_stops_promptly_with_a_printer_that_never_reads(printer):
    printer.behaviour = Behaviour.NEVER_READ
    queue = MemoryJobQueue()
    reports = Reports()
    worker = PrinterWorker(cfg_for(printer), queue, reports, retry_min_s=0.05)
    worker.start()
    queue.add(DATA)
    worker.wake()
    reports.wait_for(PrinterStatus.TIMEOUT)
    t0 = time.monotonic()
    worker.stop()
    assert time.monotonic() - t0 < 2.0
    assert queue.waiting() == 1


class FailingStoreQueue(MemoryJobQueue):
    """The print queue whose store fails twice (a locked or full database), then works."""

    def __init__(self) -> None:
        super().__init__()
        self.failures = 2

    def claim_next(self) -> PrintJob | None:
        if self.failures:
            self.failures -= 1
            raise sqlite3.OperationalError("database is locked")
        return super().claim_next()

    def waiting(self) -> int:
        if self.failures:
            raise sqlite3.OperationalError("disk I/O error")
        return super().waiting()


@pytest.mark.expected_log(r"the print queue failed", r"printer error: database is locked")
def test_worker_survives_its_queue_failing_and_prints_after(printer):
    queue = FailingStoreQueue()
    job = queue.add(DATA, "purchase #1")
    reports = Reports()
    worker = PrinterWorker(cfg_for(printer), queue, reports, retry_min_s=0.05, retry_max_s=0.1)
    worker.start()
    try:
        reports.wait_for(PrinterStatus.ERROR)
        assert printer.wait_for_receipts(1)
        reports.wait_for(PrinterStatus.OK, waiting=0)
        assert queue.state(job) == "printed"
        assert worker._thread.is_alive()
    finally:
        worker.stop()
