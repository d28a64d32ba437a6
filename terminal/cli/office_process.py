"""The reference office as a process of its own, for the demo (`make run`, `office-demo`).

The till imports nothing of the office: it runs ``sys.executable -m office ...`` (the
loyalty-office package, installed beside the till's), one command at a time
(:func:`run`), or as a server (:func:`serving`) on loopback. The server is started on
the port asked for (0: a free one), writes its URL to a ready file once it listens (no
port race), and watches a pipe on its standard input: when this process ends, even
killed, the pipe closes and the office stops. Stopping it is SIGTERM, then kill.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from common.files import open_private

log = logging.getLogger(__name__)

NOT_INSTALLED = "the demo office needs the loyalty-office package: pip install ./office"
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


class OfficeProcessError(Exception):
    """The office could not be run; the message is one line for a person."""


@dataclass(frozen=True, slots=True)
class RunningOffice:
    url: str
    path: Path  # its database
    log: Path  # its output
    process: subprocess.Popen[bytes]


def installed() -> bool:
    """Whether this interpreter can run ``-m office`` (a package, not a folder of tests)."""
    spec = importlib.util.find_spec("office")
    return spec is not None and spec.origin is not None


def command(office_db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "office", "--db", str(office_db), *args]


def _check_installed() -> None:
    if not installed():
        raise OfficeProcessError(NOT_INSTALLED)


def run(office_db: Path, *args: str, timeout: float = 3600.0) -> str:
    """Run one office command to its end; its standard output."""
    _check_installed()
    done = subprocess.run(
        command(office_db, *args),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise OfficeProcessError(f"office {args[0]} failed: {_last_line(done.stderr)}")
    return done.stdout


def create_code(office_db: Path, name: str) -> str:
    """A one-time enrolment code for a new till (``python -m office create-code``)."""
    return run(office_db, "create-code", "--name", name).strip()


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any("No module named" in line for line in lines[-3:]):
        return f"{lines[-1]} ({NOT_INSTALLED})"
    return lines[-1] if lines else "no message"


@contextmanager
def serving(office_db: Path, port: int = 0, host: str = "127.0.0.1") -> Iterator[RunningOffice]:
    """``python -m office serve`` while the block runs; its output goes to a log file
    beside its database (``office.log`` for ``office.sqlite3``)."""
    _check_installed()
    log_path = office_db.with_suffix(".log")
    fd = open_private(log_path, os.O_WRONLY | os.O_APPEND, "the office's log")  # 0600
    with tempfile.TemporaryDirectory(prefix="office-") as tmp, os.fdopen(fd, "ab") as out:
        ready = Path(tmp) / "ready"
        args = ["serve", "--host", host, "--port", str(port)]
        proc = subprocess.Popen(
            command(office_db, *args, "--ready-file", str(ready), "--watch-stdin"),
            stdin=subprocess.PIPE,  # its end of file is our end
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            url = _wait_ready(proc, ready, log_path)
            log.info("the office runs on %s (pid %d)", url, proc.pid)
            yield RunningOffice(url, office_db, log_path, proc)
        finally:
            stop(proc)


def _wait_ready(proc: subprocess.Popen[bytes], ready: Path, log_path: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready.exists():
        if proc.poll() is not None:
            tail = _last_line(log_path.read_text(encoding="utf-8", errors="replace"))
            raise OfficeProcessError(f"the office did not start: {tail} (see {log_path})")
        if time.monotonic() > deadline:
            raise OfficeProcessError(f"the office did not start in time (see {log_path})")
        time.sleep(0.05)
    return ready.read_text(encoding="utf-8").strip()


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM (the office stops gracefully), then kill if it has not in a while."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            log.warning("the office did not stop on SIGTERM: killed")
            proc.kill()
            proc.wait()
    if proc.stdin is not None:
        proc.stdin.close()
