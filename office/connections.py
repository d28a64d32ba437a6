"""uvicorn's HTTP/1.1 protocol (h11) with the deadlines and the connection cap that
uvicorn lacks (docs/office-security.md).

- **Deadlines.** A request must send its request line and headers within
  ``header_timeout_s`` of the moment the connection could send them (opened, or the
  previous answer sent), and its body within ``body_timeout_s`` of its headers. A
  request that misses one is answered 408 in the protocol's shape (when no answer has
  started) and its connection closed. uvicorn itself only times out a connection that
  is idle *after* an answer (``timeout_keep_alive``): one that sends half a request
  stays open for ever.
- **The cap.** At most ``max_connections`` connections are open. At the cap, a new
  connection pushes out the oldest one that is *waiting* (still sending its request,
  or idle between requests); connections whose request is being answered are never
  pushed out, and when every connection is being answered the new one is closed. So
  connections that send slowly cannot keep a till out: its request, which arrives at
  once, is the newest, and the slow ones go first. (uvicorn's ``limit_concurrency``
  answers 503 to *new* requests once the cap is reached: half-open connections would
  starve the tills.)
- A request answered before its body was read (413) has ``LINGER_S`` to finish sending
  it (thrown away) before its connection is closed.
- Malformed HTTP gets 400 in the protocol's shape, not uvicorn's text.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from office.errors import error_body
from office.limits import ServerLimits
from sync.protocol import TIME_HEADER, VERSION, VERSION_HEADER

log = logging.getLogger(__name__)

_HEADERS, _BODY, _BUSY = "headers", "body", "busy"
_REPORT_EVERY_S = 60.0
#: How long the rest of a body that was refused (413) is read and thrown away, so that
#: the client, still sending, can read the answer (closing at once would reset it).
LINGER_S = 2.0


class Connections:
    """The open connections of one server, the waiting ones in the order they began to
    wait (oldest first)."""

    def __init__(self, limits: ServerLimits, now: Callable[[], str]) -> None:
        self.limits = limits
        self.now = now
        self.open: set[GuardedH11Protocol] = set()
        self.waiting: OrderedDict[GuardedH11Protocol, None] = OrderedDict()
        self._closed = {"timed out": 0, "pushed out": 0, "refused": 0, "malformed": 0}
        self._reported = time.monotonic()

    def admit(self, conn: GuardedH11Protocol) -> bool:
        """Make room for ``conn``; False when every open connection is being answered."""
        while len(self.open) >= self.limits.max_connections:
            if not self.waiting:
                self.count("refused")
                return False
            oldest, _ = self.waiting.popitem(last=False)
            self.forget(oldest)
            oldest.transport.close()
            self.count("pushed out")
        self.open.add(conn)
        return True

    def forget(self, conn: GuardedH11Protocol) -> None:
        self.open.discard(conn)
        self.waiting.pop(conn, None)

    def count(self, what: str) -> None:
        self._closed[what] += 1
        if time.monotonic() - self._reported >= _REPORT_EVERY_S:
            self.report()

    def report(self) -> None:
        """One line for the connections closed since the last one (an attack shows as
        one line a minute, not one per connection)."""
        self._reported = time.monotonic()
        if any(self._closed.values()):
            said = ", ".join(f"{n} {what}" for what, n in self._closed.items() if n)
            log.info("connections closed by the limits: %s (%d open)", said, len(self.open))
            self._closed = dict.fromkeys(self._closed, 0)


def protocol_class(limits: ServerLimits, now: Callable[[], str]) -> type[GuardedH11Protocol]:
    """The protocol class for ``uvicorn.Config(http=...)``: one set of connections per
    server (the class holds it)."""

    class OfficeH11Protocol(GuardedH11Protocol):
        connections_of_server = Connections(limits, now)

    return OfficeH11Protocol


class _Quieter(logging.LoggerAdapter):  # type: ignore[type-arg]
    """uvicorn's logger, with its warning for each malformed request made DEBUG (anyone
    can send those: the limits' report counts them)."""

    @property
    def level(self) -> int:
        return int(self.logger.level)

    def warning(self, msg: object, *args: Any, **kwargs: Any) -> None:
        if msg == "Invalid HTTP request received.":
            self.logger.debug(msg, *args, **kwargs)
        else:
            self.logger.warning(msg, *args, **kwargs)


class GuardedH11Protocol(H11Protocol):
    connections_of_server: Connections

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.logger = _Quieter(self.logger)  # type: ignore[assignment]
        self._phase = _BUSY
        self._deadline: asyncio.TimerHandle | None = None
        self._received = False

    # --- the transport's calls -----------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if not self.connections_of_server.admit(self):
            transport.close()
            return
        self._follow()

    def data_received(self, data: bytes) -> None:
        self._received = True
        super().data_received(data)
        self._follow()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        self.connections_of_server.forget(self)
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.transport.is_closing():
            return
        if self.conn.their_state is h11.SEND_BODY:  # answered before the body was read
            self._cancel()
            self._deadline = self.loop.call_later(LINGER_S, self.transport.close)
            return
        self._received = False
        self._follow()

    def send_400_response(self, msg: str) -> None:
        self.connections_of_server.count("malformed")
        self._send_raw(400, "bad_request", "malformed HTTP")

    # --- the deadlines -------------------------------------------------------------

    def _follow(self) -> None:
        """Arm the deadline of the phase the request is in, when it changes."""
        state = self.conn.their_state
        phase = _HEADERS if state is h11.IDLE else _BODY if state is h11.SEND_BODY else _BUSY
        if phase == self._phase or self.transport.is_closing():
            return
        self._phase = phase
        self._cancel()
        waiting = self.connections_of_server.waiting
        if phase == _BUSY:
            waiting.pop(self, None)
            return
        waiting[self] = None
        waiting.move_to_end(self)
        limits = self.connections_of_server.limits
        timeout = limits.header_timeout_s if phase == _HEADERS else limits.body_timeout_s
        self._deadline = self.loop.call_later(timeout, self._on_deadline)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _on_deadline(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        self.connections_of_server.count("timed out")
        answered = self.cycle is not None and self.cycle.response_started
        if self._phase == _BODY and not answered:
            if self.cycle is not None:
                self.cycle.disconnected = True  # the route gets http.disconnect
                self.cycle.message_event.set()
            self._send_raw(408, "request_timeout", "the request's body came too slowly")
        elif self._phase == _HEADERS and self._received:
            self._send_raw(408, "request_timeout", "the request's headers came too slowly")
        else:
            self.transport.close()  # idle, or answered already: nothing to say

    def _send_raw(self, status: int, code: str, message: str) -> None:
        """An answer written past h11 (whose state the request broke), then close."""
        body = error_body(code, message)
        reason = {400: "Bad Request", 408: "Request Timeout"}[status]
        head = (
            f"HTTP/1.1 {status} {reason}\r\n"
            "content-type: application/json\r\n"
            f"content-length: {len(body)}\r\n"
            "connection: close\r\n"
            f"{TIME_HEADER.lower()}: {self.connections_of_server.now()}\r\n"
            f"{VERSION_HEADER.lower()}: {VERSION}\r\n\r\n"
        )
        self.transport.write(head.encode() + body)
        self.transport.close()
