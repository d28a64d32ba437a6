"""One cashier app per cache (issue 13, point 4), with real processes: a second
`loyalty-terminal run` on a cache in use says so and exits non-zero, `sync --once`
beside the running app still works, a killed app leaves no lock behind, and a receipt
another live process is printing is never requeued (the receipt printed twice before),
checked on the loopback TCP printer."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from officekit import enrol

from drivers.printer.document import Cut, Document, Line
from drivers.printer.encoder import encode
from drivers.printer.loopback import LoopbackPrinter
from office.server import OfficeServer
from terminal.store import print_queue
from terminal.store.database import Database
from terminal.store.run_lock import AlreadyRunning, RunLock, lock_path

pytestmark = pytest.mark.integration

ROOT = Path(__file__).parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def config(folder: Path, printer_port: int | None = None) -> Path:
    printer = (
        f'[printer]\ntransport = "network"\nhost = "127.0.0.1"\nport = {printer_port}\n'
        if printer_port
        else ""
    )
    path = folder / "config.toml"
    path.write_text(
        '[terminal]\nlanguage = "en"\n\n[sync]\npoll_s = 600\n\n'
        f"[readers.pcsc]\nenabled = false\n\n{printer}"
    )
    return path


def cli(cfg: Path, cache: Path, *argv: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "terminal.cli.main",
        "--config",
        str(cfg),
        "--db",
        str(cache),
        *argv,
    ]


@contextmanager
def app(cfg: Path, cache: Path) -> Iterator[subprocess.Popen[str]]:
    """A real `loyalty-terminal run`, up once it holds the cache's run lock."""
    proc = subprocess.Popen(
        cli(cfg, cache, "run"),
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        lock = lock_path(cache)
        while not (lock.exists() and lock.read_text().strip() == str(proc.pid)):
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.1)
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        proc.communicate()


def test_a_second_app_stops_in_words_and_sync_once_runs_beside(
    office: OfficeServer, tmp_path: Path
) -> None:
    folder = tmp_path / "till"
    folder.mkdir()
    cache = folder / "cache.sqlite3"
    Database.open(cache).close()
    enrol(office, cache)
    cfg = config(tmp_path)
    with app(cfg, cache) as first:
        second = subprocess.run(
            cli(cfg, cache, "run"), cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 1
        assert (
            f"another cashier app is already running on the cache {cache} "
            f"(process {first.pid})" in second.stderr
        ), second.stderr
        assert "Traceback" not in second.stderr
        # The first download, beside the app (whose own worker wants the sync lock too).
        once = subprocess.run(
            cli(cfg, cache, "sync", "--once"),
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert once.returncode == 0, once.stderr
        assert "pushed" in once.stdout
        assert first.poll() is None  # the first app runs on
    with pytest.raises(AlreadyRunning):  # the test's own check of the lock can fail
        with app(cfg, cache):
            RunLock.acquire(cache)
    RunLock.acquire(cache).release()  # the app has stopped: the cache is free again


def test_a_killed_app_leaves_no_lock_behind(tmp_path: Path, demo_file: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    shutil.copy(demo_file, cache)
    cfg = config(tmp_path)
    with app(cfg, cache) as first:
        first.kill()  # kill -9: no shutdown at all
        first.wait(10)
    RunLock.acquire(cache).release()


def test_make_runs_demo_app_stops_before_its_devices_when_the_cache_is_in_use(
    tmp_path: Path, demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from terminal.cli.main import main

    cache = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, cache)
    lock = RunLock.acquire(cache)  # the first `make run`'s app
    try:
        assert main(["--db", str(cache), "demo", "--app"]) == 1
    finally:
        lock.release()
    out, err = capsys.readouterr()
    assert (
        f"another cashier app is already running on the cache {cache} (process {os.getpid()})"
        in err
    )
    assert "virtual" not in out and not (tmp_path / "office.sqlite3").exists()


HOLDER = """
import sys
from terminal.receipts.queue import PrintQueue
from terminal.store.database import Database
db = Database.open(sys.argv[1])
job = PrintQueue(db).claim_next()  # now printing, by this process
print(job.id, flush=True)
sys.stdin.readline()  # "prints" until the test lets it go (or kills it)
"""


def receipt(text: str) -> bytes:
    return encode(Document((Line(text), Cut())))


def test_a_job_another_live_process_prints_is_never_requeued(
    tmp_path: Path, demo_file: Path
) -> None:
    cache = tmp_path / "cache.sqlite3"
    shutil.copy(demo_file, cache)
    with Database.open(cache) as db, db.write() as conn:
        one = print_queue.enqueue(conn, receipt("JOB ONE"), kind="test", created_at="t")
        print_queue.enqueue(conn, receipt("JOB TWO"), kind="test", created_at="t")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(cache)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == str(one)
        with LoopbackPrinter() as printer:
            cfg = config(tmp_path, printer.port)
            with app(cfg, cache):  # its printer thread requeues interrupted jobs at start
                assert printer.wait_for_receipts(1, timeout=60)
                time.sleep(2.0)  # time enough for job one to follow, if it were requeued
                texts = [r.text() for r in printer.receipts()]
            assert len(texts) == 1 and "JOB TWO" in texts[0], texts
            with Database.open(cache) as db, db.read() as conn:
                job = print_queue.get(conn, one)
            assert job is not None and job.status is print_queue.JobStatus.PRINTING

            holder.kill()  # the printing process dies: its job prints at the next start
            holder.wait(10)
            with app(cfg, cache):
                assert printer.wait_for_receipts(2, timeout=60)
                time.sleep(1.0)
                texts = [r.text() for r in printer.receipts()]
            assert len(texts) == 2 and "JOB ONE" in texts[1], texts
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate(timeout=10)  # closes its pipes
