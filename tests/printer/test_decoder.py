"""The decoder reads back what the encoder writes: styles, alignment, QR, cut, drawer."""

from __future__ import annotations

from drivers.printer.decoder import (
    CutPaper,
    DrawerPulse,
    Image,
    QrCode,
    Run,
    TextLine,
    decode,
)
from drivers.printer.document import Align, Cut, Document, DrawerKick, Feed, Line, Qr
from drivers.printer.encoder import encode, qr_matrix

DOC = Document(
    (
        DrawerKick(),
        Line("Магазин", Align.CENTER, bold=True, double=True),
        Line("Итого", Align.RIGHT, underline=True),
        Qr("op-42", size=5),
        Feed(2),
        Cut(partial=True),
    )
)


def test_golden_bytes_of_a_small_document():
    assert encode(DOC, "default") == (
        b"\x1b@\x1bt\x11"
        b"\x1bp\x0022"
        b"\x1b!\x00"
        b"\x1b!\x00"
        b"\x1b!\x30"
        b"\x1bE\x01"
        b"\x1b-\x00"
        b"\x1ba\x01" + "Магазин".encode("cp866") + b"\n"
        b"\x1b!\x00\x1b!\x00\x1b!\x00\x1bE\x00\x1b-\x01\x1ba\x02" + "Итого".encode("cp866") + b"\n"
        b"\x1ba\x01"
        b"\x1d(k\x04\x001A2\x00\x1d(k\x03\x001C\x05\x1d(k\x03\x001E0"
        b"\x1d(k\x08\x001P0op-42\x1d(k\x03\x001Q0\n"
        b"\x1bd\x02"
        b"\x1bd\x06\x1dV\x01"
    )


def test_styles_alignment_qr_cut_and_drawer_come_back():
    d = decode(encode(DOC))
    texts = [e for e in d.elements if isinstance(e, TextLine)]
    assert texts[0] == TextLine((Run("Магазин", bold=True, width=2, height=2),), Align.CENTER)
    assert texts[1] == TextLine((Run("Итого", underline=True),), Align.RIGHT)
    assert [e for e in d.elements if isinstance(e, QrCode)] == [QrCode("op-42", 5, Align.CENTER)]
    assert [e for e in d.elements if isinstance(e, CutPaper)] == [CutPaper(partial=True)]
    assert [e for e in d.elements if isinstance(e, DrawerPulse)] == [DrawerPulse(2)]
    assert d.code_pages() == ["CP866"] and not d.truncated and d.unknown() == []


def test_a_printer_without_a_qr_command_gets_the_same_code_as_an_image():
    d = decode(encode(Document((Qr("op-42", size=3),)), "POS-5890"), "POS-5890")
    (img,) = [e for e in d.elements if isinstance(e, Image)]
    matrix = qr_matrix("op-42")
    assert img.height == len(matrix) * 3
    assert all(
        img.dark(c * 3 + 1, r * 3 + 1) == dark
        for r, row in enumerate(matrix)
        for c, dark in enumerate(row)
    )


def test_a_stream_cut_off_in_the_middle_is_marked_truncated():
    data = encode(DOC)
    inside_text = data.index("Итого".encode("cp866")) + 2
    for cut_at in (3, 20, inside_text, len(data) - 1):
        assert decode(data[:cut_at]).truncated, cut_at
    assert decode(data[:-3]).cuts() == 0  # a whole command short: no cut, so not whole


def test_unknown_commands_are_recorded_not_fatal():
    d = decode(b"\x1b@\x1b\xfeabc\n")
    assert d.unknown() == [b"\x1b\xfe"]
    assert d.lines() == ["abc"]


def test_print_mode_esc_bang_sets_bold_underline_and_size():
    d = decode(b"\x1b!\xb8Big\n")
    (line,) = [e for e in d.elements if isinstance(e, TextLine)]
    assert line.runs == (Run("Big", bold=True, underline=True, width=2, height=2),)
