"""The office as an attacker on the network finds it (issue 12, points 9 and 10), at its
HTTP boundary, on SQLite and on PostgreSQL: bodies capped before they are read, JSON depth
bounded, only /v1/enrol without a credential, every error in the protocol's shape with
its headers (FastAPI's own 422/404/405 included), query parameters in their ranges, an
internal error a 500 in that shape, logged without the request's data."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import httpkit
import pytest
import requests
from officekit import Terminal, enrolled_terminal
from sqlalchemy import insert

from office.db import OfficeDB
from office.limits import MAX_JSON_DEPTH, ServerLimits
from office.models import members
from office.server import OfficeServer
from sync.protocol import TIME_HEADER, VERSION_HEADER

pytestmark = pytest.mark.integration
LIMITS = ServerLimits()


def assert_protocol_error(answer: requests.Response | httpkit.RawAnswer, status: int) -> str:
    """The answer is the protocol's error: its status, ``{"error", "message"}`` and both
    headers; returns the code."""
    headers = {k.lower(): v for k, v in answer.headers.items()}
    body = answer.json()
    got = answer.status_code if isinstance(answer, requests.Response) else answer.status
    assert got == status, body
    assert set(body) == {"error", "message"}, body
    assert isinstance(body["error"], str) and isinstance(body["message"], str)
    assert headers[VERSION_HEADER.lower()] == "1" and TIME_HEADER.lower() in headers
    assert headers["content-type"].startswith("application/json")
    return str(body["error"])


def auth(t: Terminal) -> dict[str, str]:
    return {"Authorization": f"Bearer {t.creds.token}"}


@pytest.fixture
def raw(office_any: OfficeServer) -> Iterator[socket.socket]:
    with httpkit.connect(office_any.host, office_any.port) as sock:
        yield sock


def test_a_body_over_its_cap_is_refused_before_it_is_read(
    office_any: OfficeServer, raw: socket.socket
) -> None:
    # 400 MB announced, 1 KB sent: the answer comes without the office waiting for more
    raw.sendall(httpkit.head("POST", "/v1/enrol", content_length=400_000_000) + b"{" * 1024)
    answer = httpkit.read_answer(raw, deadline_s=3)
    assert assert_protocol_error(answer, 413) == "body_too_large"
    # without Content-Length (chunked): counted while it is read, refused past the cap
    with httpkit.connect(office_any.host, office_any.port) as sock:
        sock.sendall(httpkit.head("POST", "/v1/enrol", transfer_encoding="chunked"))
        chunk = b" " * 1024
        for _ in range(LIMITS.max_body_bytes // len(chunk) + 1):
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        answer = httpkit.read_answer(sock, deadline_s=3)  # no end of the body was sent
        assert assert_protocol_error(answer, 413) == "body_too_large"


def test_a_push_body_is_capped_and_read_only_with_a_credential(
    office_any: OfficeServer, terminal_any: Terminal
) -> None:
    url = f"{office_any.url}/v1/operations"
    with httpkit.connect(office_any.host, office_any.port) as sock:
        sock.sendall(httpkit.head("POST", "/v1/operations", content_length=400_000_000))
        assert assert_protocol_error(httpkit.read_answer(sock, 3), 401) == "unauthorized"
    too_big = b'{"operations": [' + b" " * LIMITS.max_push_bytes + b"]}"
    answer = requests.post(url, data=too_big, headers=auth(terminal_any), timeout=10)
    assert assert_protocol_error(answer, 413) == "body_too_large"
    fits = b'{"operations": [' + b" " * (LIMITS.max_push_bytes - 100) + b"]}"
    answer = requests.post(url, data=fits, headers=auth(terminal_any), timeout=10)
    assert answer.status_code == 200 and answer.json() == {"results": []}


def test_json_nested_too_deep_is_a_400_not_a_500(
    office_any: OfficeServer, terminal_any: Terminal
) -> None:
    deep = b"[" * 2000 + b"]" * 2000  # within the 4 KiB of an enrolment
    answer = requests.post(f"{office_any.url}/v1/enrol", data=deep, timeout=5)
    assert assert_protocol_error(answer, 400) == "bad_request"
    ops = b'{"operations": [' + b'{"facts": ' * 3000 + b"1" + b"}" * 3000 + b"]}"
    answer = requests.post(
        f"{office_any.url}/v1/operations", data=ops, headers=auth(terminal_any), timeout=5
    )
    assert assert_protocol_error(answer, 400) == "bad_request"
    # as deep as the limit, in strings' brackets too, is JSON like any other
    fine = b'{"code": ' + b"[" * (MAX_JSON_DEPTH - 1) + b'"]]]{{"' + b"]" * (MAX_JSON_DEPTH - 1)
    answer = requests.post(f"{office_any.url}/v1/enrol", data=fine + b"}", timeout=5)
    assert assert_protocol_error(answer, 400) == "bad_request"  # the code is not a string
    assert "deeper" not in answer.json()["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/hello"),
        ("GET", "/v1/changes?cursor=0"),
        ("GET", "/v1/snapshot/meta"),
        ("POST", "/v1/operations"),
        ("GET", "/nowhere"),
        ("DELETE", "/v1/hello"),
        ("GET", "/docs"),
        ("GET", "/redoc"),
        ("GET", "/openapi.json"),
    ],
)
def test_without_a_credential_only_enrol_answers(
    office_any: OfficeServer, method: str, path: str
) -> None:
    answer = requests.request(method, office_any.url + path, timeout=5)
    assert assert_protocol_error(answer, 401) == "unauthorized"


def test_the_api_docs_pages_only_when_switched_on(office_db: OfficeDB) -> None:
    with OfficeServer(office_db, api_docs=True) as server:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert requests.get(server.url + path, timeout=5).status_code == 200, path
        assert requests.get(server.url + "/v1/hello", timeout=5).status_code == 401


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/nowhere", 404),
        ("DELETE", "/v1/hello", 405),
        ("GET", "/v1/operations", 405),
        ("GET", "/v1/changes?limit=abc", 400),
        ("GET", "/v1/changes?limit=0", 400),
        ("GET", "/v1/changes?limit=50001", 400),
        ("GET", "/v1/changes?cursor=", 400),
        ("GET", "/v1/changes?cursor=-1", 400),
        ("GET", "/v1/changes?cursor=%E0%A5%A7", 400),  # a Devanagari one, int() takes it
        ("GET", "/v1/snapshot/members?after=100000000000000000000000", 400),
        ("GET", "/v1/snapshot/cards?after=-1", 400),
        ("GET", "/v1/snapshot/cards?after=1.5", 400),
        ("GET", "/v1/snapshot/nothing", 404),
    ],
)
def test_every_error_is_in_the_protocols_shape(
    office_any: OfficeServer, terminal_any: Terminal, method: str, path: str, status: int
) -> None:
    answer = requests.request(method, office_any.url + path, headers=auth(terminal_any), timeout=5)
    assert_protocol_error(answer, status)
    assert "detail" not in answer.text
    if status == 405:
        assert answer.headers["Allow"]


def test_in_range_query_parameters_still_answer(
    office_any: OfficeServer, terminal_any: Terminal
) -> None:
    for path in (
        "/v1/changes?cursor=0&limit=1",
        "/v1/changes?limit=50000",
        f"/v1/snapshot/members?after={2**63 - 1}&limit=1",
    ):
        answer = requests.get(office_any.url + path, headers=auth(terminal_any), timeout=5)
        assert answer.status_code == 200, (path, answer.text)


def test_malformed_http_is_a_400_in_the_protocols_shape(raw: socket.socket) -> None:
    raw.sendall(b"NOT HTTP AT ALL\r\n\r\n")
    assert assert_protocol_error(httpkit.read_answer(raw), 400) == "bad_request"


def test_headers_over_their_cap_are_refused(raw: socket.socket) -> None:
    raw.sendall(
        b"GET /v1/hello HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * (LIMITS.max_header_bytes + 1)
    )
    assert assert_protocol_error(httpkit.read_answer(raw), 400) == "bad_request"


NAME, PHONE = "Анна Петровна Шевченко", "380671234567"


@pytest.mark.expected_log(r"office\.guard: internal error answering POST /v1/boom")
def test_an_internal_error_is_a_500_in_the_protocols_shape_logged_without_its_data(
    office_db_any: OfficeDB, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A database error's text holds the SQL parameters (here a name and a phone; the
    name has a NUL, which PostgreSQL refuses; SQLite refuses the id, member 1's): the
    log has the error's type and statement, never those."""

    def boom() -> None:
        with office_db_any.write() as conn:
            conn.execute(
                insert(members).values(id=1, full_name=f"{NAME}\x00", address_as=NAME, phone=PHONE)
            )

    with OfficeServer(office_db_any) as server:
        server.app.add_api_route("/v1/boom", boom, methods=["POST"])
        with enrolled_terminal(server, tmp_path / "till") as t:
            with caplog.at_level(logging.DEBUG):
                answer = requests.post(f"{server.url}/v1/boom", headers=auth(t), timeout=10)
    assert assert_protocol_error(answer, 500) == "internal"
    logged = "\n".join(
        f"{r.getMessage()} {r.exc_text or ''} {r.exc_info or ''}" for r in caplog.records
    )
    assert "internal error answering POST /v1/boom" in logged
    assert "INSERT INTO members" in logged
    for secret in ("Анна", "Петровна", PHONE, "\\u0410", "Key (id)"):
        assert secret not in logged
