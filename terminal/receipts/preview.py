"""A true preview: the bytes that go to the printer, decoded back and drawn as an image.

Nothing here reads the layout: the picture is made from the ESC/POS bytes alone (text in
the code page the bytes select, bold, underline, sizes, alignment, the QR code's own
data, raster images, the cut), so what the preview shows is what the printer gets.

Drawn with Pillow (a dependency of python-escpos), without Qt: the UI shows the PNG
(``QImage.fromData(preview_png(...))``). One dot of the printer is one pixel: 203 dpi,
font A is 12 x 24 dots, so a 58 mm receipt is 384 pixels wide and an 80 mm one 576.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image as PilImage
from PIL import ImageDraw, ImageFont

from drivers.printer.decoder import (
    CutPaper,
    Decoded,
    DrawerPulse,
    FeedLines,
    Image,
    QrCode,
    TextLine,
    decode,
)
from drivers.printer.document import Align
from drivers.printer.encoder import qr_matrix

FONT_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSansMono.ttf"),
)
CELL_W, CELL_H, LINE_H = 12, 24, 30  # font A cell and the default line pitch (dots)
MARGIN = 16
PAPER, INK, NOTE = (255, 255, 255), (0, 0, 0), (150, 150, 150)
DOTS = {58: 384, 80: 576}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=16)
def _font(height: int) -> Font:
    size = 20 * height  # DejaVu Sans Mono at 20 px: 12 px advance, fits a 24-dot cell
    for path in FONT_PATHS:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _height(e: object) -> int:
    if isinstance(e, TextLine):
        return LINE_H + (e.height - 1) * CELL_H
    if isinstance(e, FeedLines):
        return LINE_H * e.lines
    if isinstance(e, QrCode):
        return len(qr_matrix(e.data)) * e.size
    if isinstance(e, Image):
        return e.height
    if isinstance(e, CutPaper):
        return 16
    if isinstance(e, DrawerPulse):
        return LINE_H
    return 0


def _x(align: Align, width: int, paper: int) -> int:
    if align is Align.CENTER:
        return max(0, (paper - width) // 2)
    if align is Align.RIGHT:
        return max(0, paper - width)
    return 0


def render(decoded: Decoded, width_mm: int = 80) -> PilImage.Image:
    """The receipt as a grey-scale picture, one pixel a printer dot, with a margin."""
    paper = DOTS[width_mm]
    total = sum(_height(e) for e in decoded.elements)
    img = PilImage.new("RGB", (paper + 2 * MARGIN, total + 2 * MARGIN), PAPER)
    draw = ImageDraw.Draw(img)
    y = MARGIN
    for e in decoded.elements:
        h = _height(e)
        if isinstance(e, TextLine):
            _text_line(draw, e, MARGIN, y + h - LINE_H - (e.height - 1) * CELL_H, paper)
        elif isinstance(e, QrCode):
            matrix = qr_matrix(e.data)
            x0 = MARGIN + _x(e.align, len(matrix) * e.size, paper)
            for r, row in enumerate(matrix):
                for c, dark in enumerate(row):
                    if dark:
                        draw.rectangle(
                            (
                                x0 + c * e.size,
                                y + r * e.size,
                                x0 + (c + 1) * e.size - 1,
                                y + (r + 1) * e.size - 1,
                            ),
                            fill=INK,
                        )
        elif isinstance(e, Image):
            x0 = MARGIN + _x(e.align, e.width, paper)
            for yy in range(e.height):
                for xx in range(e.width):
                    if e.dark(xx, yy):
                        draw.point((x0 + xx, y + yy), fill=INK)
        elif isinstance(e, CutPaper):
            for x in range(0, paper + 2 * MARGIN, 12):
                draw.line((x, y + 8, x + 6, y + 8), fill=NOTE, width=2)
        elif isinstance(e, DrawerPulse):
            draw.text((MARGIN, y), f"[cash drawer, pin {e.pin}]", fill=NOTE, font=_font(1))
        y += h
    return img


def _text_line(draw: ImageDraw.ImageDraw, line: TextLine, x0: int, y: int, paper: int) -> None:
    width = sum(len(r.text) * CELL_W * r.width for r in line.runs)
    x = x0 + _x(line.align, width, paper)
    for run in line.runs:
        font = _font(run.height)
        w = len(run.text) * CELL_W * run.width
        top = y + (line.height - run.height) * CELL_H
        ink = INK
        if run.invert:
            draw.rectangle((x, top, x + w - 1, top + CELL_H * run.height - 1), fill=INK)
            ink = PAPER
        for i, ch in enumerate(run.text):
            if ch == " ":
                continue
            cx = x + i * CELL_W * run.width
            draw.text((cx, top), ch, fill=ink, font=font)
            if run.bold:
                draw.text((cx + 1, top), ch, fill=ink, font=font)
        if run.underline:
            base = top + CELL_H * run.height - 1
            draw.line((x, base, x + w - 1, base), fill=ink, width=run.height)
        x += w


def preview_image(data: bytes, *, profile: str = "default", width_mm: int = 80) -> PilImage.Image:
    return render(decode(data, profile), width_mm)


def preview_png(data: bytes, *, profile: str = "default", width_mm: int = 80) -> bytes:
    """The PNG of what ``data`` prints (the UI loads it with QImage.fromData)."""
    buf = io.BytesIO()
    preview_image(data, profile=profile, width_mm=width_mm).save(buf, format="PNG")
    return buf.getvalue()


def save_png(data: bytes, path: Path, *, profile: str = "default", width_mm: int = 80) -> None:
    path.write_bytes(preview_png(data, profile=profile, width_mm=width_mm))
