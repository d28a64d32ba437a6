"""The ``[readers]`` table of the terminal's configuration, checked once, as frozen values.

Every option is declared once, below (common.config): type, default, help and check.
Every problem raises the one :class:`~common.errors.ConfigError`, naming the full key and
the bad value, e.g. ``readers.serial[0].baudrate: 'fast' is not an integer``. See
docs/readers.md.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from common.config import about, read_table, text, texts, within
from common.errors import ConfigError
from drivers.cardnumbers import CardNumberRules
from drivers.keycodes import TERMINATOR_KEYS

__all__ = [
    "DEMO_LENGTH",
    "DEMO_PREFIX",
    "BlockEncoding",
    "ConfigError",
    "Framing",
    "KeyType",
    "NumberSource",
    "PcscConfig",
    "ReadersConfig",
    "SerialReaderConfig",
    "WedgeConfig",
    "demo_rules",
]

DEMO_PREFIX = "2990"  # demo card numbers: 2990 + 8 digits + a Luhn digit (13 digits)
DEMO_LENGTH = 13


class NumberSource(enum.Enum):
    UID = "uid"  # the card's UID (FF CA) is the key
    MIFARE_BLOCK = "mifare_block"  # digits stored in a MIFARE Classic block
    NDEF_TEXT = "ndef_text"  # an NDEF text record on an NTAG / Ultralight


class KeyType(enum.Enum):
    A = "A"
    B = "B"


class BlockEncoding(enum.Enum):
    ASCII = "ascii"  # ASCII digits, padded with NUL, space or 0xFF
    BCD = "bcd"  # packed BCD, padded with F nibbles


class Framing(enum.Enum):
    ASCII = "ascii"  # tracks as text, each swipe ending in CR and/or LF
    MSR605 = "msr605"  # ESC s ESC 1 .. ESC 2 .. ESC 3 .. ? FS ESC status


DEFAULT_TERMINATORS = ("enter", "kp_enter")
PARITIES = ("N", "E", "O", "M", "S")
STOPBITS = (1, 1.5, 2)
_HEX_KEY = re.compile(r"[0-9A-Fa-f]{12}")


def _mifare_key(raw: object) -> str:
    key = text(raw).replace(" ", "")
    if not _HEX_KEY.fullmatch(key):
        raise ConfigError(f"{key!r} is not 6 bytes of hex")
    return key.upper()


def _parity(raw: object) -> str:
    parity = text(raw).upper()
    if parity not in PARITIES:
        raise ConfigError(f"{parity!r} is not one of {', '.join(PARITIES)}")
    return parity


def _stopbits(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw not in STOPBITS:
        raise ConfigError(f"{raw!r} is not 1, 1.5 or 2")
    return float(raw)


def _terminators(raw: object) -> tuple[str, ...]:
    keys = tuple(k.lower() for k in texts(raw))
    for k in keys:
        if k not in TERMINATOR_KEYS:
            raise ConfigError(f"{k!r} is not one of {', '.join(TERMINATOR_KEYS)}")
    return keys


def _not_empty(value: str) -> str | None:
    return None if value.strip() else "is empty"


@dataclass(frozen=True, slots=True)
class PcscConfig:
    enabled: bool = field(default=True, metadata=about("watch PC/SC readers at all"))
    reader_filter: str = field(
        default="",
        metadata=about(
            "use only readers whose name contains this text (case-insensitive); empty: all"
        ),
    )
    number_source: NumberSource = field(
        default=NumberSource.UID,
        metadata=about(
            "uid: the card's UID is its key; mifare_block: digits stored in a MIFARE "
            "Classic block; ndef_text: an NDEF text record on an NTAG/Ultralight"
        ),
    )
    mifare_key: str = field(
        default="FFFFFFFFFFFF",
        metadata=about("the 6-byte sector key, hex (for mifare_block)", read=_mifare_key),
    )
    key_type: KeyType = field(default=KeyType.A, metadata=about("A or B"))
    block: int = field(
        default=4,
        metadata=about("the MIFARE Classic block holding the number (0-255)", check=within(0, 255)),
    )
    block_encoding: BlockEncoding = field(
        default=BlockEncoding.ASCII,
        metadata=about("ascii (digits, padded with NUL/space/FF) or bcd (packed, padded with F)"),
    )
    poll_timeout_ms: int = field(
        default=1000,
        metadata=about(
            "how long one wait for a card lasts (50-60000; stopping cancels it sooner)",
            check=within(50, 60_000),
        ),
    )

    @property
    def key_bytes(self) -> bytes:
        return bytes.fromhex(self.mifare_key)


@dataclass(frozen=True, slots=True)
class SerialReaderConfig:
    port: str = field(
        metadata=about(
            "the device, e.g. /dev/ttyUSB0; prefer a stable link such as /dev/serial/by-id/...",
            check=_not_empty,
        )
    )
    name: str = field(default="", metadata=about("the name shown to people; empty: the port"))
    baudrate: int = field(default=9600, metadata=about("50-4000000", check=within(50, 4_000_000)))
    bytesize: int = field(default=8, metadata=about("5-8", check=within(5, 8)))
    parity: str = field(default="N", metadata=about("N, E, O, M or S", read=_parity))
    stopbits: float = field(default=1.0, metadata=about("1, 1.5 or 2", read=_stopbits))
    framing: Framing = field(
        default=Framing.ASCII,
        metadata=about("ascii: tracks as text ending in CR/LF; msr605: MSR605 ESC framing"),
    )
    track: int = field(
        default=2,
        metadata=about("the track that holds the loyalty number: 1, 2 or 3", check=within(1, 3)),
    )
    timeout_ms: int = field(
        default=300,
        metadata=about(
            'a swipe silent this long before its end is torn: "swipe again" (20-10000)',
            check=within(20, 10_000),
        ),
    )

    @property
    def source(self) -> str:
        return self.name or self.port


@dataclass(frozen=True, slots=True)
class WedgeConfig:
    enabled: bool = field(
        default=True, metadata=about("recognise wedge input in the cashier window")
    )
    max_inter_key_ms: int = field(
        default=35,
        metadata=about(
            "a device types faster than this between keys; a person is slower (1-1000)",
            check=within(1, 1000),
        ),
    )
    min_length: int = field(
        default=6,
        metadata=about("shorter bursts are a person's (1-256)", check=within(1, 256)),
    )
    terminator_keys: tuple[str, ...] = field(
        default=DEFAULT_TERMINATORS,
        metadata=about(
            "keys that end a device's input: enter, kp_enter, tab; [] for devices that send none",
            read=_terminators,
        ),
    )
    track: int = field(
        default=2,
        metadata=about(
            "for magnetic-stripe wedges: the track holding the number", check=within(1, 3)
        ),
    )
    evdev_devices: tuple[str, ...] = field(
        default=(),
        metadata=about(
            "dedicated wedge devices read directly from Linux input devices (grabbed: what "
            "they type reaches no window), e.g. /dev/input/by-id/usb-...-event-kbd"
        ),
    )


def demo_rules() -> CardNumberRules:
    return CardNumberRules(prefixes=(DEMO_PREFIX,), lengths=(DEMO_LENGTH,), luhn=True)


@dataclass(frozen=True, slots=True)
class ReadersConfig:
    pcsc: PcscConfig = field(
        default_factory=PcscConfig, metadata=about("Contactless (NFC) readers, through PC/SC")
    )
    serial: tuple[SerialReaderConfig, ...] = field(
        default=(),
        metadata=about("Serial magnetic-stripe readers: one table for each (none by default)"),
    )
    wedge: WedgeConfig = field(
        default_factory=WedgeConfig,
        metadata=about("Keyboard-wedge readers and barcode scanners"),
    )
    numbers: CardNumberRules = field(
        default_factory=demo_rules,
        metadata=about("Which card numbers are ours: given, its keys replace the demo rules"),
    )

    @classmethod
    def default(cls) -> ReadersConfig:
        """What `make run` uses: every PC/SC reader, UID source, no serial, demo numbers."""
        return cls()

    @classmethod
    def from_mapping(cls, m: Mapping[str, object]) -> ReadersConfig:
        if isinstance(m, Mapping) and m.get("numbers") == {}:
            m = {k: v for k, v in m.items() if k != "numbers"}  # an empty table: the demo's
        return read_table(cls, "readers", m)
