"""Several worker processes behind one port: ``python -m office serve --workers N``.

The parent binds and listens on the socket once, then forks N workers; each runs its own
uvicorn and its own database pool on that socket, and the kernel hands each new
connection to one of them. Everything a worker decides is in the database (PostgreSQL:
the operations' unique keys, the holds, the feed's sequence), so an operation sent twice
to two workers is still applied once. SQLite is one writer at a time: the workers would
only wait for each other, so more than one worker is refused there.

The parent supervises: a worker that dies is started again (at most
:data:`MAX_RESTARTS` in :data:`RESTART_WINDOW_S`, then the office stops with an error
rather than spin); SIGTERM or Ctrl-C stop every worker gracefully (their requests under
way finish), then the parent. A worker ends by itself when its parent dies (Linux's
parent-death signal), so a killed office leaves no orphan serving.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from office.db import OfficeDB

log = logging.getLogger(__name__)

MAX_RESTARTS = 5
RESTART_WINDOW_S = 30.0
STOP_GRACE_S = 10.0
_PR_SET_PDEATHSIG = 1


class WorkersRefused(ValueError):
    """More than one worker where they cannot help (SQLite)."""


def check_workers(db: OfficeDB, workers: int) -> None:
    if workers < 1:
        raise WorkersRefused("--workers: at least 1")
    if workers > 1 and db.is_sqlite:
        raise WorkersRefused(
            "--workers above 1 needs PostgreSQL: SQLite takes one writer at a time "
            "(serve a SQLite office with one worker)"
        )


def _die_with_parent(parent: int) -> None:
    """Ask the kernel for SIGTERM when the parent dies (Linux); if it died already, go."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the parent's SIGTERM still reaches us
        pass
    if os.getppid() != parent:
        os._exit(0)


def _worker(
    sock_fd: int,
    make_app: Callable[[], FastAPI],
    make_config: Callable[[FastAPI], uvicorn.Config],
    parent: int,
) -> None:
    """One worker's life, in the forked child: never returns."""
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # uvicorn installs its own
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _die_with_parent(parent)
        sock = socket.socket(fileno=sock_fd)
        server = uvicorn.Server(make_config(make_app()))
        server.run(sockets=[sock])
    except BaseException:  # the child must never go back into the parent's code
        log.exception("office worker %d failed", os.getpid())
        code = 1
    finally:
        os._exit(code)


def serve_workers(
    db: OfficeDB,
    sock_fd: int,
    workers: int,
    make_app: Callable[[], FastAPI],
    make_config: Callable[[FastAPI], uvicorn.Config],
    *,
    url: str,
    ready: Callable[[], None],
    stop: threading.Event,
) -> None:
    """Run ``workers`` processes on the listening socket ``sock_fd`` until ``stop`` is
    set, each serving its own ``make_app()`` (over ``db``'s URL: its own pool); ``ready``
    is called once they are started. Raises RuntimeError when workers keep
    dying."""
    db.engine.dispose()  # no pooled connection crosses a fork: each worker opens its own
    parent = os.getpid()
    children: dict[int, int] = {}  # pid -> slot
    restarts: deque[float] = deque()

    def start(slot: int) -> None:
        pid = os.fork()
        if pid == 0:
            _worker(sock_fd, make_app, make_config, parent)
        children[pid] = slot

    try:
        for slot in range(workers):
            start(slot)
        log.info("office: %d workers on %s", workers, url)
        ready()
        while not stop.wait(0.2):
            while children:
                pid, status = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
                if pid not in children:
                    continue
                slot = children.pop(pid)
                now = time.monotonic()
                while restarts and now - restarts[0] > RESTART_WINDOW_S:
                    restarts.popleft()
                if len(restarts) >= MAX_RESTARTS:
                    raise RuntimeError(
                        f"office workers keep ending ({MAX_RESTARTS} restarts in "
                        f"{RESTART_WINDOW_S:.0f} s): stopped; see the log above"
                    )
                restarts.append(now)
                log.warning("office worker %d ended (status %d): starting another", pid, status)
                start(slot)
    finally:
        _stop_all(children)


def _stop_all(children: dict[int, int]) -> None:
    """SIGTERM to every worker, then wait for them (SIGKILL after the grace time)."""
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + STOP_GRACE_S
    while children and time.monotonic() < deadline:
        pid, _status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            time.sleep(0.05)
        else:
            children.pop(pid, None)
    for pid in list(children):
        log.warning("office worker %d did not stop in %.0f s: killed", pid, STOP_GRACE_S)
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        children.pop(pid, None)


def write_ready(ready_file: Path | None, url: str) -> None:
    """The URL in ``ready_file``, atomically (a parent on port 0 reads the port there)."""
    if ready_file is None:
        return
    part = ready_file.with_name(ready_file.name + ".part")
    part.write_text(url + "\n", encoding="utf-8")
    os.replace(part, ready_file)
