"""A :class:`Document` to ESC/POS bytes for one printer profile, through python-escpos.

python-escpos' :class:`~escpos.printer.Dummy` collects the bytes of its commands (styles,
QR, cut, drawer); text goes through :mod:`drivers.printer.codepages` instead of
python-escpos' own encoder, so that the code page is chosen once for the receipt from the
profile and a missing letter is transliterated rather than sent as ``?``.
"""

from __future__ import annotations

from typing import Any

import qrcode  # type: ignore[import-untyped]
from escpos.printer import Dummy

from drivers.printer import codepages
from drivers.printer.document import Align, Cut, Document, DrawerKick, Feed, Line, Qr

ESC_INIT = b"\x1b@"


def _set_style(p: Any, line: Line) -> None:
    p.set(
        align=line.align.value,
        bold=line.bold,
        underline=1 if line.underline else 0,
        normal_textsize=not line.double,
        double_width=line.double,
        double_height=line.double,
    )


def encode(doc: Document, profile: str = "default") -> bytes:
    """The bytes that print ``doc`` on a printer of ``profile``; always starts with ESC @."""
    p: Any = Dummy(profile=profile)
    page = codepages.choose(profile, doc.text())
    p._raw(ESC_INIT)
    if page is not None:
        p._raw(b"\x1bt" + bytes([page.number]))
    style: tuple[Align, bool, bool, bool] | None = None
    for block in doc.blocks:
        if isinstance(block, Line):
            key = (block.align, block.bold, block.double, block.underline)
            if key != style:
                _set_style(p, block)
                style = key
            p._raw(codepages.encode(block.text, page) + b"\n")
        elif isinstance(block, Qr):
            p.set(align="center")
            style = None
            if p.profile.supports("qrCode"):
                p.qr(block.data, size=block.size, native=True)
            else:
                p._raw(qr_raster(block.data, block.size))
            p._raw(b"\n")
        elif isinstance(block, Feed):
            p._raw(b"\x1bd" + bytes([max(0, min(255, block.lines))]))
        elif isinstance(block, Cut):
            p.cut(mode="PART" if block.partial else "FULL")
        elif isinstance(block, DrawerKick):
            p.cashdraw(block.pin)
    data: bytes = p.output
    return data


def qr_matrix(data: str) -> list[list[bool]]:
    """The modules of ``data``'s QR code (model 2, level L, a quiet zone of 1 module)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_L, border=1)
    code.add_data(data.encode("utf-8"))
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_raster(data: str, size: int) -> bytes:
    """A QR code as a ``GS v 0`` raster image, for printers without a QR command."""
    matrix = qr_matrix(data)
    width = len(matrix[0]) * size
    width_bytes = (width + 7) // 8
    rows = bytearray()
    for row in matrix:
        line = bytearray(width_bytes)
        for x, dark in enumerate(row):
            if dark:
                for dx in range(x * size, (x + 1) * size):
                    line[dx >> 3] |= 0x80 >> (dx & 7)
        rows += bytes(line) * size
    height = len(matrix) * size
    header = b"\x1dv0\x00" + width_bytes.to_bytes(2, "little") + height.to_bytes(2, "little")
    return header + bytes(rows)
