"""Receipts and reports -> ESC/POS bytes, and the preview picture of those same bytes.

:class:`EscPosRenderer` lays a receipt out for this printer's paper and encodes it for
its profile (what the printer prints, byte for byte: the golden files); the preview is
drawn from those bytes (``QImage.fromData`` in the UI), so the screen shows the paper.
:class:`Renderer` is the port the spooler renders through.
"""

from __future__ import annotations

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
