"""Serving the office with uvicorn: in the foreground (``serve``) or in a thread of this
process (tests, benchmarks), stopped cleanly and joined."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn

from office.app import create_app
from office.db import OfficeDB


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
    ) -> None:
        self.db = db
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.host, self.port = self._sock.getsockname()[:2]
        scheme = "https" if ssl_certfile else "http"
        self.url = f"{scheme}://{'localhost' if ssl_certfile else self.host}:{self.port}"
        config = uvicorn.Config(
            create_app(db),
            log_level="warning",
            access_log=False,
            ssl_certfile=ssl_certfile,
            ssl_keyfile=ssl_keyfile,
            timeout_graceful_shutdown=2,
        )
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
