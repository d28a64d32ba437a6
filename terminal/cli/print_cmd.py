"""``loyalty-terminal print-preview`` and ``print-test``: receipts for store IT.

- ``print-preview --out receipt.png [--kind purchase] [--width 80] [--language ru]``
  draws a sample receipt of every layout from the very bytes the printer would get.
- ``print-test [--out page.png]`` prints a test page on the configured printer (every
  Russian and Ukrainian letter, the code page in use, a QR code, a cut) and says what
  happened; it waits at most the printer's timeout, a few times over.

The lead's command module calls :func:`add_parser` and, for both subcommands,
``run(args, config.printer, config.receipt)``; ``args.print_command`` says which.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from drivers.printer import codepages
from drivers.printer.config import PrinterConfig, Transport
from drivers.printer.encoder import encode
from drivers.printer.transport import PrintError, print_bytes
from terminal.receipts.config import LANGUAGES, ReceiptConfig
from terminal.receipts.layouts import layout_receipt, layout_shift, layout_test_page
from terminal.receipts.model import ShiftReport
from terminal.receipts.preview import save_png
from terminal.receipts.samples import KINDS, sample

EXIT_OK, EXIT_ERROR = 0, 1


def add_parser(subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()) -> None:
    p = subparsers.add_parser(
        "print-preview",
        parents=list(parents),
        help="draw a sample receipt to a PNG, from the bytes the printer would get",
    )
    p.add_argument("--out", type=Path, required=True, metavar="PNG")
    p.add_argument("--kind", choices=KINDS, default="purchase")
    p.add_argument("--width", type=int, choices=(58, 80), help="paper width (default: config)")
    p.add_argument("--language", choices=LANGUAGES, help="receipt language (default: config)")
    p.set_defaults(print_command="preview")

    p = subparsers.add_parser(
        "print-test",
        parents=list(parents),
        help="print a test page: every letter, the code page, a QR code, a cut",
    )
    p.add_argument("--out", type=Path, metavar="PNG", help="also save its preview")
    p.set_defaults(print_command="test")


def sample_bytes(kind: str, printer: PrinterConfig, receipt: ReceiptConfig) -> bytes:
    data = sample(kind, receipt.language)
    if isinstance(data, ShiftReport):
        doc = layout_shift(data, receipt, printer.width_mm)
    else:
        doc = layout_receipt(data, receipt, printer.width_mm, drawer_kick=printer.drawer_kick)
    return encode(doc, printer.profile)


def test_page_bytes(printer: PrinterConfig, receipt: ReceiptConfig) -> tuple[bytes, str]:
    """The test page, and the code page it uses ("CP866 (ESC t 17)")."""
    text = codepages.RUSSIAN + codepages.UKRAINIAN
    page = codepages.choose(printer.profile, text)
    name = f"{page.name} (ESC t {page.number})" if page else "none (ASCII)"
    where = f"{printer.describe()}, {printer.profile}, {printer.width_mm} mm"
    return encode(layout_test_page(receipt, printer.width_mm, name, where), printer.profile), name


def _no_folder(out: Path | None) -> bool:
    """Says so in one line if the preview's folder is missing (nothing is drawn then)."""
    if out is None or out.parent.is_dir():
        return False
    print(f"loyalty-terminal: cannot write {out}: no folder {out.parent}", file=sys.stderr)
    return True


def run(args: argparse.Namespace, printer: PrinterConfig, receipt: ReceiptConfig) -> int:
    if _no_folder(args.out):
        return EXIT_ERROR
    if args.print_command == "preview":
        if args.width:
            printer = replace(printer, width_mm=args.width)
        if args.language:
            receipt = replace(receipt, language=args.language)
        data = sample_bytes(args.kind, printer, receipt)
        save_png(data, args.out, profile=printer.profile, width_mm=printer.width_mm)
        print(f"{args.kind} receipt, {printer.width_mm} mm: {args.out}")
        return EXIT_OK
    data, code_page = test_page_bytes(printer, receipt)
    if args.out:
        save_png(data, args.out, profile=printer.profile, width_mm=printer.width_mm)
        print(f"preview: {args.out}")
    if printer.transport is Transport.NONE:
        print("no printer configured: set [printer] transport", file=sys.stderr)
        return EXIT_ERROR
    try:
        print_bytes(printer, data)
    except PrintError as exc:
        print(f"{printer.describe()}: {exc} ({exc.status.value})", file=sys.stderr)
        return EXIT_ERROR
    print(f"test page printed on {printer.describe()}, code page {code_page}")
    return EXIT_OK
