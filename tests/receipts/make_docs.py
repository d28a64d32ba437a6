"""Regenerate docs/receipts/*.png: ``python -m tests.receipts.make_docs``."""

from __future__ import annotations

from pathlib import Path

from drivers.printer.config import PrinterConfig
from terminal.cli.print_cmd import sample_bytes, test_page_bytes
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.preview import save_png
from terminal.receipts.samples import KINDS

DOCS = Path(__file__).parents[2] / "docs" / "receipts"
SHOP = ReceiptConfig(
    header=("ООО «Ромашка»", "г. Москва, ул. Ленина, 1"),
    footer=("Спасибо за покупку!", "Ждём вас снова"),
)
SHOP_UK = ReceiptConfig(
    header=("ТОВ «Ромашка»", "м. Київ, вул. Хрещатик, 1"),
    footer=("Дякуємо за покупку!",),
    language="uk",
)


def expected() -> list[str]:
    names = [f"{k}_{w}.png" for w in (58, 80) for k in (*KINDS, "test_page")]
    return [*names, "purchase_80_uk.png", "purchase_58_pos5890.png"]


def main(out: Path = DOCS) -> None:
    for w in (58, 80):
        p = PrinterConfig(width_mm=w, drawer_kick=True)
        for k in KINDS:
            save_png(sample_bytes(k, p, SHOP), out / f"{k}_{w}.png", width_mm=w)
        save_png(test_page_bytes(p, SHOP)[0], out / f"test_page_{w}.png", width_mm=w)
    uk = PrinterConfig(width_mm=80)
    save_png(sample_bytes("purchase", uk, SHOP_UK), out / "purchase_80_uk.png", width_mm=80)
    pos = PrinterConfig(width_mm=58, profile="POS-5890")
    save_png(
        sample_bytes("purchase", pos, SHOP),
        out / "purchase_58_pos5890.png",
        profile="POS-5890",
        width_mm=58,
    )


if __name__ == "__main__":
    main()
