"""What a receipt is made of, independent of any printer: lines, a QR code, a cut.

Layouts (terminal/receipts) build a :class:`Document`; :mod:`drivers.printer.encoder`
turns it into ESC/POS bytes for one printer profile.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line. ``double`` prints it twice as wide and twice as high."""

    text: str = ""
    align: Align = Align.LEFT
    bold: bool = False
    double: bool = False
    underline: bool = False


@dataclass(frozen=True, slots=True)
class Qr:
    data: str
    size: int = 6  # module size in dots, 1-16


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    partial: bool = False


@dataclass(frozen=True, slots=True)
class DrawerKick:
    pin: int = 2  # 2 or 5


Block = Line | Qr | Feed | Cut | DrawerKick


@dataclass(frozen=True, slots=True)
class Document:
    blocks: tuple[Block, ...]
    title: str = ""  # for people: the queue list, logs (never personal data)

    def text(self) -> str:
        """The lines as plain text (for tests and logs)."""
        return "\n".join(b.text for b in self.blocks if isinstance(b, Line))
