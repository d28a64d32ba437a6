"""A receipt is rendered once per operation: the bytes rendered in the operation's write
transaction are the bytes the picture is drawn from. Renders are counted by a renderer
of our own (the real one, counting), and the renderer's bytes are the golden ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from builders import card_key

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig
from terminal.loyalty import Money
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.receipts.render import EscPosRenderer, RecentReceipts
from terminal.receipts.samples import KINDS, sample
from terminal.receipts.spool import Spooler
from terminal.services.checkout import checkout
from terminal.services.till import Till
from terminal.store import print_queue
from terminal.store.database import Database

GOLDEN = Path(__file__).with_name("golden")


class CountingRenderer(EscPosRenderer):
    """The real renderer, noting every receipt it lays out and encodes."""

    def __init__(self, printer: PrinterConfig, receipt: ReceiptConfig) -> None:
        super().__init__(printer, receipt)
        self.rendered: list[ReceiptData] = []

    def render_receipt(self, data: ReceiptData) -> bytes:
        self.rendered.append(data)
        return super().render_receipt(data)


def a_receipt(kind: str = "purchase") -> ReceiptData:
    data = sample(kind)
    assert isinstance(data, ReceiptData)
    return data


def counting_spooler(db: Database) -> tuple[Spooler, CountingRenderer]:
    counting = CountingRenderer(PrinterConfig.default(), ReceiptConfig.default())
    spooler = Spooler(db, PrinterConfig.default(), ReceiptConfig.default(), renderer=counting)
    return spooler, counting  # not started: nothing prints


def test_the_picture_shows_the_bytes_queued_in_the_transaction(db: Database) -> None:
    spooler, counting = counting_spooler(db)
    data = a_receipt()
    with db.write() as conn:  # the operation's transaction, as a service holds it
        job = spooler.enqueue_receipt(conn, data)
    png = spooler.preview(spooler.render_receipt(data))  # what the window does
    assert counting.rendered == [data]
    with db.read() as conn:
        queued = print_queue.get(conn, job)
    assert queued is not None and spooler.render_receipt(data) == queued.data
    assert counting.rendered == [data] and png.startswith(b"\x89PNG")


def test_a_checkout_renders_its_receipt_once(demo_db: Database, clock: FixedClock) -> None:
    spooler, counting = counting_spooler(demo_db)
    result = checkout(
        Till(demo_db, clock, receipts=spooler).unit(), card_key(demo_db), Money.parse("500")
    )
    assert result.receipt is not None and counting.rendered == [result.receipt]
    body = spooler.render_receipt(result.receipt)  # main_window's picture of the receipt
    assert counting.rendered == [result.receipt]
    with demo_db.read() as conn:
        jobs = print_queue.jobs_of_operation(conn, result.operation_id)
    assert [j.data for j in jobs] == [body]


def test_a_copy_is_rendered_as_a_copy(db: Database) -> None:
    spooler, counting = counting_spooler(db)
    data = a_receipt()
    with db.write() as conn:
        job = spooler.enqueue_receipt(conn, data)
        copy = spooler.enqueue_reprint(conn, job, data)
        original, marked = print_queue.get(conn, job), print_queue.get(conn, copy)
    assert original is not None and marked is not None and original.data != marked.data
    assert [d.copy for d in counting.rendered] == [False, True]


def test_an_equal_receipt_that_is_another_value_is_rendered_again(db: Database) -> None:
    """Equality is not enough: the same instant in another zone is another value (the
    receipt prints the till's own time either way, so here they print alike)."""
    spooler, counting = counting_spooler(db)
    data = replace(a_receipt(), created_at=datetime(2026, 11, 22, 10, 30, tzinfo=UTC))
    elsewhere = replace(data, created_at=data.created_at.astimezone(timezone(timedelta(hours=3))))
    assert elsewhere == data
    assert spooler.render_receipt(elsewhere) == spooler.render_receipt(data)
    assert counting.rendered == [elsewhere, data]


def test_only_the_last_few_receipts_are_kept() -> None:
    counting = CountingRenderer(PrinterConfig.default(), ReceiptConfig.default())
    recent = RecentReceipts(counting, keep=3)
    receipts = [replace(a_receipt(), operation_id=f"op-{i}", seq=i) for i in range(4)]
    for data in receipts:
        recent.render_receipt(data)
    recent.render_receipt(receipts[3])  # kept
    recent.render_receipt(receipts[0])  # the oldest, let go: rendered again
    assert counting.rendered == [*receipts, receipts[0]]


@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize("kind", KINDS)
def test_the_renderer_writes_the_golden_bytes(kind: str, width: int) -> None:
    cfg = ReceiptConfig(
        header=("ООО «Ромашка»", "г. Москва, ул. Ленина, 1"), footer=("Ждём вас снова!",)
    )
    renderer = RecentReceipts(EscPosRenderer(PrinterConfig(width_mm=width, drawer_kick=True), cfg))
    data = sample(kind)
    body = (
        renderer.render_shift(data)
        if isinstance(data, ShiftReport)
        else renderer.render_receipt(data)
    )
    assert body == (GOLDEN / f"{kind}_{width}.bin").read_bytes()
