"""Retry-After as it comes from whatever answers in front of the office: an HTTP date
from a proxy that sends no X-Office-Time, and values no thread can wait for."""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from officekit import Terminal, checkout, now
from scenariokit import active_cards, wait_for, waiting, worker

from sync.client import MAX_RETRY_AFTER_S, OfficeClient, Timeouts, Transient
from sync.worker import Backoff, SyncState, SyncWorker
from terminal.store.database import Database

pytestmark = pytest.mark.integration


@contextmanager
def busy_server(status: int, headers: dict[str, str]) -> Iterator[tuple[str, list[float]]]:
    """An HTTP server on loopback answering every request with ``status`` and
    ``headers``; yields its URL and the times of the requests it got."""
    hits: list[float] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            hits.append(time.monotonic())
            body = b'{"error": "busy", "message": "busy"}'
            self.send_response(status)
            for k, v in headers.items():
                if k != "Date":  # send_response sent it
                    self.send_header(k, v)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def date_time_string(self, timestamp: float | None = None) -> str:
            return headers.get("Date") or super().date_time_string(timestamp)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="busy-http")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def test_a_retry_after_date_from_a_proxy_counts_from_its_own_date() -> None:
    sent = datetime.now(UTC) - timedelta(hours=3)  # the proxy's clock is 3 h off
    headers = {
        "Date": format_datetime(sent, usegmt=True),
        "Retry-After": format_datetime(sent + timedelta(seconds=7), usegmt=True),
    }
    with busy_server(503, headers) as (url, _hits), OfficeClient(url, "t") as client:
        with pytest.raises(Transient) as caught:
            client.hello()
    assert caught.value.retry_after == pytest.approx(7, abs=1)


@pytest.mark.parametrize("value", ["inf", "1e11", "nan"])
def test_a_retry_after_no_thread_can_wait_for_does_not_kill_the_worker(
    db: Database, value: str
) -> None:
    with busy_server(503, {"Retry-After": value}) as (url, hits):
        client = OfficeClient(url, "t", timeouts=Timeouts(1.0, 1.0))
        worker = SyncWorker(
            db,
            client,
            clock=lambda: datetime.now(UTC),
            rng=random.Random(1),
            backoff=Backoff(base_s=0.01, cap_s=0.02),
        )
        worker.start()
        try:
            deadline = time.monotonic() + 5
            while worker.status.state is not SyncState.OFFLINE and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(0.3)
            assert worker.is_alive()
            status = worker.status
            assert status.state is SyncState.OFFLINE
            assert status.retry_in_s is not None and status.retry_in_s <= MAX_RETRY_AFTER_S
            if value == "1e11":
                assert status.retry_in_s == MAX_RETRY_AFTER_S
            else:  # nonsense: the backoff's own delay, trying again soon
                assert len(hits) >= 3
        finally:
            worker.stop()
        assert not worker.is_alive()


# --- Retry-After ------------------------------------------------------------------------


class _Busy(BaseHTTPRequestHandler):
    """An office that is always busy: 503 (or 429) with a Retry-After."""

    times: list[float]
    retry_after: str
    status: int

    def do_POST(self) -> None:
        self._busy()

    def do_GET(self) -> None:
        self._busy()

    def _busy(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.times.append(time.monotonic())
        body = b'{"error": "busy", "message": "try later"}'
        self.send_response(self.status)
        self.send_header("Retry-After", self.retry_after)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: Any) -> None:
        pass


@contextmanager
def busy_office(status: int, retry_after: Callable[[], str]) -> Iterator[tuple[str, list[float]]]:
    times: list[float] = []

    class Handler(_Busy):
        pass

    Handler.times = times
    Handler.status = status
    type.__setattr__(Handler, "retry_after", property(lambda _self: retry_after()))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="busy-office")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", times
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize(
    ("status", "form"), [(503, "seconds"), (429, "seconds"), (503, "http-date")]
)
def test_the_worker_waits_as_long_as_retry_after_says(
    terminal: Terminal, status: int, form: str
) -> None:
    terminal.sync()
    checkout(terminal, active_cards(terminal, 1)[0], "100.00")

    def retry_after() -> str:
        if form == "seconds":
            return "1"
        from datetime import timedelta

        return format_datetime(now() + timedelta(seconds=2), usegmt=True)

    with busy_office(status, retry_after) as (url, times):
        client = OfficeClient(url, terminal.creds.token, timeouts=Timeouts(1, 2))
        with worker(terminal, client) as (w, _seen):
            wait_for(lambda: len(times) >= 3, timeout=15, what="three tries")
            st = w.status
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # Without Retry-After the backoff (FAST) would retry within 0.1 s.
    assert min(gaps[:2]) >= 0.9, gaps
    assert st.state is SyncState.OFFLINE and st.retry_in_s is not None and st.retry_in_s >= 0.9
    assert waiting(terminal) == 1
