"""ESC/POS bytes back to what the printer does: lines of styled text, QR codes, images, cuts.

The decoder reads what we send (and the commands printers commonly get) the way a
printer does: it keeps the state (code page, bold, underline, size, alignment), and ends
a line at LF. It is the receipt preview (terminal.receipts.preview draws its result),
the loopback test printer's eyes, and the golden tests' reader. It never raises on bad
input: unknown commands are recorded, a cut-off stream is marked ``truncated``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drivers.printer import codepages
from drivers.printer.document import Align

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C
_ALIGN = {0: Align.LEFT, 1: Align.CENTER, 2: Align.RIGHT}


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    underline: bool = False
    width: int = 1  # character width multiplier
    height: int = 1
    invert: bool = False


@dataclass(frozen=True, slots=True)
class TextLine:
    runs: tuple[Run, ...]
    align: Align = Align.LEFT

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def height(self) -> int:
        return max((r.height for r in self.runs), default=1)


@dataclass(frozen=True, slots=True)
class QrCode:
    data: str
    size: int
    align: Align = Align.LEFT


@dataclass(frozen=True, slots=True)
class Image:
    width: int  # dots
    height: int
    rows: bytes  # raster, (width + 7) // 8 bytes a row, MSB first, 1 = black
    align: Align = Align.LEFT

    def dark(self, x: int, y: int) -> bool:
        stride = (self.width + 7) // 8
        return bool(self.rows[y * stride + (x >> 3)] & (0x80 >> (x & 7)))


@dataclass(frozen=True, slots=True)
class FeedLines:
    lines: int


@dataclass(frozen=True, slots=True)
class CutPaper:
    partial: bool


@dataclass(frozen=True, slots=True)
class DrawerPulse:
    pin: int


@dataclass(frozen=True, slots=True)
class CodePageSelected:
    number: int
    name: str  # "" when the profile does not know the number


@dataclass(frozen=True, slots=True)
class StatusQuery:
    n: int


@dataclass(frozen=True, slots=True)
class Unknown:
    command: bytes


Element = (
    TextLine
    | QrCode
    | Image
    | FeedLines
    | CutPaper
    | DrawerPulse
    | CodePageSelected
    | StatusQuery
    | Unknown
)


@dataclass(frozen=True, slots=True)
class Decoded:
    elements: tuple[Element, ...]
    truncated: bool = False  # the bytes stop inside a command or a line

    def lines(self) -> list[str]:
        return [e.text for e in self.elements if isinstance(e, TextLine)]

    def text(self) -> str:
        return "\n".join(self.lines())

    def code_pages(self) -> list[str]:
        return [e.name for e in self.elements if isinstance(e, CodePageSelected)]

    def qr_codes(self) -> list[str]:
        return [e.data for e in self.elements if isinstance(e, QrCode)]

    def cuts(self) -> int:
        return sum(1 for e in self.elements if isinstance(e, CutPaper))

    def unknown(self) -> list[bytes]:
        return [e.command for e in self.elements if isinstance(e, Unknown)]


class _Truncated(Exception):
    pass


@dataclass(slots=True)
class _State:
    profile: str
    align: Align = Align.LEFT
    bold: bool = False
    underline: bool = False
    width: int = 1
    height: int = 1
    invert: bool = False
    codec: str = "cp437"
    qr_data: bytes = b""
    qr_size: int = 3
    runs: list[Run] = field(default_factory=list)
    pending: bytearray = field(default_factory=bytearray)
    out: list[Element] = field(default_factory=list)

    def reset(self) -> None:
        self.flush_text()
        self.align, self.bold, self.underline = Align.LEFT, False, False
        self.width = self.height = 1
        self.invert = False
        page = codepages.by_number(self.profile, 0)
        self.codec = page.codec if page else "cp437"

    def flush_text(self) -> None:
        if self.pending:
            text = bytes(self.pending).decode(self.codec, errors="replace")
            self.runs.append(
                Run(text, self.bold, self.underline, self.width, self.height, self.invert)
            )
            self.pending.clear()

    def end_line(self) -> None:
        self.flush_text()
        self.out.append(TextLine(tuple(self.runs), self.align))
        self.runs = []

    def style_change(self) -> None:
        self.flush_text()


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise _Truncated
        b = self.data[self.pos]
        self.pos += 1
        return b

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise _Truncated
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def u16(self) -> int:
        lo, hi = self.take(2)
        return lo | hi << 8


def decode(data: bytes, profile: str = "default") -> Decoded:
    """What ``data`` prints on a printer of ``profile``."""
    st = _State(profile)
    st.reset()
    rd = _Reader(data)
    truncated = False
    try:
        while rd.pos < len(data):
            b = rd.byte()
            if b == 0x0A:
                st.end_line()
            elif b == ESC:
                _esc(rd, st)
            elif b == GS:
                _gs(rd, st)
            elif b == DLE:
                _dle(rd, st)
            elif b == FS:
                _fs(rd, st)
            elif b == 0x09:
                st.pending += b" "
            elif b < 0x20:
                continue  # CR, NUL, FF and the like: nothing printed
            else:
                st.pending.append(b)
    except _Truncated:
        truncated = True
    if st.pending or st.runs:
        truncated = True
        st.end_line()
    return Decoded(tuple(st.out), truncated)


def _esc(rd: _Reader, st: _State) -> None:
    c = rd.byte()
    ch = chr(c)
    if ch == "@":
        st.reset()
    elif ch == "t":
        n = rd.byte()
        st.flush_text()
        page = codepages.by_number(st.profile, n)
        st.codec = page.codec if page else "cp437"
        st.out.append(CodePageSelected(n, page.name if page else ""))
    elif ch in "EG":
        st.style_change()
        st.bold = bool(rd.byte() & 1)
    elif ch == "-":
        st.style_change()
        st.underline = rd.byte() in (1, 2, 49, 50)
    elif ch == "!":
        n = rd.byte()
        st.style_change()
        st.bold = bool(n & 0x08)
        st.height = 2 if n & 0x10 else 1
        st.width = 2 if n & 0x20 else 1
        st.underline = bool(n & 0x80)
    elif ch == "a":
        n = rd.byte()
        st.align = _ALIGN.get(n - 48 if n >= 48 else n, Align.LEFT)
    elif ch == "d":
        n = rd.byte()
        if st.pending or st.runs:
            st.end_line()
            n -= 1
        if n > 0:
            st.out.append(FeedLines(n))
    elif ch == "J":
        n = rd.byte()
        if st.pending or st.runs:
            st.end_line()
        if n >= 24:
            st.out.append(FeedLines(n // 24))
    elif ch == "p":
        m = rd.byte()
        rd.take(2)
        st.out.append(DrawerPulse(5 if m in (1, 49) else 2))
    elif ch in "iem" and ch != "e":
        st.out.append(CutPaper(partial=True))
    elif ch in "23=":
        if ch != "2":
            rd.byte()
    elif ch in "{VRM r3U\x20SLT!c" or ch == "$":
        rd.take(2 if ch in "$c" else 1)
    elif ch == "*":
        m = rd.byte()
        n = rd.u16()
        rd.take(n * (3 if m in (32, 33) else 1))
        st.out.append(Unknown(b"\x1b*"))
    else:
        st.out.append(Unknown(bytes([ESC, c])))


def _gs(rd: _Reader, st: _State) -> None:
    c = rd.byte()
    ch = chr(c)
    if ch == "!":
        n = rd.byte()
        st.style_change()
        st.width = (n >> 4 & 7) + 1
        st.height = (n & 7) + 1
    elif ch == "B":
        st.style_change()
        st.invert = bool(rd.byte() & 1)
    elif ch == "V":
        m = rd.byte()
        if m in (65, 66, 97, 98, 103, 104):
            rd.byte()
        if st.pending or st.runs:
            st.end_line()
        st.out.append(CutPaper(partial=m in (1, 49, 66, 98, 104)))
    elif ch == "(":
        kind = rd.byte()
        length = rd.u16()
        body = rd.take(length)
        if kind == ord("k") and len(body) >= 2 and body[0] == ord("1"):
            _qr(body[1], body[2:], st)
        elif kind != ord("k"):
            st.out.append(Unknown(b"\x1d(" + bytes([kind])))
    elif ch == "v":
        rd.byte()  # "0"
        rd.byte()  # density
        width_bytes, height = rd.u16(), rd.u16()
        rows = rd.take(width_bytes * height)
        if st.pending or st.runs:
            st.end_line()
        st.out.append(Image(width_bytes * 8, height, rows, st.align))
    elif ch in "bHhwf|aIrj":
        rd.byte()
    elif ch in "LWP":
        rd.take(2)
    elif ch == "k":
        m = rd.byte()
        if m <= 6:
            while rd.byte() != 0:
                pass
        else:
            rd.take(rd.byte())
        st.out.append(Unknown(b"\x1dk"))
    else:
        st.out.append(Unknown(bytes([GS, c])))


def _qr(fn: int, args: bytes, st: _State) -> None:
    if fn == 67 and args:
        st.qr_size = args[0]
    elif fn == 80 and args:
        st.qr_data = args[1:]
    elif fn == 81:
        if st.pending or st.runs:
            st.end_line()
        st.out.append(QrCode(st.qr_data.decode("utf-8", "replace"), st.qr_size, st.align))


def _dle(rd: _Reader, st: _State) -> None:
    c = rd.byte()
    if c == 0x04:
        st.out.append(StatusQuery(rd.byte()))
    elif c == 0x14:
        fn = rd.byte()
        if fn == 1:
            m = rd.byte()
            rd.byte()
            st.out.append(DrawerPulse(5 if m == 1 else 2))
        else:
            rd.take(2)
    elif c == 0x05:
        rd.byte()
    else:
        st.out.append(Unknown(bytes([DLE, c])))


def _fs(rd: _Reader, st: _State) -> None:
    c = rd.byte()
    ch = chr(c)
    if ch in ".&":
        return
    if ch == "p":
        rd.take(2)
    elif ch in "C!-":
        rd.byte()
    else:
        st.out.append(Unknown(bytes([FS, c])))
