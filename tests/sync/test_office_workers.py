"""The office as a service: ``python -m office --config FILE serve --workers 4`` on the
real PostgreSQL. Four worker processes share one port; two tills push through the fault
proxy (lost answers, duplicates sent at once, resets, bursts of 5xx) while a worker is
killed and started again; every operation is at the office exactly once. The
configuration file's settings, and its typos, and SQLite's refusal of several workers."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pg
import pytest
from faultproxy import Fault, FaultProxy, FaultRates
from officekit import enrolled_terminal, now
from sqlalchemy import select
from workload import Workload, member_cards

from office import service_config
from office.__main__ import _parse
from office.db import OfficeDB
from office.models import operations as office_operations
from office.seed import import_seed
from sync import credentials
from sync.client import OfficeClient, Timeouts
from sync.engine import Syncer
from sync.worker import Backoff, SyncWorker
from terminal.store import push_outcomes
from terminal.store.database import Database

pytestmark = pytest.mark.integration

OFFICE = [sys.executable, "-m", "office"]
RATES = FaultRates(lose_response=0.08, error_5xx=0.04, reset_before=0.06, duplicate=0.1)


@dataclass
class ServedOffice:
    """What officekit.enrol needs of an office: its database and its URL."""

    db: OfficeDB
    url: str
    host: str
    port: int
    proc: subprocess.Popen[bytes]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()]


def _ready_args(ready: Path) -> list[str]:
    return ["--ready-file", str(ready), "--watch-stdin"]


@contextmanager
def _office_process(tmp_path: Path, config: Path) -> Iterator[subprocess.Popen[bytes]]:
    ready = tmp_path / "ready"
    proc = subprocess.Popen(
        [*OFFICE, "--config", str(config), "serve", "--port", "0", *_ready_args(ready)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                assert proc.stderr is not None
                pytest.fail(f"the office did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.05)
        yield proc
    finally:
        assert proc.stdin is not None
        proc.stdin.close()  # --watch-stdin: the office stops, and its workers with it
        try:
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
            if proc.stderr is not None:
                proc.stderr.close()


@pytest.fixture
def served(pg_url: str, demo_seed: Path, tmp_path: Path) -> Iterator[ServedOffice]:
    pg.reset(pg_url)
    db = OfficeDB.open(pg_url)
    import_seed(db, demo_seed)
    config = tmp_path / "office.toml"
    config.write_text(
        f'[office]\ndatabase = "{pg_url}"\nhost = "127.0.0.1"\nworkers = 4\n'
        "[limits]\nmax_connections = 64\n",
        encoding="utf-8",
    )
    try:
        with _office_process(tmp_path, config) as proc:
            url = (tmp_path / "ready").read_text().strip()
            host, port = url.removeprefix("http://").rsplit(":", 1)
            yield ServedOffice(db, url, host, int(port), proc)
    finally:
        db.close()


def _sync_worker(db: Database, url: str, token: str, seed: int) -> SyncWorker:
    client = OfficeClient(url, token, timeouts=Timeouts(connect=1.0, read=0.5))
    syncer = Syncer(db, client, now, push_batch=10, feed_page=300, snapshot_page=500)
    return SyncWorker(
        db,
        client,
        clock=now,
        rng=random.Random(seed),
        poll_s=0.3,
        backoff=Backoff(base_s=0.005, cap_s=0.1),
        syncer=syncer,
        name=f"sync-{seed}",
    )


def test_four_workers_on_postgresql_apply_every_operation_exactly_once(
    served: ServedOffice, tmp_path: Path
) -> None:
    workers_at_start = _children(served.proc.pid)
    assert len(workers_at_start) == 4  # four processes behind the one port
    rng = random.Random(20261203)
    n_ops = 300
    with ExitStack() as stack:
        tills = [
            stack.enter_context(enrolled_terminal(served, tmp_path / n, n))  # type: ignore[arg-type]
            for n in ("till-a", "till-b")
        ]
        for t in tills:
            credentials.note_in_cache(t.db, t.creds)
            t.sync()
        cards = member_cards(tills[0].db, 40)
        proxy = stack.enter_context(FaultProxy(served.host, served.port, seed=7, rates=RATES))
        loads = [Workload(t.db, random.Random(i), cards) for i, t in enumerate(tills)]
        syncs = [_sync_worker(t.db, proxy.url, t.creds.token, 100 + i) for i, t in enumerate(tills)]
        for w in syncs:
            stack.callback(w.stop)
            w.start()
        made: list[set[str]] = [set(), set()]
        for i in range(n_ops):
            which = rng.randrange(2)
            made[which].add(loads[which].step())
            syncs[which].wake()
            if i == n_ops // 2:  # a worker dies mid-stream: another takes its place
                os.kill(workers_at_start[0], signal.SIGKILL)
            if i % 10 == 0:
                time.sleep(0.01)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            with tills[0].db.read() as a, tills[1].db.read() as b:
                waiting = [push_outcomes.counts(c).waiting for c in (a, b)]
            if waiting == [0, 0]:
                break
            time.sleep(0.1)
        assert waiting == [0, 0], [w.status for w in syncs]
        faults = proxy.faults()
        assert sum(n for f, n in faults.items() if f is not Fault.NONE) > 20, faults
    with served.db.read() as conn:
        rows = conn.execute(
            select(
                office_operations.c.terminal_id,
                office_operations.c.op_id,
                office_operations.c.status,
            )
        ).all()
    keys = [(int(r[0]), str(r[1])) for r in rows]
    assert len(keys) == len(set(keys)) == n_ops  # exactly once
    assert {str(r[2]) for r in rows} == {"applied"}
    by_till = {t.creds.terminal_id: ids for t, ids in zip(tills, made, strict=True)}
    for tid, ids in by_till.items():
        assert {op for t_id, op in keys if t_id == tid} == ids
    after = _children(served.proc.pid)
    assert len(after) == 4 and workers_at_start[0] not in after  # the dead one replaced


def test_sqlite_refuses_more_than_one_worker(tmp_path: Path) -> None:
    done = subprocess.run(
        [*OFFICE, "--db", str(tmp_path / "o.sqlite3"), "serve", "--workers", "2", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "--workers above 1 needs PostgreSQL" in done.stderr


def test_the_configuration_file_sets_serve_and_the_command_line_wins(tmp_path: Path) -> None:
    config = tmp_path / "office.toml"
    config.write_text(
        '[office]\ndatabase = "/var/lib/x.sqlite3"\nport = 9100\nworkers = 3\n'
        "api_docs = true\n[limits]\nmax_connections = 77\nheader_timeout_s = 2.5\n",
        encoding="utf-8",
    )
    args = _parse(["--config", str(config), "serve", "--port", "9200"])
    assert (args.db, args.port, args.workers, args.api_docs) == (
        "/var/lib/x.sqlite3",
        9200,
        3,
        True,
    )
    assert (args.max_connections, args.header_timeout_s) == (77, 2.5)
    assert _parse(["serve"]).workers == 1  # no file: the defaults


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[office]\nworkerz = 4\n", "has no key 'workerz'"),
        ("[limits]\nmax_connections = true\n", "must be a whole number"),
        ('[office]\nport = "8700"\n', "must be a whole number"),
        ("[offise]\n", "unknown table(s) offise"),
        ("[office\n", "is not valid TOML"),
    ],
)
def test_a_typo_in_the_configuration_is_refused_with_its_name(
    tmp_path: Path, text: str, words: str
) -> None:
    config = tmp_path / "office.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(service_config.ConfigFileError) as refused:
        service_config.load(config)
    assert words in str(refused.value)
    done = subprocess.run(
        [*OFFICE, "--config", str(config), "serve"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr


def test_the_example_configuration_is_valid() -> None:
    example = Path(__file__).parents[2] / "installer" / "office" / "office.toml"
    settings = service_config.load(example)
    assert settings["workers"] == 4 and settings["db"].startswith("postgresql+psycopg://")
    unit = example.with_name("loyalty-office.service").read_text(encoding="utf-8")
    assert "--config /etc/loyalty-office/office.toml serve" in unit
