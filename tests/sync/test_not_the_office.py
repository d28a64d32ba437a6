"""What answers is not always the office: a reverse proxy with a wrong route (404), a
captive portal asking for a login (401), a gateway's own 403. Those must not park the
till's operations or stop its sync for good: they are retried, and the message says
that something else answered."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from officekit import Terminal, checkout, now, terminal_ops

from sync.client import AuthFailed, OfficeClient, Transient
from sync.engine import Syncer
from sync.office.server import OfficeServer

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
