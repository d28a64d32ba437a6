"""Cutting a serial reader's byte stream into swipes (pure; time is passed in).

``ascii``: track text ending in CR and/or LF. ``msr605``: the ESC-framed answer of
MSR605-class readers to a read request, ``ESC s [ESC 1 t1] [ESC 2 t2] [ESC 3 t3] ? FS
ESC status``. Both bound their buffer (a flood of noise never grows memory) and give up
on a swipe that stays silent for ``timeout_s`` before its end (a torn swipe).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_SWIPE_BYTES = 1024
ESC, FS = 0x1B, 0x1C
MSR605_READ = b"\x1br"  # "read (ISO)": arm the reader for the next swipe
MSR605_RESET = b"\x1ba"


@dataclass(frozen=True, slots=True)
class Frame:
    text: str = field(repr=False)  # the swipe's tracks as text, e.g. "%...?;...?"
    complete: bool  # False: torn (timeout, overflow, reader's error status)
    t_last: float  # monotonic time the last byte was read


class AsciiFramer:
    def __init__(self, timeout_s: float, max_bytes: int = MAX_SWIPE_BYTES) -> None:
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes
        self._buf = bytearray()
        self._overflow = False
        self._t_last = 0.0

    def feed(self, data: bytes, t: float) -> list[Frame]:
        frames: list[Frame] = []
        for b in data:
            if b in (0x0D, 0x0A):
                if self._buf and not self._overflow:
                    frames.append(Frame(self._buf.decode("latin-1"), True, t))
                self._buf.clear()
                self._overflow = False
            elif self._overflow:
                continue
            elif len(self._buf) >= self.max_bytes:
                frames.append(Frame("", False, t))
                self._buf.clear()
                self._overflow = True
            else:
                self._buf.append(b)
        if data:
            self._t_last = t
        return frames

    def expire(self, t: float) -> list[Frame]:
        if (self._buf or self._overflow) and t - self._t_last > self.timeout_s:
            text = "" if self._overflow else self._buf.decode("latin-1")
            self._buf.clear()
            self._overflow = False
            return [Frame(text, False, self._t_last)] if text else []
        return []


def _msr605_track_text(number: int, raw: bytes) -> str:
    text = raw.decode("latin-1")
    if text in ("", "+") or (text.startswith("\x1b") and len(text) <= 2):
        return ""
    if number == 3 and text.startswith(";"):
        return "+" + text[1:]  # explicit track-3 sentinel: track 2 may be absent
    if text[0] not in "%;+":
        start = {1: "%", 2: ";", 3: "+"}[number]
        return start + text + ("" if text.endswith("?") else "?")
    return text


class Msr605Framer:
    def __init__(self, timeout_s: float, max_bytes: int = 2 * MAX_SWIPE_BYTES) -> None:
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes
        self._buf = bytearray()
        self._t_last = 0.0

    def feed(self, data: bytes, t: float) -> list[Frame]:
        frames: list[Frame] = []
        if data:
            self._t_last = t
        self._buf += data
        while True:
            start = self._buf.find(b"\x1bs")
            if start < 0:
                # keep a trailing ESC (a start may be split across reads); drop noise
                del self._buf[: len(self._buf) - (1 if self._buf.endswith(b"\x1b") else 0)]
                return frames
            del self._buf[:start]
            end = self._buf.find(bytes([FS, ESC]))
            if end < 0 or end + 2 >= len(self._buf):
                if len(self._buf) > self.max_bytes:
                    frames.append(Frame("", False, t))
                    self._buf.clear()
                return frames
            block = bytes(self._buf[2:end])
            status = self._buf[end + 2]
            del self._buf[: end + 3]
            frames.append(self._frame(block, status, t))

    def _frame(self, block: bytes, status: int, t: float) -> Frame:
        if block.endswith(b"?"):
            block = block[:-1]  # the data block's own end mark
        parts: dict[int, bytes] = {}
        for chunk in block.split(b"\x1b")[1:]:
            if chunk[:1] in (b"1", b"2", b"3"):
                parts[int(chunk[:1])] = chunk[1:]
        text = "".join(_msr605_track_text(n, parts[n]) for n in sorted(parts))
        return Frame(text, status == ord("0"), t)

    def expire(self, t: float) -> list[Frame]:
        if self._buf.startswith(b"\x1bs") and t - self._t_last > self.timeout_s:
            self._buf.clear()
            return [Frame("", False, self._t_last)]
        return []


def msr605_response(t1: str = "", t2: str = "", t3: str = "", status: str = "0") -> bytes:
    """What an MSR605 sends for one swipe (the pty feeder plays this)."""
    body = b"\x1b1" + t1.encode("latin-1") + b"\x1b2" + t2.encode("latin-1")
    body += b"\x1b3" + t3.encode("latin-1")
    return b"\x1bs" + body + b"?" + bytes([FS, ESC]) + status.encode("ascii")
