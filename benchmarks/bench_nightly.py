"""The office's nightly job (``python -m office nightly``, office/window.py) at SCALE members.

An office database (SQLite, in a temp folder) with SCALE members and ``--ops`` purchases
each, their days spread over the 400 days before the last one; the program's tiers by a
rolling window of 365 days. Two runs: the first ever (every purchase older than the window
leaves it: ``nightly_first_s``), then the next day's (one day of purchases leaves it:
``nightly_window_s``, what a night costs). Also the members each run changed and the
process's peak RSS during the two runs (the members are streamed, never all in memory).

Run alone: ``python -m benchmarks.bench_nightly --scale 100000``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from office import entities, window
from office.db import OfficeDB
from office.models import members, operations
from terminal.loyalty import SpendBasis, standard_program

LAST_DAY = date(2026, 11, 30)
SPREAD_DAYS = 400
CHUNK = 20_000


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _member(i: int) -> dict[str, Any]:
    return {
        "id": i,
        "full_name": f"Member {i}",
        "address_as": f"Member {i}",
        "priority_service": False,
        "consent_personal_data": True,
        "consent_marketing": False,
        "balance_centi": 0,
        "lifetime_spend_minor": 0,
        "window_spend_minor": 0,
        "purchases": 0,
        "deleted": False,
        "overdrawn": False,
        "seq": 0,
    }


def fill(db: OfficeDB, scale: int, ops_each: int, seed: int = 7) -> int:
    """SCALE members, each with ``ops_each`` applied purchases on random days; the members'
    figures are their purchases' (what the ledger would have made). Returns the ops."""
    rng = random.Random(seed)
    program = dataclasses.replace(
        standard_program(), version=2, spend_basis=SpendBasis.WINDOW, window_days=365
    )
    with db.write() as conn:
        entities.set_program(conn, db.now(), program.code, program.version, program.to_dict())
    count = 0
    for first in range(1, scale + 1, CHUNK):
        people, ops = [], []
        for i in range(first, min(first + CHUNK, scale + 1)):
            row = _member(i)
            for _ in range(ops_each):
                day = (LAST_DAY - timedelta(days=rng.randrange(SPREAD_DAYS))).isoformat()
                spend = rng.randrange(10_000, 2_500_000)  # 100 to 25,000: tiers move
                count += 1
                op_id = f"bench-{count:012d}"
                at = f"{day}T12:00:00.000000+00:00"
                body = {
                    "id": op_id,
                    "kind": "purchase",
                    "member_id": i,
                    "card_id": i,
                    "created_at": at,
                    "spend_delta_minor": spend,
                    "purchases_delta": 1,
                    "facts": {"day": day},
                }
                ops.append(
                    {
                        "terminal_id": 1,
                        "op_id": op_id,
                        "seq": count,
                        "kind": "purchase",
                        "body_hash": "0" * 64,
                        "body": json.dumps(body, sort_keys=True),
                        "reverses": None,
                        "status": "applied",
                        "result": "{}",
                        "received_at": at,
                        "applied_at": at,
                    }
                )
                row["lifetime_spend_minor"] += spend
                row["window_spend_minor"] += spend
                row["purchases"] += 1
            people.append(row)
        with db.write() as conn:
            conn.execute(insert(members), people)
            conn.execute(insert(operations), ops)
    return count


def _hwm_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def run(workdir: Path, scale: int, ops_each: int = 4) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    db = OfficeDB.open(str(workdir / "office-nightly.sqlite3"))
    try:
        t0 = time.perf_counter()
        n_ops = fill(db, scale, ops_each)
        say(f"office with {scale} members, {n_ops} purchases in {time.perf_counter() - t0:.1f} s")
        # The job's own memory: the peak resident size counted afresh after the fill
        # (Linux: writing 5 to clear_refs resets VmHWM).
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        first_day = LAST_DAY + timedelta(days=1)
        for name, day in (
            ("nightly_first", first_day),
            ("nightly_window", first_day + timedelta(1)),
        ):
            t0 = time.perf_counter()
            result = window.nightly(db, day)
            seconds = round(time.perf_counter() - t0, 2)
            assert result is not None
            figures[f"{name}_s"] = seconds
            figures[f"{name}_changed"] = result.changed
            say(f"{name}: {result.summary()} in {seconds} s")
        figures["nightly_members"] = scale
        figures["nightly_ops"] = n_ops
        figures["nightly_peak_rss_mb"] = _hwm_mb()
    finally:
        db.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--ops", type=int, default=4, help="purchases of each member")
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        figures = run(Path(tmp), args.scale, args.ops)
    figures["machine"] = f"{os.uname().machine} {os.cpu_count()} cpu"
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
