"""Receipts and reports -> ESC/POS bytes, and the preview picture of those same bytes.

:class:`EscPosRenderer` lays a receipt out for this printer's paper and encodes it for
its profile (what the printer prints, byte for byte: the golden files); the preview is
drawn from those bytes (``QImage.fromData`` in the UI), so the screen shows the paper.
:class:`Renderer` is the port the spooler renders through; :class:`RecentReceipts`
renders each receipt once (the picture of an operation shows the bytes queued in its
transaction, not a second rendering).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Protocol

from drivers.printer.config import PrinterConfig
from drivers.printer.encoder import encode
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.layouts import layout_receipt, layout_shift
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.receipts.preview import preview_png


class Renderer(Protocol):
    def render_receipt(self, data: ReceiptData) -> bytes:
        """The ESC/POS bytes of ``data``'s receipt."""

    def render_shift(self, report: ShiftReport) -> bytes:
        """The ESC/POS bytes of a shift report."""

    def preview(self, data: bytes) -> bytes:
        """A PNG of ``data`` as the printer prints it."""


class EscPosRenderer:
    """Layouts encoded for one printer (its paper width, profile and cash drawer)."""

    def __init__(self, printer: PrinterConfig, receipt: ReceiptConfig) -> None:
        self.printer = printer
        self.receipt = receipt

    def render_receipt(self, data: ReceiptData) -> bytes:
        doc = layout_receipt(
            data, self.receipt, self.printer.width_mm, drawer_kick=self.printer.drawer_kick
        )
        return encode(doc, self.printer.profile)

    def render_shift(self, report: ShiftReport) -> bytes:
        return encode(
            layout_shift(report, self.receipt, self.printer.width_mm), self.printer.profile
        )

    def preview(self, data: bytes) -> bytes:
        return preview_png(data, profile=self.printer.profile, width_mm=self.printer.width_mm)


class RecentReceipts:
    """A renderer that keeps the bytes of the last ``keep`` receipts it rendered, so that
    a receipt is rendered once: the service renders it in the operation's transaction,
    the UI asks again for its picture and gets the same bytes back.

    A receipt is found again by its operation id, and only if it is the very
    :class:`ReceiptData` that was rendered (``is``, not ``==``): equal values can print
    differently (the same instant in two time zones compares equal, and a receipt prints
    the wall time). Entries are held, so an object's identity is not reused while kept.
    Shift reports and previews pass through. Safe to call from several threads (a
    checkout on one, the picture on the GUI thread).
    """

    def __init__(self, inner: Renderer, keep: int = 8) -> None:
        self.inner = inner
        self.keep = keep
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, tuple[ReceiptData, bytes]] = OrderedDict()

    def render_receipt(self, data: ReceiptData) -> bytes:
        key = data.operation_id
        with self._lock:
            kept = self._recent.get(key)
            if kept is not None and kept[0] is data:
                self._recent.move_to_end(key)
                return kept[1]
        body = self.inner.render_receipt(data)
        with self._lock:
            self._recent[key] = (data, body)
            self._recent.move_to_end(key)
            while len(self._recent) > self.keep:
                self._recent.popitem(last=False)
        return body

    def render_shift(self, report: ShiftReport) -> bytes:
        return self.inner.render_shift(report)

    def preview(self, data: bytes) -> bytes:
        return self.inner.preview(data)
