"""What the card readers tell the application: typed, frozen values, one class per fact.

Every driver hands these to a sink ``Callable[[CardEvent], None]`` from its own thread.
Card data (UID, number) appears only in :class:`CardPresented`, and only masked in its
``repr``; :class:`BankCardRefused` carries no card data at all, by construction.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from drivers.masking import mask


class Technology(enum.Enum):
    CONTACTLESS = "contactless"  # PC/SC (NFC)
    MAGSTRIPE = "magstripe"  # serial magnetic-stripe reader
    WEDGE = "wedge"  # keyboard-wedge reader or barcode scanner


class CardType(enum.Enum):
    """What the card is, as far as its ATR (or the medium) tells."""

    UID_ONLY = "uid_only"  # unknown contactless card: only the UID is used
    MIFARE_CLASSIC_1K = "mifare_classic_1k"
    MIFARE_CLASSIC_4K = "mifare_classic_4k"
    MIFARE_MINI = "mifare_mini"
    ULTRALIGHT_NTAG = "ultralight_ntag"  # MIFARE Ultralight family, NTAG21x
    ISO14443_4 = "iso14443_4"  # a processor card (smart card, phone)
    MAGNETIC = "magnetic"
    KEYED = "keyed"  # typed by a keyboard wedge or a barcode scanner


class ReadProblem(enum.Enum):
    """Why a read gave nothing; the cashier is told to tap or swipe again (NOT_OURS: that
    it is not a club card)."""

    TORN_SWIPE = "torn_swipe"  # partial data, missing sentinel, LRC/parity error
    TRACK_MISSING = "track_missing"  # the configured track is absent or empty
    CARD_REMOVED = "card_removed"  # the card left the field during the read
    UNREADABLE = "unreadable"  # the card answered, but not as configured
    NOT_OURS = "not_ours"  # a number that matches none of the program's patterns


def now() -> float:
    return time.monotonic()


@dataclass(frozen=True, slots=True)
class CardPresented:
    """A card was presented and read. ``t_detected`` is when the hardware reported it
    (SCardGetStatusChange returned, the last byte of a swipe arrived), ``t_emitted`` when
    this event was made; both ``time.monotonic()`` seconds."""

    source: str  # the reader: PC/SC reader name, serial port path, "wedge"
    technology: Technology
    card_type: CardType
    uid: str | None = field(default=None, repr=False)  # upper-case hex, no spaces
    number: str | None = field(default=None, repr=False)  # the loyalty number as read
    t_detected: float = 0.0
    t_emitted: float = field(default_factory=now)

    def __repr__(self) -> str:
        return (
            f"CardPresented(source={self.source!r}, technology={self.technology.value}, "
            f"card_type={self.card_type.value}, uid={mask(self.uid)!r}, "
            f"number={mask(self.number)!r})"
        )

    @property
    def latency_s(self) -> float:
        return self.t_emitted - self.t_detected


@dataclass(frozen=True, slots=True)
class CardRemoved:
    source: str
    technology: Technology
    t_detected: float = 0.0
    t_emitted: float = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class BankCardRefused:
    """A payment card was presented and refused. No digits, names or dates, ever."""

    source: str
    technology: Technology
    t_detected: float = 0.0
    t_emitted: float = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class ReadFailed:
    """A read gave no usable number: tell the cashier to tap or swipe again."""

    source: str
    technology: Technology
    problem: ReadProblem
    t_detected: float = 0.0
    t_emitted: float = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class ReaderAppeared:
    source: str
    technology: Technology
    t_emitted: float = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class ReaderDisappeared:
    source: str
    technology: Technology
    t_emitted: float = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class ReaderFailed:
    """A reader (or the PC/SC service) failed; the driver retries after ``retry_in_s``."""

    source: str
    technology: Technology
    error: str  # a short description, never card data
    retry_in_s: float
    t_emitted: float = field(default_factory=now)


CardEvent = (
    CardPresented
    | CardRemoved
    | BankCardRefused
    | ReadFailed
    | ReaderAppeared
    | ReaderDisappeared
    | ReaderFailed
)
EventSink = Callable[[CardEvent], None]
