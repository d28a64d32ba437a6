"""A serial receipt printer on a pty: the bytes arrive whole and decode to the receipt;
a port that does not exist is a clear PrintError, not a hang."""

from __future__ import annotations

import os
import select
import tty

import pytest

from drivers.printer.config import PrinterConfig
from drivers.printer.decoder import decode
from drivers.printer.encoder import encode
from drivers.printer.transport import PrintError, print_bytes
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.layouts import layout_receipt
from terminal.receipts.model import ReceiptData
from terminal.receipts.samples import sample

pytestmark = pytest.mark.integration


def serial(device: str) -> PrinterConfig:
    return PrinterConfig.from_mapping(
        {
            "transport": "serial",
            "device": device,
            "baudrate": 19200,
            "timeout_s": 2,
            "status_query": False,
        }
    )


def read_all(fd: int, idle_s: float = 0.3) -> bytes:
    out = b""
    while select.select([fd], [], [], idle_s)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def test_receipt_through_a_pty() -> None:
    master, slave = os.openpty()
    tty.setraw(master)
    try:
        data = sample("purchase", "uk")
        assert isinstance(data, ReceiptData)
        body = encode(layout_receipt(data, ReceiptConfig.default(), 58), "default")
        print_bytes(serial(os.ttyname(slave)), body)
        received = read_all(master)
    finally:
        os.close(slave)
        os.close(master)
    assert received == body
    decoded = decode(received)
    assert not decoded.truncated and data.operation_id in decoded.qr_codes()


def test_missing_port() -> None:
    with pytest.raises(PrintError):
        print_bytes(serial("/dev/ttyNOSUCH9"), b"x")
