"""A pty that behaves like a serial magnetic-stripe reader: the driver opens ``path``
(a symlink to the pty's slave side), the feeder writes swipes into the master side.

``vanish()`` closes the pty and removes the link (an unplugged USB-serial adapter);
``reappear()`` makes a new pty behind the same path.
"""

from __future__ import annotations

import contextlib
import os
import time
import tty
from pathlib import Path

from drivers.magstripe import encode_track
from drivers.msr_framing import msr605_response


class PtyMsr:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._master: int | None = None
        self._slave: int | None = None
        self.reappear()

    def reappear(self) -> None:
        if self._master is not None:
            return
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no line editing, before the driver opens it
        os.set_blocking(master, True)
        self._master, self._slave = master, slave
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.path.symlink_to(os.ttyname(slave))

    def vanish(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None

    close = vanish

    def write(self, data: bytes) -> float:
        """Write ``data``; return the monotonic time right after its last byte went out."""
        if self._master is None:
            raise OSError("the pty has vanished")
        view = memoryview(data)
        while view:
            n = os.write(self._master, view)
            view = view[n:]
        return time.monotonic()

    def read_available(self) -> bytes:
        """What the driver wrote to the 'reader' (e.g. MSR605 commands), without waiting."""
        if self._master is None:
            return b""
        os.set_blocking(self._master, False)
        try:
            return os.read(self._master, 4096)
        except BlockingIOError:
            return b""
        finally:
            os.set_blocking(self._master, True)

    def swipe(
        self,
        *,
        t1: str | None = None,
        t2: str | None = None,
        t3: str | None = None,
        lrc: bool = False,
        end: bytes = b"\r\n",
    ) -> float:
        """Play a swipe in plain ASCII framing: the given tracks with sentinels, then CR LF."""
        text = "".join(
            encode_track(n, data, lrc)
            for n, data in ((1, t1), (2, t2), (3, t3))
            if data is not None
        )
        return self.write(text.encode("latin-1") + end)

    def swipe_msr605(self, *, t1: str = "", t2: str = "", t3: str = "", status: str = "0") -> float:
        """Play an MSR605 read answer; tracks are given without sentinels."""
        return self.write(
            msr605_response(
                encode_track(1, t1) if t1 else "",
                encode_track(2, t2) if t2 else "",
                encode_track(3, t3) if t3 else "",
                status,
            )
        )

    def __enter__(self) -> PtyMsr:
        return self

    def __exit__(self, *exc: object) -> None:
        self.vanish()


def main(argv: list[str] | None = None) -> int:
    """``python -m drivers.virtual.pty_msr /tmp/ttyMSR``: a pty serial reader at that path;
    each line typed on stdin is swiped (a number goes on track 2; ``bank`` swipes a test
    Visa card; ``torn`` a torn swipe)."""
    import argparse
    import sys

    p = argparse.ArgumentParser(prog="python -m drivers.virtual.pty_msr", description=main.__doc__)
    p.add_argument("path", help="the link to create, e.g. /tmp/ttyMSR")
    p.add_argument("--msr605", action="store_true", help="ESC-framed MSR605 answers")
    args = p.parse_args(argv)
    with PtyMsr(args.path) as pty:
        print(f"serial reader at {args.path}; type a number and Enter to swipe it", flush=True)
        for line in sys.stdin:
            word = line.strip()
            if word == "torn":
                pty.write(b";29900000")
            elif word == "bank":
                pty.swipe(t1="B4111111111111111^TEST/CARD^2512101", t2="4111111111111111=2512101")
            elif word and args.msr605:
                pty.swipe_msr605(t2=word)
            elif word:
                pty.swipe(t2=word)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
