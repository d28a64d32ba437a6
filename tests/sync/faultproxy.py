"""A fault-injecting HTTP/1.1 proxy on loopback, standard library only (threads).

It sits between a client and an upstream HTTP server and, for each request, draws a fault
from a seeded random source:

- ``LOSE_RESPONSE``: forward the request, read the answer, then reset the client's
  connection without sending it (the upstream has done the work; the client never knows);
- ``ERROR_5XX`` and ``TOO_MANY``: a burst (this request and the next few) answered by the
  proxy itself with 500/502/503, or with 429 and ``Retry-After``, without forwarding;
- ``RESET_BEFORE``: reset the client's connection before forwarding anything;
- ``SLOW``: forward, and send the answer only after ``slow_s`` (longer than the client's
  read timeout), if the client is still there;
- ``DUPLICATE``: forward the request twice at once, relay the answer that came last;
- ``REORDER``: hold the request until the next request (on any connection) has been
  forwarded and answered, then forward it (at most ``hold_s`` later).

Every request is recorded (:attr:`FaultProxy.log`): when it arrived, its method, path,
``Authorization`` header (to tell clients apart), the fault and the status relayed.
It knows nothing about what it carries.
"""

from __future__ import annotations

import enum
import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field


class Fault(enum.Enum):
    NONE = "none"
    LOSE_RESPONSE = "lose_response"
    ERROR_5XX = "error_5xx"
    TOO_MANY = "too_many"
    RESET_BEFORE = "reset_before"
    SLOW = "slow"
    DUPLICATE = "duplicate"
    REORDER = "reorder"


BURSTS = (Fault.ERROR_5XX, Fault.TOO_MANY)


@dataclass
class Entry:
    at: float  # time.monotonic() when the request arrived
    method: str
    path: str
    client: str  # the Authorization header ("" without one)
    fault: Fault
    status: int | None = None  # what the client was sent (None: nothing)
    retry_after: float | None = None


@dataclass
class Request:
    head: bytes  # request line and headers, without the final blank line
    body: bytes
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)


class Closed(Exception):
    """The peer closed the connection (or sent something that is not HTTP)."""


def _read_head(sock: socket.socket, buf: bytearray) -> bytes:
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise Closed()
        buf += chunk
    end = buf.index(b"\r\n\r\n")
    head = bytes(buf[:end])
    del buf[: end + 4]
    return head


def _read_exact(sock: socket.socket, buf: bytearray, n: int) -> bytes:
    while len(buf) < n:
        chunk = sock.recv(65536)
        if not chunk:
            raise Closed()
        buf += chunk
    data = bytes(buf[:n])
    del buf[:n]
    return data


