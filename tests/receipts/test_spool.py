"""The durable queue on a real SQLite file, and the spooler printing to the loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig, Transport
from drivers.printer.decoder import decode
from drivers.printer.loopback import Behaviour, LoopbackPrinter
from drivers.printer.transport import PrinterStatus, StatusReport
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.model import ReceiptData
from terminal.receipts.queue import PrintQueue
from terminal.receipts.samples import OP_ID, sample
from terminal.receipts.spool import Spooler
from terminal.store import print_queue
from terminal.store.database import Database
from terminal.store.print_queue import JobStatus

AT = "2026-11-22T10:30:00+00:00"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "cache.sqlite3") as db:
        yield db


def test_queue_order_claim_fail_and_print(database):
    with database.write() as conn:
        a = print_queue.enqueue(conn, b"A", kind="purchase", created_at=AT, op_id="op-a")
        b = print_queue.enqueue(conn, b"B", kind="return", created_at=AT)
    with database.write() as conn:
        job = print_queue.claim_next(conn)
        assert job is not None and job.id == a and job.status is JobStatus.PRINTING
        assert job.attempts == 1 and job.data == b"A"
        print_queue.mark_failed(conn, a, "paper out")
    with database.write() as conn:
        again = print_queue.claim_next(conn)
        assert again is not None and again.id == a and again.attempts == 2
        assert again.last_error == "paper out"
        print_queue.mark_printed(conn, a, AT)
        assert print_queue.count_waiting(conn) == 1
        nxt = print_queue.claim_next(conn)
        assert nxt is not None and nxt.id == b
    with database.write() as conn:
        assert print_queue.requeue_interrupted(conn, lambda _p: False) == 1  # b was left printing
        assert print_queue.get(conn, b).status is JobStatus.WAITING  # type: ignore[union-attr]
        copy = print_queue.reprint(conn, a, AT)
        assert print_queue.get(conn, copy).copy_of == a  # type: ignore[union-attr]
        assert print_queue.cancel(conn, b)
        assert [j.id for j in print_queue.list_jobs(conn, JobStatus.WAITING)] == [copy]
        assert [j.id for j in print_queue.jobs_of_operation(conn, "op-a")] == [a, copy]


def test_a_job_rolled_back_with_its_operation_is_not_queued(database):
    with pytest.raises(RuntimeError), database.write() as conn:
        print_queue.enqueue(conn, b"A", kind="purchase", created_at=AT)
        raise RuntimeError("the operation failed")
    with database.read() as conn:
        assert print_queue.count_waiting(conn) == 0


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
            assert self.cond.wait_for(
                lambda: (
                    bool(self.items)
                    and self.items[-1].status is status
                    and waiting in (None, self.items[-1].waiting)
                ),
                timeout,
            ), self.items
            return self.items[-1]


@pytest.mark.expected_log(r"printer out of paper", r"not reachable")
@pytest.mark.integration
def test_spooler_prints_through_paper_out_and_a_restart(database):
    receipt = sample("purchase")
    assert isinstance(receipt, ReceiptData)
    with LoopbackPrinter(behaviour=Behaviour.PAPER_OUT) as printer:
        cfg = PrinterConfig(
            transport=Transport.NETWORK,
            host=printer.host,
            port=printer.port,
            timeout_s=0.5,
            drawer_kick=True,
        )
        reports = Reports()
        spooler = Spooler(
            database,
            cfg,
            ReceiptConfig(),
            reports,
            clock=FixedClock(datetime(2026, 11, 22, tzinfo=UTC)),
        )
        spooler.worker.retry_min_s = 0.05
        spooler.worker.retry_max_s = 0.2
        spooler.start()
        try:
            job = spooler.print_receipt(receipt)
            reports.wait_for(PrinterStatus.PAPER_OUT, waiting=1)
            printer.behaviour = Behaviour.NORMAL
            spooler.wake()
            assert printer.wait_for_receipts(1)
            reports.wait_for(PrinterStatus.OK)
            copy = spooler.reprint(job, receipt)
            assert printer.wait_for_receipts(2)
        finally:
            spooler.stop()
        first, second = printer.receipts()
    assert first == decode(spooler.render_receipt(receipt))
    assert first.qr_codes() == [OP_ID]
    assert "КОПИЯ" in second.lines() and "КОПИЯ" not in first.lines()
    with database.read() as conn:
        assert print_queue.get(conn, job).status is JobStatus.PRINTED  # type: ignore[union-attr]
        assert print_queue.get(conn, copy).copy_of == job  # type: ignore[union-attr]
        assert print_queue.count_waiting(conn) == 0


def test_a_preview_is_a_png(database):
    spooler = Spooler(database, PrinterConfig(width_mm=58), ReceiptConfig())
    receipt = sample("gift")
    assert isinstance(receipt, ReceiptData)
    png = spooler.preview(spooler.render_receipt(receipt))
    assert png.startswith(b"\x89PNG")


def test_the_queue_stamps_its_jobs_with_the_clock_it_is_given(database):
    clock = FixedClock(datetime(2026, 11, 22, 10, 30, tzinfo=UTC))
    queue = PrintQueue(database, clock)
    with database.write() as conn:
        job = queue.enqueue(conn, b"A", kind="purchase", title="purchase #1", op_id="op-a")
    claimed = queue.claim_next()
    assert claimed is not None and (claimed.id, claimed.data) == (job, b"A")
    clock.advance(timedelta(minutes=1))
    queue.mark_printed(job)
    with database.read() as conn:
        stored = print_queue.get(conn, job)
    assert stored is not None and stored.status is JobStatus.PRINTED
    assert (stored.created_at, stored.printed_at) == (AT, "2026-11-22T10:31:00+00:00")
    assert queue.waiting() == 0
