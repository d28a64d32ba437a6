"""Laying out and encoding a purchase receipt (what the till does before the commit).

``run()`` returns {"receipt_render_p95_ms": ...}: from the receipt's data to the ESC/POS
bytes, 80 mm paper, the default profile, a QR code, a birthday greeting, Cyrillic text.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace

from drivers.printer.encoder import encode
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.layouts import layout_receipt
from terminal.receipts.model import ReceiptData
from terminal.receipts.samples import sample


def run(samples: int = 2000) -> dict[str, float]:
    base = sample("purchase")
    assert isinstance(base, ReceiptData)
    cfg = ReceiptConfig(header=("ООО «Ромашка»", "г. Москва, ул. Ленина, 1", "ИНН 7701234567"))
    for i in range(50):  # warm-up: code page tables, profile, QR library
        encode(layout_receipt(replace(base, seq=i), cfg, 80))
    times = []
    for i in range(samples):
        data = replace(base, seq=1000 + i, operation_id=f"op-{i:08d}")
        t0 = time.perf_counter_ns()
        encode(layout_receipt(data, cfg, 80, drawer_kick=True), "default")
        times.append((time.perf_counter_ns() - t0) / 1e6)
    times.sort()
    return {
        "receipt_render_p50_ms": round(times[len(times) // 2], 3),
        "receipt_render_p95_ms": round(times[int(0.95 * (len(times) - 1))], 3),
    }


if __name__ == "__main__":
    print(json.dumps(run()))
