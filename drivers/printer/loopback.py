"""A loopback ESC/POS printer on TCP: it receives, answers status queries, and decodes.

For tests, the demo (``make run``) and store IT trying a terminal without a printer. It
serves one connection at a time, like a real printer on port 9100, and can misbehave on
purpose (:class:`Behaviour`): out of paper, cover open, never reading, dropping the
connection in the middle of a receipt, or never answering a status query.

    with LoopbackPrinter() as printer:        # 127.0.0.1, a free port
        ...                                   # point [printer] at printer.port
        printer.wait_for_receipts(1)
        printer.receipts()[0].text()          # decoded
"""

from __future__ import annotations

import enum
import logging
import socket
import struct
import threading
from types import TracebackType

from drivers.printer.decoder import Decoded, decode

log = logging.getLogger(__name__)


class Behaviour(enum.Enum):
    NORMAL = "normal"
    PAPER_OUT = "paper_out"  # answers "no paper", prints nothing
    COVER_OPEN = "cover_open"
    NEVER_READ = "never_read"  # accepts the connection and never reads from it
    DROP_MIDWAY = "drop_midway"  # resets the connection after ``drop_after`` bytes
    SILENT = "silent"  # prints, but never answers a status query


# Answers to DLE EOT 1, 2, 4: bits 1 and 4 are always set.
_ONLINE, _OFFLINE = 0x12, 0x1A
_ANSWERS = {
    Behaviour.PAPER_OUT: {1: _OFFLINE, 2: 0x32, 3: 0x12, 4: 0x72},
    Behaviour.COVER_OPEN: {1: _OFFLINE, 2: 0x16, 3: 0x12, 4: 0x12},
}
_NORMAL = {1: _ONLINE, 2: 0x12, 3: 0x12, 4: 0x12}


class LoopbackPrinter:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        profile: str = "default",
        behaviour: Behaviour = Behaviour.NORMAL,
        drop_after: int = 200,
    ) -> None:
        self.profile = profile
        self.behaviour = behaviour
        self.drop_after = drop_after
        self._server = socket.create_server((host, port))
        self._server.settimeout(0.1)
        self.host, self.port = self._server.getsockname()[:2]
        self._stop = threading.Event()
        self._cond = threading.Condition()
        self._jobs: list[bytes] = []  # what reached the paper, one connection each
        self._partial: list[bytes] = []  # connections that ended without a whole job
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, name="loopback-printer", daemon=True)

    # --- life cycle ------------------------------------------------------------------
    def start(self) -> LoopbackPrinter:
        self._thread.start()
        log.info("loopback printer on %s:%d", self.host, self.port)
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)
        self._server.close()
        for sock in self._held:
            sock.close()
        self._held.clear()

    def __enter__(self) -> LoopbackPrinter:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- what it printed ---------------------------------------------------------------
    def jobs(self) -> list[bytes]:
        with self._cond:
            return list(self._jobs)

    def partial(self) -> list[bytes]:
        with self._cond:
            return list(self._partial)

    def receipts(self) -> list[Decoded]:
        return [decode(job, self.profile) for job in self.jobs()]

    def wait_for_receipts(self, n: int, timeout: float = 10.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: len(self._jobs) >= n, timeout)

    # --- serving -----------------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.behaviour is Behaviour.NEVER_READ:
                self._held.append(conn)  # closed by stop()
                continue
            try:
                self._handle(conn)
            except OSError as exc:
                log.debug("loopback printer: %s", exc)
            finally:
                conn.close()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(0.1)
        behaviour = self.behaviour
        data = bytearray()
        pending = b""
        while not self._stop.is_set():
            try:
                chunk = conn.recv(4096)
            except TimeoutError:
                continue
            if not chunk:
                break
            chunk = pending + chunk
            pending = b""
            data += self._answer(conn, chunk, behaviour)
            if data.endswith(b"\x10") or data.endswith(b"\x10\x04"):
                # a status query split across two reads: keep it for the next
                tail = 2 if data.endswith(b"\x10\x04") else 1
                pending = bytes(data[-tail:])
                del data[-tail:]
            if behaviour is Behaviour.DROP_MIDWAY and len(data) >= self.drop_after:
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self._record(bytes(data[: self.drop_after]), whole=False)
                return
        self._record(bytes(data), whole=behaviour in (Behaviour.NORMAL, Behaviour.SILENT))

    def _answer(self, conn: socket.socket, chunk: bytes, behaviour: Behaviour) -> bytes:
        """Answer the status queries in ``chunk``; return the rest (what is printed)."""
        out = bytearray()
        i = 0
        while i < len(chunk):
            if chunk[i : i + 2] == b"\x10\x04" and i + 2 < len(chunk):
                n = chunk[i + 2]
                if behaviour is not Behaviour.SILENT:
                    conn.sendall(bytes([_ANSWERS.get(behaviour, _NORMAL).get(n, _ONLINE)]))
                i += 3
            else:
                out.append(chunk[i])
                i += 1
        return bytes(out)

    def _record(self, data: bytes, *, whole: bool) -> None:
        if not data:
            return
        with self._cond:
            (self._jobs if whole else self._partial).append(data)
            self._cond.notify_all()
