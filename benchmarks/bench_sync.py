"""Sync with the reference office over HTTP on loopback.

``run(cache, workdir, push_ops)`` returns:

- ``initial_sync_s``: a new till's first download. The office (``python -m office
  serve``, a process of its own, SQLite) is seeded from ``cache`` (SCALE members and
  their cards); an enrolled till with an empty cache runs one sync pass: the snapshot
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
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from office import admin, auth
from office.db import OfficeDB
from sync.client import OfficeClient, Timeouts
from sync.engine import Syncer
from terminal.store import ledger
from terminal.store.database import Database
from terminal.store.records import NewOperation


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"the office exited with {proc.returncode}")
        try:
            requests.get(f"{url}/v1/hello", timeout=1).close()
            return
        except requests.RequestException:
            if time.monotonic() > deadline:
                raise RuntimeError("the office did not start") from None
            time.sleep(0.1)


def _now() -> datetime:
    return datetime.now(UTC)


def _queue(db: Database, n: int) -> None:
    """``n`` purchases on random members' cards, recorded as the till records them."""
    rng = random.Random(7)
    with db.read() as conn:
        pairs = conn.exec_driver_sql(
            "SELECT id, member_id FROM cards WHERE member_id IS NOT NULL AND state = 'active' "
            "ORDER BY id LIMIT 50000"
        ).all()
    with db.write() as conn:
        for _ in range(n):
            card, member = pairs[rng.randrange(len(pairs))]
            amount = rng.randrange(10_000, 500_000)
            ledger.record(
                conn,
                NewOperation(
                    id=str(uuid.uuid4()),
                    kind="purchase",
                    created_at=_now().isoformat(),
                    card_id=int(card),
                    member_id=int(member),
                    amount_minor=amount,
                    paid_minor=amount,
                    points_earned_centi=amount // 100,
                    points_delta_centi=amount // 100,
                    spend_delta_minor=amount,
                    purchases_delta=1,
                ),
            )


@contextmanager
def office_process(
    cache: Path, workdir: Path, name: str = "bench till"
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``python -m office serve`` in a process of its own, seeded from ``cache``;
    yields its URL and an enrolment (terminal_id, name, token) made for one till."""
    office_path = workdir / f"office-{name.replace(' ', '-')}.sqlite3"
    t0 = time.perf_counter()
    office = OfficeDB.open(str(office_path))
    try:
        n_members, n_cards = admin.seed_from_cache(office, cache)
        code = auth.create_code(office, name)
    finally:
        office.close()
    say(
        f"office seeded with {n_members} members, {n_cards} cards in "
        f"{time.perf_counter() - t0:.1f} s"
    )
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "office",
            "--db",
            str(office_path),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_up(url, proc)
        with OfficeClient(url) as anon:
            yield url, dict(anon.enrol(code).body)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


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
