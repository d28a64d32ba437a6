"""The cashier app's figures: card event to member panel painted, and start-up time.

- card_to_screen: a CardPresented made on a reader thread goes through the real signal
  bridge to the window, which identifies the card in the cache and paints the member
  panel (a synchronous repaint); timed from the event's creation to the end of the
  paint, offscreen.
- startup_s: `loyalty-terminal run` in a new process, from the moment it is started to
  its window shown and the first events processed (it then quits by itself).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

STARTUP_CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from terminal.config import defaults
from terminal.store.database import Database
from terminal.ui.app import TillApp
db = Database.open(sys.argv[1], create=False)
till_app = TillApp(defaults(), db)
till_app.start().show()
app.processEvents()
print("READY", flush=True)
till_app.stop()
"""


def card_to_screen(db_path: Path, cards: int, samples: int = 300) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from drivers.events import CardPresented, CardType, Technology
    from terminal.services import demo_data
    from terminal.services.till import Till
    from terminal.store.database import Database
    from terminal.ui.bridge import EventBridge
    from terminal.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    rng = random.Random(7)
    times: list[float] = []
    with Database.open(db_path, create=False) as db:
        window = MainWindow(Till(db), login=False)
        window.resize(1280, 800)
        window.show()
        bridge = EventBridge()
        window.connect_bridge(bridge)

        def painted(event: object) -> None:
            window.member.repaint()
            assert isinstance(event, CardPresented)
            times.append((time.perf_counter() - event.t_detected) * 1000)

        bridge.card_event.connect(painted)  # runs after the window's own slot
        for _ in range(samples):
            uid = demo_data.demo_card_uid(rng.randrange(1, cards + 1))

            def tap(uid: str = uid) -> None:
                bridge.sink(
                    CardPresented(
                        source="bench",
                        technology=Technology.CONTACTLESS,
                        card_type=CardType.UID_ONLY,
                        uid=uid,
                        t_detected=time.perf_counter(),
                    )
                )

            before = len(times)
            t = threading.Thread(target=tap)
            t.start()
            t.join()
            while len(times) == before:
                app.processEvents()
        window.close()
    return times


def startup(db_path: Path, runs: int = 3) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", STARTUP_CHILD, str(db_path)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        out.append(time.perf_counter() - t0)
        proc.wait(30)
        proc.stdout.close()
        if not line.startswith("READY"):
            raise RuntimeError("the app did not start")
    return out


def run(db_path: Path, cards: int) -> dict[str, float]:
    """Both figures, each measured in a process of its own (Qt stays out of the caller)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_ui", str(db_path), str(cards)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=True,
    )
    shots = sorted(float(x) for x in child.stdout.split())
    starts = startup(db_path)
    return {
        "card_to_screen_p50_ms": round(shots[len(shots) // 2], 3),
        "card_to_screen_p95_ms": round(shots[int(len(shots) * 0.95)], 3),
        "startup_s": round(max(starts), 2),
    }


if __name__ == "__main__":
    # The card-to-screen samples, one per line; then leave without Qt's teardown.
    for ms in card_to_screen(Path(sys.argv[1]), int(sys.argv[2])):
        print(ms)
    sys.stdout.flush()
    os._exit(0)
