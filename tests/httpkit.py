"""Raw HTTP over a real socket, for the tests of the office's limits: requests that
requests would not send (a lying Content-Length, half a request, a body sent slowly)."""

from __future__ import annotations

import json
import socket
import time
from dataclasses import dataclass
from typing import Any


@dataclass
class RawAnswer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def connect(host: str, port: int, timeout: float = 5.0) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def head(method: str, path: str, **headers: str | int) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: office"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_answer(sock: socket.socket, deadline_s: float = 5.0) -> RawAnswer:
    """One answer (with a Content-Length body), within ``deadline_s``."""
    sock.settimeout(deadline_s)
    end = time.monotonic() + deadline_s
    data = b""
    while b"\r\n\r\n" not in data:
        data += _more(sock, end)
    top, _, rest = data.partition(b"\r\n\r\n")
    status_line, *lines = top.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    size = int(headers.get("content-length", "0"))
    while len(rest) < size:
        rest += _more(sock, end)
    return RawAnswer(int(status_line.split()[1]), headers, rest[:size])


def closed_by_peer(sock: socket.socket, within_s: float) -> bool:
    """Whether the office closes this connection within ``within_s`` (whatever it
    answers first)."""
    end = time.monotonic() + within_s
    try:
        while True:
            if not _recv(sock, end):
                return True
    except TimeoutError:
        return False
    except ConnectionError:
        return True


def _recv(sock: socket.socket, end: float) -> bytes:
    left = end - time.monotonic()
    if left <= 0:
        raise TimeoutError("no answer in time")
    sock.settimeout(left)
    return sock.recv(65536)


def _more(sock: socket.socket, end: float) -> bytes:
    chunk = _recv(sock, end)
    if not chunk:
        raise ConnectionError("the office closed the connection")
    return chunk
