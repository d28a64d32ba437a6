"""Sync with the reference office over HTTP on loopback.

``run(cache, workdir, push_ops)`` returns:

- ``initial_sync_s``: a new till's first download. The office (``python -m office
  serve``, a process of its own, SQLite) is seeded from ``cache`` (SCALE members and
  their cards, through a seed file: ``loyalty-terminal export-seed``, ``python -m office
  import-seed``); an enrolled till with an empty cache runs one sync pass: the snapshot
  (meta, members, cards, page by page) and the feed to its head.
- ``push_10k_s``: draining ``push_ops`` (default 10,000) operations queued in that
  till's outbox: every batch pushed and answered, every answer recorded in the cache.

Run alone: ``python -m benchmarks.bench_sync --scale 100000``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from common.clock import SystemClock
from sync.client import OfficeClient, Timeouts
from sync.engine import Syncer
from terminal.cli.office_process import create_code, serving
from terminal.cli.office_process import run as run_office
from terminal.cli.seed_cmd import write_seed
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _now() -> datetime:
    return datetime.now(UTC)


def _queue(db: Database, n: int) -> None:
    """``n`` purchases on random members' cards, recorded by the till's own checkout (the
    office works their figures out again: they must be the rules')."""
    rng = random.Random(7)
    with db.read() as conn:
        cards = conn.exec_driver_sql(
            "SELECT id FROM cards WHERE member_id IS NOT NULL AND state = 'active' "
            "ORDER BY id LIMIT 50000"
        ).all()
    till = Till(db, SystemClock(), ids=lambda: str(uuid.uuid4()))
    for _ in range(n):
        card = int(cards[rng.randrange(len(cards))][0])
        amount = Money.from_minor(rng.randrange(10_000, 500_000))
        checkout(till.unit(), CardKey(card_id=card), amount)


@contextmanager
def office_process(
    cache: Path, workdir: Path, name: str = "bench till"
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``python -m office serve`` in a process of its own, seeded from ``cache`` (through
    a seed file: ``export-seed``, then ``python -m office import-seed``) and served on a
    free port (the URL from its ready file); yields its URL and an enrolment
    (terminal_id, name, token) made for one till."""
    office_path = workdir / f"office-{name.replace(' ', '-')}.sqlite3"
    seed = workdir / f"seed-{name.replace(' ', '-')}.jsonl"
    t0 = time.perf_counter()
    with Database.open(cache) as db:
        counts = write_seed(db, seed)
    exported = time.perf_counter() - t0
    run_office(office_path, "import-seed", str(seed))
    seed.unlink()
    code = create_code(office_path, name)
    say(
        f"office seeded with {counts.members} members, {counts.cards} cards in "
        f"{time.perf_counter() - t0:.1f} s (the seed file written in {exported:.1f} s)"
    )
    with serving(office_path) as office, OfficeClient(office.url) as anon:
        yield office.url, dict(anon.enrol(code).body)


def run(cache: Path, workdir: Path, push_ops: int = 10_000) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    with office_process(cache, workdir) as (url, enrolment):
        token = str(enrolment["token"])
        till_path = workdir / "till.sqlite3"
        with (
            Database.open(till_path) as db,
            OfficeClient(url, token, timeouts=Timeouts(5, 120)) as client,
        ):
            syncer = Syncer(db, client, _now)
            t0 = time.perf_counter()
            result = syncer.run_pass()
            figures["initial_sync_s"] = round(time.perf_counter() - t0, 2)
            figures["initial_sync_rows"] = result.snapshot_rows
            say(f"first download: {result.snapshot_rows} rows in {figures['initial_sync_s']} s")

            _queue(db, push_ops)
            t0 = time.perf_counter()
            pushed, acked, _parked, _held = syncer.push_all()
            figures["push_10k_s"] = round(time.perf_counter() - t0, 2)
            figures["push_ops"] = pushed
            if acked != push_ops:
                raise RuntimeError(f"{acked} of {push_ops} operations acknowledged")
            say(f"pushed {pushed} operations in {figures['push_10k_s']} s")
    return figures


def main(argv: list[str] | None = None) -> int:
    from terminal.services import demo_data

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--push-ops", type=int, default=10_000)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        cache = Path(tmp) / "demo.sqlite3"
        with Database.open(cache) as db, db.write() as conn:
            demo_data.fill(conn, args.scale)
        work = Path(tmp) / "sync"
        work.mkdir()
        figures = run(cache, work, args.push_ops)
    figures["machine"] = f"{os.uname().machine} {os.cpu_count()} cpu"
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
