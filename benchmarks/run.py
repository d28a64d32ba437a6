"""`make bench`: build a cache of SCALE demo members and measure what the till feels.

Progress goes to stderr; the last line on stdout is one JSON object with the figures.
Lookups and quotes are timed one call at a time over many random cards, and reported as
percentiles in milliseconds. The checkout commit is the whole durable checkout (quote,
operation and outbox row, COMMIT with fsync).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from common.clock import FixedClock
from terminal.loyalty import Money, quote
from terminal.services import demo_data
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey, card_terms, identify, member_state, search
from terminal.services.till import Till
from terminal.store import queries
from terminal.store.database import Database
from terminal.store.records import PendingTotals


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - t0) / 1e6)
    return out


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(path: Path, scale: int, samples: int, commits: int) -> dict[str, Any]:
    figures: dict[str, Any] = {"scale": scale}
    t0 = time.perf_counter()
    with Database.open(path) as db, db.write() as conn:
        summary = demo_data.fill(conn, scale)
    figures["build_s"] = round(time.perf_counter() - t0, 2)
    figures["cards"] = summary.cards
    say(f"built {scale} members, {summary.cards} cards in {figures['build_s']} s")

    rng = random.Random(1)
    db = Database.open(path, create=False)
    clock = FixedClock(datetime(2026, 11, 22, 10, 0, tzinfo=UTC))
    till = Till(db, clock)
    program = till.program
    card_ids = [rng.randrange(1, summary.cards + 1) for _ in range(samples)]
    numbers = iter([demo_data.demo_card_number(i) for i in card_ids] * 2)
    uids = iter([demo_data.demo_card_uid(i) for i in card_ids])

    # A warm-up pass, as a till that has been running: the index pages in the OS cache.
    with db.read() as conn:
        for _ in range(samples):
            queries.card_by_number(conn, next(numbers))

    conn_cm = db.read()
    conn = conn_cm.__enter__()
    by_uid = timed(lambda: queries.card_by_uid(conn, next(uids)), samples)
    by_number = timed(lambda: queries.card_by_number(conn, next(numbers)), samples)
    card_times = by_uid + by_number
    figures["lookup_card_p50_ms"] = round(percentile(card_times, 50), 4)
    figures["lookup_card_p99_ms"] = round(percentile(card_times, 99), 4)

    phones = [
        m.phone
        for m in (queries.member_by_id(conn, rng.randrange(1, scale + 1)) for _ in range(samples))
        if m is not None and m.phone
    ]
    conn_cm.__exit__(None, None, None)
    it_phones = iter(phones)
    phone_times = timed(lambda: search(till.unit(), next(it_phones)), len(phones))
    figures["lookup_phone_p99_ms"] = round(percentile(phone_times, 99), 4)

    keys = iter([CardKey(uid=demo_data.demo_card_uid(i)) for i in card_ids])

    ident_times = timed(lambda: identify(till.unit(), next(keys)), samples)
    figures["identify_p50_ms"] = round(percentile(ident_times, 50), 4)
    figures["identify_p99_ms"] = round(percentile(ident_times, 99), 4)

    with db.read() as conn:
        states = []
        for member_id in (rng.randrange(1, scale + 1) for _ in range(500)):
            m = queries.member_by_id(conn, member_id)
            cards = queries.cards_of_member(conn, member_id)
            if m is not None and cards:
                terms = card_terms(cards[0])
                if terms.state.value == "active":
                    states.append((terms, member_state(m, PendingTotals())))
    amounts = [Money.from_minor(rng.randrange(1000, 2_000_000)) for _ in range(samples)]
    today = clock.today()
    qi = iter(range(samples))

    def quote_one() -> None:
        i = next(qi)
        terms, state = states[i % len(states)]
        quote(program, terms, state, amounts[i], today, None)

    quote_times = timed(quote_one, samples)
    figures["quote_p99_ms"] = round(percentile(quote_times, 99), 4)

    with db.read() as conn:
        active = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT number FROM cards WHERE state='active' AND kind='personal' "
                "AND id % 97 = 1 LIMIT 200"
            )
        ]
    ci = iter(range(commits))
    commit_times = timed(
        lambda: checkout(
            till.unit(),
            CardKey(number=active[next(ci) % len(active)]),
            Money.parse("1000"),
            Decimal(0),
        ),
        commits,
    )
    figures["checkout_commit_p50_ms"] = round(percentile(commit_times, 50), 3)
    figures["checkout_commit_p99_ms"] = round(percentile(commit_times, 99), 3)
    figures["rss_mb"] = round(rss_mb(), 1)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    db.close()
    figures["db_mb"] = round(path.stat().st_size / 2**20, 1)
    from benchmarks import bench_ui

    say("measuring the app: card to screen, start-up")
    figures.update(bench_ui.run(path, summary.cards))
    return figures


def receipt_figures() -> dict[str, Any]:
    from benchmarks import bench_receipt

    say("measuring receipt layout and encoding")
    return dict(bench_receipt.run())


def hardware_figures() -> dict[str, Any]:
    try:
        from benchmarks import bench_card_event
    except ImportError:
        return {}
    say("measuring card events (pcscd + vpcd, pty)")
    try:
        return dict(bench_card_event.run())
    except Exception as exc:  # reported in the JSON, never hidden
        return {"card_event_error": f"{type(exc).__name__}: {exc}"}


def sync_figures(tmp: Path, cache: Path, push_ops: int) -> dict[str, Any]:
    from benchmarks import bench_sync

    say("measuring sync: first download from the office, draining the outbox")
    work = tmp / "sync"
    work.mkdir()
    return bench_sync.run(cache, work, push_ops)


def nightly_figures(tmp: Path, scale: int) -> dict[str, Any]:
    from benchmarks import bench_nightly

    say("measuring the office's nightly job: the rolling window aged for SCALE members")
    work = tmp / "nightly"
    work.mkdir()
    return bench_nightly.run(work, scale)


def gui_stall_figures(tmp: Path, cache: Path, ops: int) -> dict[str, Any]:
    from benchmarks import bench_gui_stall

    say("measuring the app's GUI thread while it syncs: first download, then a push")
    work = tmp / "gui"
    work.mkdir()
    return bench_gui_stall.run(cache, work, ops)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=20_000)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--dir", type=Path, help="where to build the cache (default: a temp dir)")
    parser.add_argument("--no-hardware", action="store_true", help="skip the card-event figures")
    parser.add_argument(
        "--push-ops", type=int, default=10_000, help="operations queued for push_10k_s"
    )
    parser.add_argument(
        "--gui-ops", type=int, default=2000, help="operations pushed while timing the GUI"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        figures = measure(Path(tmp) / "bench.sqlite3", args.scale, args.samples, args.commits)
        figures.update(sync_figures(Path(tmp), Path(tmp) / "bench.sqlite3", args.push_ops))
        figures.update(gui_stall_figures(Path(tmp), Path(tmp) / "bench.sqlite3", args.gui_ops))
        figures.update(nightly_figures(Path(tmp), args.scale))
    figures.update(receipt_figures())
    if not args.no_hardware:
        figures.update(hardware_figures())
    figures["machine"] = f"{platform.machine()} {os.cpu_count()} cpu, {platform.python_version()}"
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
