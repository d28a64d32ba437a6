"""The [receipt] table, and the preview drawn from the bytes."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from drivers.printer.document import Align, Document, Line, Qr
from drivers.printer.encoder import encode
from terminal.receipts.config import ConfigError, ReceiptConfig
from terminal.receipts.preview import MARGIN, preview_image, preview_png


def test_receipt_config_defaults_and_values():
    assert ReceiptConfig.from_mapping({}) == ReceiptConfig.default()
    cfg = ReceiptConfig.from_mapping({"header": "Лавка", "footer": ["a", "b"], "language": "uk"})
    assert cfg.header == ("Лавка",) and cfg.footer == ("a", "b") and cfg.language == "uk"


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"language": "de"}, "receipt.language: 'de' is not one of ru, uk, en"),
        ({"header": [1]}, "receipt.header: [1] is not a list of lines"),
        ({"qr": 1}, "receipt.qr: 1 is not true or false"),
        ({"logo": "x"}, "receipt.logo: unknown option"),
    ],
)
def test_receipt_config_errors(mapping, message):
    with pytest.raises(ConfigError, match="^" + message.replace("[", r"\[").replace("]", r"\]")):
        ReceiptConfig.from_mapping(mapping)


@pytest.mark.parametrize(("width", "dots"), [(58, 384), (80, 576)])
def test_preview_is_one_pixel_a_dot(width, dots):
    png = preview_png(encode(Document((Line("Ширина"),))), width_mm=width)
    img = Image.open(io.BytesIO(png))
    assert img.format == "PNG" and img.width == dots + 2 * MARGIN


def test_preview_draws_what_the_bytes_say():
    left = preview_image(encode(Document((Line("Ж"),))))
    right = preview_image(encode(Document((Line("Ж", Align.RIGHT),))))
    bold = preview_image(encode(Document((Line("Ж", bold=True),))))

    def ink(img: Image.Image) -> list[int]:
        gray = img.convert("L")
        return [
            x
            for x in range(gray.width)
            if any(gray.getpixel((x, y)) < 128 for y in range(gray.height))
        ]

    assert max(ink(left)) < MARGIN + 12 < min(ink(right))
    assert len(ink(bold)) > len(ink(left))
    qr = preview_image(encode(Document((Qr("x", size=4),))))
    assert qr.height > 80  # 21+2 modules of 4 dots
