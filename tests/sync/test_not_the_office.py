"""What answers is not always the office: a reverse proxy with a wrong route (404), a
captive portal asking for a login (401), a gateway's own 403. Those must not park the
till's operations or stop its sync for good: they are retried, and the message says
that something else answered."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from officekit import Terminal, cache_balances, checkout, now, office_balances, terminal_ops
from sqlalchemy import text

from office.db import OfficeDB
from office.server import OfficeServer
from sync.client import AuthFailed, OfficeClient, Timeouts, Transient
from sync.engine import Syncer
from terminal.store import sync_state

pytestmark = pytest.mark.integration


class NotTheOffice(BaseHTTPRequestHandler):
    status = 404

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b"<html><body>Not here</body></html>"
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(params=[404, 401, 403, 400])
def stranger(request: pytest.FixtureRequest) -> Iterator[str]:
    handler = type("Handler", (NotTheOffice,), {"status": request.param})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_stranger_answering_parks_nothing_and_stops_nothing(
    terminal: Terminal, stranger: str
) -> None:
    terminal.sync()
    op = checkout(terminal, 1, "150.00")
    with OfficeClient(stranger, terminal.creds.token) as client:
        with pytest.raises(Transient) as err:
            Syncer(terminal.db, client, now).run_pass()
    assert not isinstance(err.value, AuthFailed)
    assert "not the office" in str(err.value)
    assert terminal_ops(terminal.db)[op][0] == "pending"
    terminal.sync()  # the real office then takes it
    assert terminal_ops(terminal.db)[op][0] == "acked"


def test_the_office_own_refusals_still_count(office: OfficeServer) -> None:
    with OfficeClient(office.url, "not-a-token") as client, pytest.raises(AuthFailed):
        client.hello()


@pytest.mark.expected_log(r"no longer keeps changes after \d+: rebuilding")
def test_a_cursor_from_the_future_rebuilds_the_cache(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    """The office restored from an older backup: the till's cursor is past its head. A
    410 makes the till rebuild from the snapshot instead of waiting forever."""
    terminal.sync()
    with terminal.db.write() as conn:
        sync_state.set_state(conn, sync_state.CURSOR, "999999")
        conn.execute(text("UPDATE members SET balance_centi = balance_centi + 1"))
    with terminal.client() as client:
        _changes, rows = Syncer(terminal.db, client, now).pull_all()
    assert rows > 0  # a snapshot
    with terminal.db.read() as conn:
        cursor = sync_state.get_state(conn, sync_state.CURSOR)
    assert cursor is not None and int(cursor) < 999999
    assert cache_balances(terminal.db) == office_balances(office_db)


class Trickle(BaseHTTPRequestHandler):
    """An answer that comes a byte at a time, each within the read timeout."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "5000")
        self.send_header("X-Protocol-Version", "1")
        self.end_headers()
        try:
            for _ in range(5000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the till gave up: as it should

    def log_message(self, *_args: object) -> None:
        pass


def test_an_answer_trickling_in_is_given_up_as_a_whole() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        client = OfficeClient(url, "t", timeouts=Timeouts(connect=1, read=1, total=2))
        with client:
            t0 = time.monotonic()
            with pytest.raises(Transient) as err:
                client.hello()
            assert time.monotonic() - t0 < 4
        assert "took longer than 2 s" in str(err.value)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
