"""A virtual card for pcscd's vpcd reader driver: a small TCP client.

vpcd listens on 127.0.0.1:35963 (reader ``Virtual PCD 00 00``) and 35964 (``... 00 01``).
Connecting puts the card on the reader, closing the socket takes it off. Both ways each
message is a 2-byte big-endian length and a payload; a 1-byte payload from the reader is
a control code (0 off, 1 on, 2 reset: no answer; 4: answer with the ATR), anything longer
is a command APDU to answer.
"""

from __future__ import annotations

import logging
import socket
import threading
import time

from drivers.virtual.cards import VirtualCard

log = logging.getLogger(__name__)

VPCD_HOST = "127.0.0.1"
VPCD_PORT = 35963  # reader 0; reader n listens on VPCD_PORT + n
CTRL_ATR = 4


_QUICKACK = getattr(socket, "TCP_QUICKACK", None)


def _recv_exact(sock: socket.socket, n: int) -> bytes | None:
    data = b""
    while len(data) < n:
        if _QUICKACK is not None:
            # vpcd writes the length and the payload separately; without an immediate ACK
            # Nagle's algorithm on its side holds the payload for our delayed ACK (40 ms).
            sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
        chunk = sock.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


class VpcdCard:
    """Put ``card`` on vpcd reader ``reader`` (0 or 1) until :meth:`remove`.

    ``reconnect``: when the reader goes away (pcscd restarted) keep trying to come back,
    like a card left lying on a reader. ``pull_after``: answer that many APDUs, then
    leave the field without answering the next one (a card pulled during a read).
    """

    def __init__(
        self,
        card: VirtualCard,
        reader: int = 0,
        *,
        host: str = VPCD_HOST,
        reconnect: bool = False,
        pull_after: int | None = None,
    ) -> None:
        self.card = card
        self.port = VPCD_PORT + reader
        self.host = host
        self.reconnect = reconnect
        self.pull_after = pull_after
        self.apdus = 0  # answered so far
        self.connected = threading.Event()
        self._stop = threading.Event()
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.t_connected = 0.0

    def insert(self, timeout: float = 5.0) -> VpcdCard:
        """Connect (retrying until ``timeout``) and serve the reader on a thread."""
        deadline = time.monotonic() + timeout
        sock = self._connect(deadline)
        if sock is None:
            raise ConnectionError(f"vpcd is not listening on {self.host}:{self.port}")
        self._start(sock)
        return self

    def _start(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
        self.connected.set()
        self._thread = threading.Thread(
            target=self._serve, args=(sock,), name=f"vpcd-card-{self.port}", daemon=True
        )
        self._thread.start()

    def _connect(self, deadline: float) -> socket.socket | None:
        while not self._stop.is_set():
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
            except OSError:
                if time.monotonic() >= deadline:
                    return None
                self._stop.wait(0.1)
                continue
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.t_connected = time.monotonic()
            return sock
        return None

    def _serve(self, sock: socket.socket) -> None:
        while True:
            try:
                self._answer_until_closed(sock)
            except OSError:
                pass
            self.connected.clear()
            self._close(sock)
            if not self.reconnect or self._stop.is_set():
                return
            next_sock = self._connect(float("inf"))
            if next_sock is None:
                return
            with self._lock:
                self._sock = next_sock
            sock = next_sock
            self.connected.set()

    def _answer_until_closed(self, sock: socket.socket) -> None:
        while not self._stop.is_set():
            header = _recv_exact(sock, 2)
            if header is None:
                return
            payload = _recv_exact(sock, int.from_bytes(header, "big"))
            if payload is None:
                return
            if len(payload) == 1:
                if payload[0] == CTRL_ATR:
                    self._send(sock, self.card.atr)
                continue
            if self.pull_after is not None and self.apdus >= self.pull_after:
                self._stop.set()  # pulled: leave the field without answering
                return
            self._send(sock, self.card.answer(payload))
            self.apdus += 1

    @staticmethod
    def _send(sock: socket.socket, data: bytes) -> None:
        sock.sendall(len(data).to_bytes(2, "big") + data)

    def _close(self, sock: socket.socket) -> None:
        with self._lock:
            if self._sock is sock:
                self._sock = None
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()

    def remove(self) -> None:
        """Take the card off the reader (close the socket) and wait for the thread."""
        self._stop.set()
        with self._lock:
            sock = self._sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(5.0)
        self.connected.clear()

    def __enter__(self) -> VpcdCard:
        return self.insert()

    def __exit__(self, *exc: object) -> None:
        self.remove()
