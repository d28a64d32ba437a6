"""`print-preview` and `print-test`, run through their own parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PIL import Image

from drivers.printer.config import PrinterConfig, Transport
from drivers.printer.loopback import Behaviour, LoopbackPrinter
from terminal.cli import print_cmd
from terminal.receipts.config import ReceiptConfig


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    print_cmd.add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


@pytest.mark.parametrize("kind", ["purchase", "shift"])
def test_print_preview_writes_a_png(tmp_path: Path, kind, capsys):
    out = tmp_path / "r.png"
    args = parse(["print-preview", "--out", str(out), "--kind", kind, "--width", "58"])
    assert print_cmd.run(args, PrinterConfig(), ReceiptConfig()) == 0
    with Image.open(out) as img:
        assert img.width == 384 + 32
    assert str(out) in capsys.readouterr().out


@pytest.mark.integration
def test_print_test_prints_every_letter_and_a_qr(tmp_path: Path, capsys):
    with LoopbackPrinter() as printer:
        cfg = PrinterConfig(
            transport=Transport.NETWORK, host=printer.host, port=printer.port, timeout_s=0.5
        )
        assert print_cmd.run(parse(["print-test"]), cfg, ReceiptConfig()) == 0
        assert printer.wait_for_receipts(1)
        (page,) = printer.receipts()
    text = page.text()
    for letter in "ЁёЪъЫыЭэҐґЄєІіЇї":
        assert letter in text
    assert page.code_pages() == ["CP1251"] and page.cuts() == 1 and page.qr_codes()
    assert "CP1251 (ESC t 46)" in capsys.readouterr().out


@pytest.mark.integration
def test_print_test_says_what_is_wrong(capsys):
    with LoopbackPrinter(behaviour=Behaviour.PAPER_OUT) as printer:
        cfg = PrinterConfig(
            transport=Transport.NETWORK, host=printer.host, port=printer.port, timeout_s=0.5
        )
        assert print_cmd.run(parse(["print-test"]), cfg, ReceiptConfig()) == 1
    assert "out of paper" in capsys.readouterr().err


def test_print_test_without_a_printer(capsys, tmp_path: Path):
    out = tmp_path / "t.png"
    assert (
        print_cmd.run(parse(["print-test", "--out", str(out)]), PrinterConfig(), ReceiptConfig())
        == 1
    )
    assert out.exists()
    assert "no printer configured" in capsys.readouterr().err
