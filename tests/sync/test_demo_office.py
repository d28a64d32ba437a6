"""`make run`'s office: a process of its own (python -m office), seeded from the demo cache
through a seed file, the till enrolled once, the same credential used again on the next
run's port; the office is gone when the till stops, and when the till is killed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sync import credentials
from sync.client import OfficeClient
from sync.worker import run_once
from terminal.cli.demo_office import demo_office, office_path
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database

pytestmark = pytest.mark.integration
ROOT = Path(__file__).parents[2]


def _sync(db: Database) -> str:
    creds = credentials.load(db.path)
    with OfficeClient(creds.office_url, creds.token) as client:
        return run_once(db, client, Till(db).clock.now)


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its parent's wait() does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_the_demo_office_serves_the_demo_till_across_runs(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    with Database.open(path) as db:
        with demo_office(db) as office:
            first = office.url
            assert office.process.pid != os.getpid() and _running(office.process.pid)
            assert "snapshot rows" in _sync(db)
            checkout(Till(db).unit(), CardKey(card_id=1), Money.parse("100.00"))
        assert office_path(path).exists()
        assert office.process.returncode == 0  # SIGTERM: stopped the orderly way
        assert not _running(office.process.pid)
        with demo_office(db) as office:
            assert credentials.load(path).office_url == office.url
            assert "acknowledged 1" in _sync(db)
        terminal_id = credentials.load(path).terminal_id
        with demo_office(db):
            assert credentials.load(path).terminal_id == terminal_id  # enrolled once
    assert first.startswith("http://127.0.0.1:")
    assert not list(tmp_path.glob("*.part*"))  # the seed's working files are gone
    assert "serving on http://127.0.0.1:" in office.log.read_text()


_TILL = """
import sys, time
from pathlib import Path
from terminal.cli.demo_office import demo_office
from terminal.store.database import Database

with Database.open(Path(sys.argv[1])) as db, demo_office(db) as office:
    print(office.process.pid, office.url, flush=True)
    time.sleep(600)
"""


def test_the_office_does_not_outlive_a_killed_till(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    with subprocess.Popen(
        [sys.executable, "-c", _TILL, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as till:
        try:
            assert till.stdout is not None
            pid_text, url = till.stdout.readline().split()
            office_pid = int(pid_text)
            assert _running(office_pid) and url.startswith("http://127.0.0.1:")
            till.send_signal(signal.SIGKILL)  # no finally, no atexit: only the pipe closes
            till.wait(10)
            assert _gone_within(office_pid, 15), "the office outlived the till"
        finally:
            if till.poll() is None:
                till.kill()
