"""kill -9 at random moments: two till processes (tests/sync/killee.py) check out and sync
against the office on loopback and are killed with SIGKILL about 100 times in all, at
random moments (tens to a few hundred milliseconds after start-up), and started again.
Afterwards each cache passes SQLite's integrity check, holds every operation it confirmed
(printed after checkout() returned), and after one clean sync every operation is at the
office exactly once and nothing waits."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from officekit import Terminal, cache_balances, enrol, office_balances, terminal_ops
from sqlalchemy import select

from office import admin
from office.db import OfficeDB
from office.models import holds
from office.models import operations as office_operations
from office.server import OfficeServer
from sync.protocol import OfflineLimits
from terminal.store import push_outcomes
from terminal.store.database import Database

pytestmark = pytest.mark.integration

KILLS = 100  # in all, shared by the tills
TILLS = 2
SEED = int(os.environ.get("KILL_SEED", "9"))
KILLEE = Path(__file__).with_name("killee.py")
OTHER = "{other}"  # in a killee's arguments: the other till's cache file
OP_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$")


def _one_life(
    path: Path, seed: int, delay: float, env: dict[str, str], log: Path, extra: list[str]
) -> list[str]:
    """Start the till, let it work for ``delay`` s after it is ready, SIGKILL it; the
    operation ids it confirmed."""
    lines: list[str] = []
    with (
        log.open("a") as err,
        subprocess.Popen(
            [sys.executable, str(KILLEE), str(path), str(seed), *extra],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=env,
        ) as proc,
    ):
        assert proc.stdout is not None
        first = proc.stdout.readline()
        if first != "ready\n":
            proc.kill()
            raise AssertionError(f"the till did not start: {first!r}\n{log.read_text()[-3000:]}")

        def read() -> None:
            assert proc.stdout is not None
            lines.extend(proc.stdout)

        reader = threading.Thread(target=read)
        reader.start()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        code = proc.wait()
        reader.join()
    if code != -signal.SIGKILL:
        raise AssertionError(f"the till ended by itself ({code})\n{log.read_text()[-3000:]}")
    confirmed = [line[:-1] for line in lines if OP_ID.match(line)]
    assert len(confirmed) >= len(lines) - 1, lines  # at most the last line cut short
    return confirmed


def _lives(path: Path, seed: int, kills: int, env: dict[str, str], extra: list[str]) -> list[str]:
    rng = random.Random(seed)
    confirmed: list[str] = []
    for life in range(kills):
        delay = rng.uniform(0.02, 0.4)
        log = path.with_name("stderr")
        confirmed += _one_life(path, seed * 1000 + life, delay, env, log, extra)
    return confirmed


def _indexes(db: Database) -> set[str]:
    with db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).all()
    return {str(r[0]) for r in rows}


@pytest.mark.expected_log(r"overdrawn by an offline operation")
def test_sigkill_at_random_moments_loses_nothing_and_duplicates_nothing(
    office: OfficeServer, office_db: OfficeDB, tmp_path: Path
) -> None:
    _killed_again_and_again(office, office_db, tmp_path, KILLS, [])


@pytest.mark.expected_log(r"overdrawn by an offline operation")
def test_sigkill_with_every_kind_loses_nothing_and_duplicates_nothing(
    office: OfficeServer, office_db: OfficeDB, tmp_path: Path
) -> None:
    """A supervisor at work too (gifts, adjustments, feedback, a card blocked and
    unblocked, members registered and then shopping, returns of the other till's
    purchases), killed at random moments: every operation of every kind at the office
    exactly once, re-checked and applied."""
    _killed_again_and_again(office, office_db, tmp_path, KILLS // 2, ["mix", OTHER])
    with office_db.read() as conn:
        rows = conn.execute(
            select(
                office_operations.c.terminal_id,
                office_operations.c.kind,
                office_operations.c.op_id,
                office_operations.c.reverses,
            )
        ).all()
    kinds = {str(r.kind) for r in rows}
    assert kinds >= {"purchase", "adjustment", "feedback", "member_register"}, kinds
    sold_by = {str(r.op_id): int(r.terminal_id) for r in rows if r.kind == "purchase"}
    across = [
        r
        for r in rows
        if r.kind == "return" and sold_by.get(str(r.reverses)) not in (None, int(r.terminal_id))
    ]
    assert across, "a till returned a purchase of the other (found at the office)"


def test_sigkill_with_online_authorisation_loses_nothing_and_spends_nothing_twice(
    office: OfficeServer, office_db: OfficeDB, tmp_path: Path
) -> None:
    """The tills online, the office authorising their spending (holds) between the kills:
    still exactly once and the same balances everywhere, and every spend was authorised
    (a hold settled by it), so no balance went below zero."""
    # no spending offline: a spend is held by the office or made without points
    admin.set_limits(office_db, OfflineLimits(per_operation_centi=0))
    _killed_again_and_again(office, office_db, tmp_path, KILLS // 2, ["online"])
    spends: list[tuple[str, int]] = []
    with office_db.read() as conn:
        for op_id, body, result in conn.execute(
            select(office_operations.c.op_id, office_operations.c.body, office_operations.c.result)
        ):
            if json.loads(body)["points_spent_centi"] > 0:
                spends.append((str(op_id), int(json.loads(result)["balance_centi"])))
        done = select(holds.c.id).where(holds.c.settled_at.isnot(None))
        settled = {str(h) for h in conn.execute(done).scalars()}
    assert len(spends) > 10, "the tills spent points between the kills"
    assert {op_id for op_id, _b in spends} <= settled  # each one authorised by its hold
    assert min(balance for _op, balance in spends) >= 0


def _killed_again_and_again(
    office: OfficeServer, office_db: OfficeDB, tmp_path: Path, kills: int, extra: list[str]
) -> None:
    started = time.monotonic()
    start_balances = office_balances(office_db)
    # python-escpos caches its printer database in a pickle (in a new temporary folder
    # unless told): one shared folder, filled before the first kill can cut it short.
    env = {**os.environ, "ESCPOS_CAPABILITIES_PICKLE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", "import escpos.capabilities"], env=env, check=True)
    paths = []
    for i in range(TILLS):
        folder = tmp_path / f"till-{i}"
        folder.mkdir()
        paths.append(folder / "cache.sqlite3")
    creds = [enrol(office, p, p.parent.name) for p in paths]
    with Database.open(tmp_path / "fresh.sqlite3") as fresh:
        indexes = _indexes(fresh)
    with ThreadPoolExecutor(TILLS) as pool:
        futures = [
            pool.submit(
                _lives,
                p,
                SEED * 10 + i,
                kills // TILLS,
                env,
                [str(paths[(i + 1) % TILLS]) if x == OTHER else x for x in extra],
            )
            for i, p in enumerate(paths)
        ]
        confirmed = [f.result() for f in futures]
    killed_s = time.monotonic() - started

    total = 0
    office_ids: dict[int, set[str]] = {}
    with office_db.read() as conn:
        for tid, op_id in conn.execute(
            select(office_operations.c.terminal_id, office_operations.c.op_id)
        ):
            office_ids.setdefault(int(tid), set()).add(str(op_id))
    for path, cred, mine in zip(paths, creds, confirmed, strict=True):
        with Database.open(path) as db:
            assert db.integrity_check() == []
            assert _indexes(db) == indexes  # the first download dropped and rebuilt them
            before = terminal_ops(db)
            assert set(mine) <= set(before), set(mine) - set(before)
            assert len(mine) > 50  # the tills did work between the kills
            assert len(office_ids.get(cred.terminal_id, set()) - set(before)) == 0
            Terminal(db, path, cred, office.url).sync()
            with db.read() as conn:
                counts = push_outcomes.counts(conn)
                outbox = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()
            assert (counts.waiting, counts.parked, outbox) == (0, 0, 0)
            after = terminal_ops(db)
            assert {s for s, _d, _m in after.values()} == {"acked"}
            total += len(after)
    with office_db.read() as conn:
        rows = conn.execute(
            select(
                office_operations.c.terminal_id,
                office_operations.c.op_id,
                office_operations.c.status,
            )
        ).all()
    assert len(rows) == len({(r[0], r[1]) for r in rows}) == total
    assert {r[2] for r in rows} == {"applied"}
    final = office_balances(office_db)
    assert final != start_balances
    for path, cred in zip(paths, creds, strict=True):
        with Database.open(path) as db:
            Terminal(db, path, cred, office.url).sync()  # the other till's operations
            assert cache_balances(db) == final
    print(f"{kills} kills in {killed_s:.1f} s; {total} operations")


def test_a_till_killed_before_its_first_checkpoint_opens_its_cache_again(tmp_path: Path) -> None:
    """The new cache's header (its application id) is still in the WAL when the process
    dies: the next start must know the file for its own."""
    path = tmp_path / "cache.sqlite3"
    script = (
        "import os, signal, sys; from terminal.store.database import Database; "
        "Database.open(sys.argv[1]); os.kill(os.getpid(), signal.SIGKILL)"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], check=False)
    assert done.returncode == -signal.SIGKILL
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    with Database.open(path) as db:
        assert db.integrity_check() == []
        assert db.revision() is not None
