"""Card event latency: from the hardware's report to our event, p50/p95 in ms.

Two sources, about 100 events in all, on the real stack:
- contactless: a virtual card tapped on pcscd's vpcd readers, measured from the moment
  SCardGetStatusChange returned the insertion (the event's ``t_detected``) to the event;
- serial magnetic stripe: swipes played into a pty, measured from just before the last
  byte is written to the event.
Starts (and stops) its own pcscd if none is running (needs root). ``python -m
benchmarks.bench_card_event`` prints the figures as JSON.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from drivers.config import PcscConfig, SerialReaderConfig, demo_rules
from drivers.events import CardPresented, CardRemoved, ReaderAppeared
from drivers.pcsc import PcscDriver
from drivers.serial_msr import SerialMsrDriver
from drivers.virtual.cards import VirtualCard
from drivers.virtual.demo_card import demo_number, demo_uid
from drivers.virtual.pcscd import Pcscd, wait_empty
from drivers.virtual.pty_msr import PtyMsr
from drivers.virtual.recorder import Recorder
from drivers.virtual.vpcd_card import VpcdCard

TAPS = 40
SWIPES = 60


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _on_reader(reader: int) -> Callable[[CardPresented | CardRemoved], bool]:
    name = f"Virtual PCD 00 0{reader}"
    return lambda e: e.source == name


def _taps(recorder: Recorder, n: int) -> list[float]:
    """Tap cards on the two readers in turn: while pcscd notices one reader's card leave
    (~0.4 s), the other reader's tap is measured."""
    latencies: list[float] = []
    driver = PcscDriver(PcscConfig(poll_timeout_ms=500), demo_rules(), recorder)
    driver.start()
    removed_at = [0, 0]  # recorder mark at each reader's last removal
    try:
        for i in range(n):
            reader = i % 2
            if i >= 2:  # vpcd: the previous card must be seen gone before the next one
                recorder.wait_for(CardRemoved, _on_reader(reader), after=removed_at[reader])
            mark = recorder.mark()
            with VpcdCard(VirtualCard(bytes.fromhex(demo_uid(i + 1))), reader):
                [event] = recorder.wait_for(CardPresented, _on_reader(reader), after=mark)
                removed_at[reader] = recorder.mark()
            latencies.append(event.t_emitted - event.t_detected)
    finally:
        driver.stop()
    return latencies


def _swipes(recorder: Recorder, n: int, folder: Path) -> list[float]:
    latencies: list[float] = []
    with PtyMsr(folder / "ttyBENCH") as pty:
        driver = SerialMsrDriver(SerialReaderConfig(port=str(pty.path)), demo_rules(), recorder)
        driver.start()
        try:
            recorder.wait_for(ReaderAppeared)  # the port is open (opening flushes input)
            for i in range(n):
                data = f";{demo_number(i + 1)}=4912?\r\n".encode("ascii")
                mark = recorder.mark()
                pty.write(data[:-1])
                t_last = time.monotonic()
                pty.write(data[-1:])
                [event] = recorder.wait_for(CardPresented, after=mark)
                latencies.append(event.t_emitted - t_last)
        finally:
            driver.stop()
    return latencies


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-card-") as tmp:
        folder = Path(tmp)
        daemon = Pcscd(folder / "pcscd.log")
        daemon.start()
        try:
            wait_empty()
            recorder = Recorder()
            taps = _taps(recorder, TAPS)
            swipes = _swipes(Recorder(), SWIPES, folder)
        finally:
            daemon.stop()
    all_ms = [x * 1000 for x in taps + swipes]
    return {
        "card_event_p50_ms": round(statistics.median(all_ms), 3),
        "card_event_p95_ms": round(_percentile(all_ms, 0.95), 3),
        "card_event_max_ms": round(max(all_ms), 3),
        "card_event_count": float(len(all_ms)),
        "contactless_p95_ms": round(_percentile([x * 1000 for x in taps], 0.95), 3),
        "magstripe_p95_ms": round(_percentile([x * 1000 for x in swipes], 0.95), 3),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
