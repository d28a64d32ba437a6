"""The deadlines and the connection cap of the office's HTTP server
(office/connections.py), over real sockets: half a request line or half the headers, a
body that trickles, half a second request on a kept-alive connection (which uvicorn
alone keeps open for ever) get 408 in the protocol's shape and are closed; at the cap, a
new connection pushes out the oldest waiting one, never one being answered."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpkit
import pytest
import requests
from test_office_exposed import assert_protocol_error

from office.db import OfficeDB
from office.limits import ServerLimits
from office.server import OfficeServer

pytestmark = pytest.mark.integration
QUICK = ServerLimits(header_timeout_s=1.0, body_timeout_s=1.0, keep_alive_s=30, max_connections=8)


@pytest.fixture
def quick(office_db_any: OfficeDB) -> Iterator[OfficeServer]:
    with OfficeServer(office_db_any, limits=QUICK) as server:
        yield server


def test_half_the_headers_get_408_then_the_connection_closes(quick: OfficeServer) -> None:
    with httpkit.connect(quick.host, quick.port) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /v1/hello HTTP/1.1\r\nHost: office\r\nX-Half")
        answer = httpkit.read_answer(sock, deadline_s=3)
        assert 0.8 < time.monotonic() - started < 2.5
        assert assert_protocol_error(answer, 408) == "request_timeout"
        assert httpkit.closed_by_peer(sock, 1)


def test_trickling_the_headers_does_not_extend_their_deadline(quick: OfficeServer) -> None:
    with httpkit.connect(quick.host, quick.port) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /v1/hello HTTP/1.1\r\n")
        while time.monotonic() - started < 3:
            try:
                sock.sendall(b"X-A: b\r\n")
            except OSError:
                break
            time.sleep(0.1)
        assert time.monotonic() - started < 2.5


def test_a_body_that_trickles_gets_408(quick: OfficeServer) -> None:
    with httpkit.connect(quick.host, quick.port) as sock:
        sock.sendall(httpkit.head("POST", "/v1/enrol", content_length=100) + b'{"code":')
        answer = httpkit.read_answer(sock, deadline_s=3)
        assert assert_protocol_error(answer, 408) == "request_timeout"
        assert httpkit.closed_by_peer(sock, 1)


def test_half_a_second_request_on_a_kept_alive_connection_gets_408(quick: OfficeServer) -> None:
    with httpkit.connect(quick.host, quick.port) as sock:
        sock.sendall(httpkit.head("GET", "/v1/hello"))
        assert httpkit.read_answer(sock).status == 401  # answered; the connection stays
        sock.sendall(b"GET /v1/hello HTTP/1.1\r\nHost: off")
        assert assert_protocol_error(httpkit.read_answer(sock, 3), 408) == "request_timeout"


def test_a_silent_connection_is_closed_without_an_answer(quick: OfficeServer) -> None:
    with httpkit.connect(quick.host, quick.port) as sock:
        sock.settimeout(3)
        assert sock.recv(100) == b""


def test_at_the_cap_the_oldest_waiting_connection_makes_room(quick: OfficeServer) -> None:
    socks = [httpkit.connect(quick.host, quick.port) for _ in range(QUICK.max_connections)]
    try:
        for sock in socks:
            sock.sendall(b"GET /v1/hello HTTP/1.1\r\n")  # half a request each
        time.sleep(0.2)
        answer = requests.get(f"{quick.url}/v1/hello", timeout=2)
        assert answer.status_code == 401  # answered at once, though the office was full
        assert httpkit.closed_by_peer(socks[0], 0.5)  # the oldest made room
        assert not httpkit.closed_by_peer(socks[-1], 0.2)
    finally:
        for sock in socks:
            sock.close()
