"""Serving the office with uvicorn: in the foreground (``python -m office serve``, see
:func:`serve`) or in a thread of this process (tests, benchmarks: :class:`OfficeServer`),
stopped cleanly and joined.

The socket is bound before uvicorn starts, so port 0 gives a free port without a race;
the URL is known from the bound socket."""

from __future__ import annotations

import logging
import os
import resource
import signal
import socket
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from types import TracebackType

import uvicorn
from fastapi import FastAPI

from office.admin_sessions import SessionRules
from office.app import create_app
from office.connections import protocol_class
from office.db import OfficeDB
from office.limits import ServerLimits
from office.workers import check_workers, serve_workers, write_ready

log = logging.getLogger(__name__)

#: Connections the kernel queues and one accept burst takes (uvicorn's default is 2048):
#: each takes a file before the connection cap can push out an older one, and an older
#: one's file is closed a few turns of the event loop later.
BACKLOG = 64


def _bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    return sock


def _url(sock: socket.socket, tls: bool) -> str:
    host, port = sock.getsockname()[:2]
    return f"{'https' if tls else 'http'}://{'localhost' if tls else host}:{port}"


def _config(
    app: FastAPI,
    db: OfficeDB,
    limits: ServerLimits,
    log_level: str,
    ssl_certfile: str | None,
    ssl_keyfile: str | None,
) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        http=protocol_class(limits, db.now),  # deadlines and the cap: office.connections
        log_level=log_level,
        access_log=False,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        timeout_graceful_shutdown=2,
        timeout_keep_alive=limits.keep_alive_s,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        ws="none",
        backlog=BACKLOG,
    )


def fit_open_files(limits: ServerLimits, reserve: int = 4 * BACKLOG + 64) -> ServerLimits:
    """Raise this process's limit of open files (up to its hard limit) so that the
    connection cap fits in it, or lower the cap to what fits: past the limit the server
    could not accept even a till's connection. ``reserve``: the files of the process
    itself (database, logs) and of the bursts of accepted connections not yet pushed
    out."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = limits.max_connections + reserve
    if soft != resource.RLIM_INFINITY and soft < wanted:
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    if soft != resource.RLIM_INFINITY and soft < wanted:
        fitted = max(1, soft - reserve)
        log.warning(
            "this process may open %d files: at most %d connections (not %d)",
            soft,
            fitted,
            limits.max_connections,
        )
        return replace(limits, max_connections=fitted)
    return limits


class OfficeServer:
    """The office on ``host``:``port`` (0: a free port) in a background thread.

    ``with OfficeServer(db) as server: server.url`` ... the server stops and its thread
    is joined when the block ends. ``ssl_certfile``/``ssl_keyfile`` serve HTTPS."""

    def __init__(
        self,
        db: OfficeDB,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        ssl_certfile: str | None = None,
        ssl_keyfile: str | None = None,
        log_level: str = "warning",
        limits: ServerLimits | None = None,
        api_docs: bool = False,
        admin: SessionRules | None = None,
    ) -> None:
        self.db = db
        self.limits = limits or ServerLimits()
        #: The app; a test may add a route to it before :meth:`start`.
        self.app = create_app(db, limits=self.limits, api_docs=api_docs, admin=admin)
        self._sock = _bind(host, port)
        self.host, self.port = self._sock.getsockname()[:2]
        self.url = _url(self._sock, bool(ssl_certfile))
        config = _config(self.app, db, self.limits, log_level, ssl_certfile, ssl_keyfile)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, name="office-http"
        )

    def start(self) -> OfficeServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the office server did not start")
            time.sleep(0.01)
        return self

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self._sock.close()

    def __enter__(self) -> OfficeServer:
        return self.start()

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _exc: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    db: OfficeDB,
    host: str,
    port: int,
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
    ready_file: Path | None = None,
    watch_stdin: bool = False,
    limits: ServerLimits | None = None,
    api_docs: bool = False,
    workers: int = 1,
    admin: SessionRules | None = None,
) -> None:
    """Serve until SIGTERM or Ctrl-C; then stop gracefully and return (exit code 0).
    With ``workers`` above 1 (PostgreSQL), that many processes share the port
    (:mod:`office.workers`).

    Once it listens, the URL is printed (``office: serving on URL``) and, with
    ``ready_file``, written there (atomically, by rename): a parent that started it on
    port 0 reads the port from it. With ``watch_stdin``, the office also stops when its
    standard input reaches end of file: the parent holds the other end of that pipe, so
    the office ends with it, even when the parent is killed.

    uvicorn runs in a thread (:class:`OfficeServer`) and this thread waits: the signals
    are ours, so the database is closed before the process exits."""
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if watch_stdin:
        watcher = threading.Thread(target=_watch_stdin, args=(stop,), name="office-stdin")
        watcher.daemon = True  # it may block in read() until the process ends
        watcher.start()
    try:
        check_workers(db, workers)
        if workers > 1:
            _serve_workers(
                db,
                host,
                port,
                workers,
                ssl_certfile,
                ssl_keyfile,
                ready_file,
                limits,
                api_docs,
                admin,
                stop,
            )
            return
        with OfficeServer(
            db,
            host,
            port,
            ssl_certfile=ssl_certfile,
            ssl_keyfile=ssl_keyfile,
            log_level="info",
            limits=fit_open_files(limits or ServerLimits()),
            api_docs=api_docs,
            admin=admin,
        ) as server:
            print(f"office: serving on {server.url}", flush=True)
            write_ready(ready_file, server.url)
            while not stop.wait(0.5):
                if not server.running:
                    raise RuntimeError("the office's HTTP server stopped by itself")
            log.info("stopping")
    except KeyboardInterrupt:
        log.info("interrupted: stopped")
    finally:
        signal.signal(signal.SIGTERM, previous)


def _serve_workers(
    db: OfficeDB,
    host: str,
    port: int,
    workers: int,
    ssl_certfile: str | None,
    ssl_keyfile: str | None,
    ready_file: Path | None,
    limits: ServerLimits | None,
    api_docs: bool,
    admin: SessionRules | None,
    stop: threading.Event,
) -> None:
    check_workers(db, workers)
    fitted = fit_open_files(limits or ServerLimits())
    sock = _bind(host, port)
    sock.listen(BACKLOG)  # connections queue here while the workers start
    url = _url(sock, bool(ssl_certfile))

    def make_config(app: FastAPI) -> uvicorn.Config:
        return _config(app, db, fitted, "info", ssl_certfile, ssl_keyfile)

    def ready() -> None:
        print(f"office: serving on {url} ({workers} workers)", flush=True)
        write_ready(ready_file, url)

    try:
        serve_workers(
            db,
            sock.fileno(),
            workers,
            lambda: create_app(db, limits=fitted, api_docs=api_docs, admin=admin),
            make_config,
            url=url,
            ready=ready,
            stop=stop,
        )
    finally:
        sock.close()


def _watch_stdin(stop: threading.Event) -> None:
    # os.read, not sys.stdin: a daemon thread must not hold the buffer's lock at exit
    while os.read(sys.stdin.fileno(), 4096):
        pass
    log.info("standard input closed (the process that started the office has ended)")
    stop.set()
