"""One cashier app per cache: a lock file beside it (``CACHE.run-lock``), held with
``flock`` for the app's whole life.

Two apps on one cache would both print its receipt queue and both hold a sync worker; a
second ``loyalty-terminal run`` (or ``make run``) on a cache in use therefore stops at
once, in words, with the first one's process id. The lock goes with the process: a
crash or ``kill -9`` releases it, so a stale file never keeps the till from starting.
``sync --once`` does not take it: it waits on the sync lock (sync/engine.py) instead and
runs beside the app.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from common.errors import AppError
from common.files import open_private


class AlreadyRunning(AppError):
    """Another process holds the cache's run lock."""

    code = "already_running"

    def __init__(self, path: Path, pid: str) -> None:
        super().__init__(
            self.code,
            "another cashier app is already running on the cache {path} (process {pid}): "
            "only one may run on a cache at a time; use that one, or stop it first",
            path=path,
            pid=pid or "unknown",
        )
        self.pid = pid


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".run-lock")


class RunLock:
    """Held from :meth:`acquire` until :meth:`release` (or the process's end)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd

    @classmethod
    def acquire(cls, db_path: Path) -> RunLock:
        """The lock, or :class:`AlreadyRunning` at once (it never waits)."""
        path = lock_path(db_path)
        fd = open_private(path, os.O_RDWR, "the cache's run lock")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            finally:
                os.close(fd)
            raise AlreadyRunning(db_path, pid) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(path, fd)

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # releases the flock
            self._fd = -1