def _headers(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return lines[0], headers


def read_request(sock: socket.socket, buf: bytearray) -> Request:
    head = _read_head(sock, buf)
    first, headers = _headers(head)
    parts = first.split(" ")
    if len(parts) != 3 or "chunked" in headers.get("transfer-encoding", ""):
        raise Closed()
    body = _read_exact(sock, buf, int(headers.get("content-length", "0")))
    return Request(head, body, parts[0], parts[1], headers)


def _dechunk(data: bytes) -> bytes:
    out = bytearray()
    while True:
        line, _, data = data.partition(b"\r\n")
        size = int(line.split(b";")[0], 16)
        if size == 0:
            return bytes(out)
        out += data[:size]
        data = data[size + 2 :]


def _response(status: int, reason: str, body: bytes, extra: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}", "Content-Type: application/json"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _reset(sock: socket.socket) -> None:
    """Close with RST rather than FIN (SO_LINGER 0)."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


@dataclass(frozen=True)
class FaultRates:
    """The chance of each fault starting at a request (the rest pass untouched)."""

    lose_response: float = 0.04
    error_5xx: float = 0.03
    too_many: float = 0.02
    reset_before: float = 0.04
    slow: float = 0.02
    duplicate: float = 0.04
    reorder: float = 0.03
    max_burst: int = 5
    retry_after_s: float = 0.3


class FaultProxy:
    """``with FaultProxy(host, port, seed=1) as proxy: proxy.url`` ...; set
    :attr:`enabled` False to let everything through."""

    def __init__(
        self,
        upstream_host: str,
        upstream_port: int,
        *,
        seed: int,
        rates: FaultRates = FaultRates(),
        slow_s: float = 1.0,
        hold_s: float = 2.0,
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.rates = rates
        self.slow_s = slow_s
        self.hold_s = hold_s
        self.enabled = True
        self.log: list[Entry] = []
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._burst: tuple[Fault, int] | None = None
        self._held: list[threading.Event] = []
        self._stopping = threading.Event()
        self._conns: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._acceptor = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)

    # --- life -------------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._listener.close()
        with self._lock:
            for ev in self._held:
                ev.set()
            for conn in list(self._conns):
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        self._acceptor.join(10)
        for t in list(self._threads):
            t.join(10)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def faults(self) -> Counter[Fault]:
        with self._lock:
            return Counter(e.fault for e in self.log)

    # --- the work ---------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _addr = self._listener.accept()
            except OSError:
                return
            t = threading.Thread(target=self._serve, args=(conn,), name="fault-proxy-conn")
            with self._lock:
                if self._stopping.is_set():
                    conn.close()
                    return
                self._conns.add(conn)
                self._threads = [x for x in self._threads if x.is_alive()]
                self._threads.append(t)
            t.start()

    def _draw(self) -> Fault:
        with self._lock:
            if not self.enabled:
                return Fault.NONE
            if self._burst is not None:
                fault, left = self._burst
                self._burst = (fault, left - 1) if left > 1 else None
                return fault
            r = self.rates
            roll = self._rng.random()
            for fault, p in (
                (Fault.LOSE_RESPONSE, r.lose_response),
                (Fault.ERROR_5XX, r.error_5xx),
                (Fault.TOO_MANY, r.too_many),
                (Fault.RESET_BEFORE, r.reset_before),
                (Fault.SLOW, r.slow),
                (Fault.DUPLICATE, r.duplicate),
                (Fault.REORDER, r.reorder),
            ):
                if roll < p:
                    if fault in BURSTS:
                        more = self._rng.randint(0, r.max_burst - 1)
                        self._burst = (fault, more) if more else None
                    return fault
                roll -= p
            return Fault.NONE

    def _serve(self, conn: socket.socket) -> None:
        buf = bytearray()
        try:
            while not self._stopping.is_set():
                try:
                    req = read_request(conn, buf)
                except (Closed, OSError, ValueError):
                    return
                if not self._one(conn, req):
                    return
        finally:
            with self._lock:
                self._conns.discard(conn)
            conn.close()

    def _one(self, conn: socket.socket, req: Request) -> bool:
        """Handle one request; False when the client's connection is finished."""
        fault = self._draw()
        entry = Entry(
            time.monotonic(), req.method, req.path, req.headers.get("authorization", ""), fault
        )
        with self._lock:
            self.log.append(entry)
            waiting = [] if fault is Fault.REORDER else self._held
            if fault is not Fault.REORDER:
                self._held = []
        try:
            return self._apply(conn, req, fault, entry)
        finally:
            for ev in waiting:  # this one went first: now the held ones may go
                ev.set()

    def _apply(self, conn: socket.socket, req: Request, fault: Fault, entry: Entry) -> bool:
        if fault is Fault.RESET_BEFORE:
            return self._drop(conn)
        if fault is Fault.ERROR_5XX:
            status, reason = self._rng.choice(
                [(500, "Internal Server Error"), (502, "Bad Gateway"), (503, "Unavailable")]
            )
            body = b'{"error":"injected","message":"injected by the fault proxy"}'
            return self._send(conn, entry, status, _response(status, reason, body, {}))
        if fault is Fault.TOO_MANY:
            wait = self.rates.retry_after_s
            entry.retry_after = wait
            body = b'{"error":"busy","message":"slow down (fault proxy)"}'
            raw = _response(429, "Too Many Requests", body, {"Retry-After": f"{wait:g}"})
            return self._send(conn, entry, 429, raw)
        if fault is Fault.REORDER:
            ev = threading.Event()
            with self._lock:
                self._held.append(ev)
            ev.wait(self.hold_s)
            with self._lock:
                if ev in self._held:
                    self._held.remove(ev)
        if fault is Fault.DUPLICATE:
            answers: list[tuple[int, bytes]] = []
            twins = [
                threading.Thread(target=lambda: answers.append(self._forward(req)))
                for _ in range(2)
            ]
            for t in twins:
                t.start()
            for t in twins:
                t.join()
            status, raw = answers[-1] if answers else (0, b"")
        else:
            status, raw = self._forward(req)
        if not raw:  # the upstream is not there: look like it
            return self._drop(conn)
        if fault is Fault.LOSE_RESPONSE:
            return self._drop(conn)
        if fault is Fault.SLOW:
            self._stopping.wait(self.slow_s)
        return self._send(conn, entry, status, raw)

    def _send(self, conn: socket.socket, entry: Entry, status: int, raw: bytes) -> bool:
        try:
            conn.sendall(raw)
        except OSError:
            return False
        entry.status = status
        return True

    def _drop(self, conn: socket.socket) -> bool:
        with self._lock:
            self._conns.discard(conn)
        _reset(conn)
        return False

    def _forward(self, req: Request) -> tuple[int, bytes]:
        """Send the request upstream on a connection of its own; (status, response to
        relay) or (0, b"") when the upstream cannot be reached."""
        lines = req.head.split(b"\r\n")
        kept = [line for line in lines[1:] if not line.lower().startswith(b"connection:")]
        head = b"\r\n".join([lines[0], *kept, b"Connection: close"]) + b"\r\n\r\n"
        try:
            with socket.create_connection(self.upstream, timeout=30) as up:
                up.sendall(head + req.body)
                data = bytearray()
                while chunk := up.recv(65536):
                    data += chunk
        except OSError:
            return 0, b""
        if b"\r\n\r\n" not in data:
            return 0, b""
        end = data.index(b"\r\n\r\n")
        first, headers = _headers(bytes(data[:end]))
        body = bytes(data[end + 4 :])
        if "chunked" in headers.get("transfer-encoding", ""):
            body = _dechunk(body)
        status = int(first.split(" ")[1])
        drop = ("connection", "transfer-encoding", "content-length", "keep-alive")
        out = [first] + [
            line
            for line in bytes(data[:end]).decode("latin-1").split("\r\n")[1:]
            if line.partition(":")[0].strip().lower() not in drop
        ]
        out.append(f"Content-Length: {len(body)}")
        return status, ("\r\n".join(out) + "\r\n\r\n").encode("latin-1") + body
