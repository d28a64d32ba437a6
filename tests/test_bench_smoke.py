"""`make bench` keeps working: a tiny run prints its JSON line with every figure.
(The figures themselves are measured by `make bench`, never asserted by tests.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
FIGURES = {
    "build_s",
    "lookup_card_p50_ms",
    "lookup_card_p99_ms",
    "lookup_phone_p99_ms",
    "quote_p99_ms",
    "checkout_commit_p99_ms",
    "db_mb",
    "rss_mb",
    "receipt_render_p95_ms",
    "card_to_screen_p95_ms",
    "startup_s",
    "initial_sync_s",
    "push_10k_s",
    "gui_stall_max_ms",
}


def test_bench_prints_every_figure_as_its_last_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--scale",
            "300",
            "--samples",
            "200",
            "--commits",
            "20",
            "--push-ops",
            "200",
            "--gui-ops",
            "50",
            "--no-hardware",
            "--dir",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert FIGURES <= set(figures)
    assert all(figures[k] > 0 for k in FIGURES)
