"""Start, kill and restart a pcscd serving the vpcd virtual readers (tests, benchmark,
diagnosis). Needs root. An already running, usable pcscd is reused, not replaced."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from smartcard import scard

VPCD_READERS = ("Virtual PCD 00 00", "Virtual PCD 00 01")
PIDFILE = Path("/run/pcscd/pcscd.pid")


def list_readers() -> list[str] | None:
    """The reader names pcscd lists, or None if no pcscd answers."""
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return None
    try:
        hresult, names = scard.SCardListReaders(context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        return list(names) if hresult == scard.SCARD_S_SUCCESS else None
    finally:
        scard.SCardReleaseContext(context)


def wait_empty(readers: tuple[str, ...] = VPCD_READERS, timeout: float = 5.0) -> bool:
    """Wait until pcscd sees no card on ``readers`` (it notices a removal ~0.4 s late)."""
    deadline = time.monotonic() + timeout
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return False
    try:
        states = [(r, scard.SCARD_STATE_UNAWARE) for r in readers]
        while time.monotonic() < deadline:
            hresult, new_states = scard.SCardGetStatusChange(context, 200, states)
            if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
                return False
            if hresult == scard.SCARD_S_SUCCESS:
                states = [(r, st & ~scard.SCARD_STATE_CHANGED) for r, st, _ in new_states]
            if all(st & scard.SCARD_STATE_EMPTY for _, st in states):
                return True
        return False
    finally:
        scard.SCardReleaseContext(context)


def _running_pid() -> int | None:
    try:
        pid = int(PIDFILE.read_text().strip("\x00 \n\t"))
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


class Pcscd:
    """The session's pcscd: ours (started with --foreground) or one already running."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self.pid: int | None = None

    @property
    def running(self) -> bool:
        return self.pid is not None

    def start(self, timeout: float = 10.0) -> None:
        readers = list_readers()
        if readers is not None and all(r in readers for r in VPCD_READERS):
            self.pid = _running_pid()
            return
        exe = shutil.which("pcscd") or "/usr/sbin/pcscd"
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen([exe, "--foreground"], stdout=log, stderr=log)
        self.pid = self.proc.pid
        self.wait_readers(timeout)

    def wait_readers(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            readers = list_readers()
            if readers is not None and all(r in readers for r in VPCD_READERS):
                return
            time.sleep(0.05)
        raise RuntimeError(f"pcscd did not list the vpcd readers; see {self.log_path}")

    def kill(self) -> None:
        """SIGKILL, as a crash would (the drivers see 0x80100013 then 0x8010001D)."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(5)
            self.proc = None
        elif self.pid is not None:  # a pcscd that was running before the tests
            os.kill(self.pid, signal.SIGKILL)
            deadline = time.monotonic() + 5
            while _running_pid() == self.pid and time.monotonic() < deadline:
                time.sleep(0.02)
        self.pid = None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
            self.proc = None
            self.pid = None
