"""``gui_stall_max_ms``: how long the cashier's GUI thread is kept from running while the
app syncs.

A child process runs the real app (TillApp: the window, the sync worker thread, the
printer thread) offscreen on a new, enrolled till with an empty cache. The office runs
in a process of its own (as it would on another machine), seeded with the bench cache's
members. A 5 ms QTimer in the GUI thread records when it fires; a stall is a gap between
two ticks beyond the interval. Measured over two phases:

1. the first download (snapshot of every member and card, page by page, with the
   progress bar), until the status says online;
2. steady state: ``ops`` operations queued while the till was offline are pushed, and
   the office's answers and the feed are applied, while the cashier's window identifies
   a card every 100 ms (each lookup's own time is excluded from the stall).

Run alone: ``python -m benchmarks.bench_gui_stall --scale 100000``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from terminal.config import from_mapping
from terminal.services.identify import CardKey
from terminal.store.database import Database
from terminal.ui.app import TillApp
from sync.worker import SyncState

path, ops = sys.argv[1], int(sys.argv[2])
INTERVAL_MS = 5


class NoReaders:
    def start(self):
        return self

    def stop(self):
        pass


db = Database.open(path)
config = from_mapping({"terminal": {"language": "en"}, "sync": {"poll_s": 3600}})
till_app = TillApp(config, db, readers_factory=lambda _c, _s: NoReaders())
phase = {"name": "download", "last": None, "excluded": 0.0}
stalls = {"download": [], "steady": []}
states = []


def tick():
    now = time.perf_counter()
    last = phase["last"]
    if last is not None:
        gap = (now - last) * 1000 - phase["excluded"] - INTERVAL_MS
        stalls[phase["name"]].append(max(0.0, gap))
    phase["last"] = now
    phase["excluded"] = 0.0


def on_status(st):
    states.append(st.state)


till_app.bridge.sync_status.connect(on_status)
window = till_app.start()
window.show()
timer = QTimer(interval=INTERVAL_MS)
timer.timeout.connect(tick)
timer.start()
t0 = time.perf_counter()
while not (states and states[-1] is SyncState.ONLINE):
    app.processEvents()
    time.sleep(0.001)
    if time.perf_counter() - t0 > 600:
        raise SystemExit("the first download did not finish in 10 minutes")
download_s = time.perf_counter() - t0

# Steady state: operations queued (as if recorded offline), then one wake-up.
with db.read() as conn:
    cards = [r[0] for r in conn.exec_driver_sql(
        "SELECT id FROM cards WHERE member_id IS NOT NULL AND state = 'active' LIMIT 2000")]
listeners, db.outbox_listeners[:] = list(db.outbox_listeners), []
from decimal import Decimal
from terminal.loyalty import Money
from terminal.services.checkout import checkout
for i in range(ops):
    checkout(till_app.till.unit(), CardKey(card_id=cards[i % len(cards)]), Money.parse("100"),
             Decimal(0))
db.outbox_listeners[:] = listeners
phase.update(name="steady", last=None, excluded=0.0)
states.clear()
t1 = time.perf_counter()
till_app.sync.wake()
next_tap = time.perf_counter()
i = 0
while True:
    app.processEvents()
    now = time.perf_counter()
    if now >= next_tap:
        window.present(CardKey(card_id=cards[i % len(cards)]))
        window.repaint()
        phase["excluded"] += (time.perf_counter() - now) * 1000
        i += 1
        next_tap = now + 0.1
    if states and states[-1] is SyncState.ONLINE:
        with db.read() as conn:
            pending = conn.exec_driver_sql(
                "SELECT count(*) FROM operations WHERE status = 'pending'").scalar()
        if pending == 0:
            break
    if now - t1 > 600:
        raise SystemExit("the push did not finish in 10 minutes")
    time.sleep(0.001)
steady_s = time.perf_counter() - t1
timer.stop()
till_app.stop()
db.close()


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] if xs else 0.0


out = {
    "gui_stall_max_ms": round(max(stalls["download"] + stalls["steady"]), 1),
    "gui_stall_download_max_ms": round(max(stalls["download"] or [0.0]), 1),
    "gui_stall_download_p99_ms": round(pct(stalls["download"], 99), 1),
    "gui_stall_steady_max_ms": round(max(stalls["steady"] or [0.0]), 1),
    "gui_stall_steady_p99_ms": round(pct(stalls["steady"], 99), 1),
    "gui_download_s": round(download_s, 2),
    "gui_push_ops": ops,
    "gui_push_s": round(steady_s, 2),
    "gui_taps": i,
}
print("RESULT " + json.dumps(out), flush=True)
"""


def run(cache: Path, workdir: Path, ops: int = 2000) -> dict[str, Any]:
    """The office in a process of its own, seeded from ``cache``; the app in another."""
    from benchmarks.bench_sync import office_process

    with office_process(cache, workdir, "gui till") as (url, enrolment):
        till = workdir / "gui-till.sqlite3"
        _enrol(till, url, enrolment)
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(till), str(ops)],
            capture_output=True,
            text=True,
            env=_offscreen(),
            timeout=1800,
        )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line[7:]))
    raise RuntimeError(f"the app's stall bench failed: {proc.stderr[-2000:]}")


def _enrol(till: Path, url: str, enrolment: dict[str, Any]) -> None:
    from sync import credentials
    from terminal.store import sync_state
    from terminal.store.database import Database

    creds = credentials.Credentials(
        url, int(enrolment["terminal_id"]), str(enrolment["name"]), str(enrolment["token"])
    )
    with Database.open(till) as db, db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_URL, url)
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, str(creds.terminal_id))
    credentials.save(till, creds)


def _offscreen() -> dict[str, str]:
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def main(argv: list[str] | None = None) -> int:
    from terminal.services import demo_data
    from terminal.store.database import Database

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--ops", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "bench.sqlite3"
        t0 = time.perf_counter()
        with Database.open(cache) as db, db.write() as conn:
            demo_data.fill(conn, args.scale)
        print(f"cache of {args.scale} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        print(json.dumps(run(cache, Path(tmp), args.ops)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
