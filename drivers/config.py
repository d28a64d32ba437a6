"""The ``[readers]`` table of the terminal's configuration, checked once, as frozen values.

Every problem raises :class:`ConfigError` naming the full key and the bad value, e.g.
``readers.serial[0].baudrate: 'fast' is not an integer``. See docs/readers.md.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from drivers.cardnumbers import CardNumberRules, ConfigValueError
from drivers.keycodes import TERMINATOR_KEYS

DEMO_PREFIX = "2990"  # demo card numbers: 2990 + 8 digits + a Luhn digit (13 digits)
DEMO_LENGTH = 13

E = TypeVar("E", bound=enum.Enum)


class ConfigError(ValueError):
    """The [readers] configuration cannot be used; the message names key and value."""


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
_HEX_KEY = re.compile(r"[0-9A-Fa-f]{12}")


@dataclass(frozen=True, slots=True)
class PcscConfig:
    enabled: bool = True
    reader_filter: str = ""  # substring of the reader name, case-insensitive; "" = all
    number_source: NumberSource = NumberSource.UID
    mifare_key: str = "FFFFFFFFFFFF"  # 6 bytes, hex
    key_type: KeyType = KeyType.A
    block: int = 4  # MIFARE Classic block holding the number
    block_encoding: BlockEncoding = BlockEncoding.ASCII
    poll_timeout_ms: int = 1000  # SCardGetStatusChange timeout (stop() cancels it sooner)

    @property
    def key_bytes(self) -> bytes:
        return bytes.fromhex(self.mifare_key)


@dataclass(frozen=True, slots=True)
class SerialReaderConfig:
    port: str
    name: str = ""  # shown to people; defaults to the port
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    framing: Framing = Framing.ASCII
    track: int = 2  # the track holding the loyalty number: 1, 2 or 3
    timeout_ms: int = 300  # a swipe silent this long before its end is torn

    @property
    def source(self) -> str:
        return self.name or self.port


@dataclass(frozen=True, slots=True)
class WedgeConfig:
    enabled: bool = True
    max_inter_key_ms: int = 35  # a device types faster than this between keys
    min_length: int = 6  # shorter bursts are a person's
    terminator_keys: tuple[str, ...] = DEFAULT_TERMINATORS  # names in keycodes
    track: int = 2  # for magnetic-stripe wedges: the track holding the number
    # Dedicated wedge devices read directly from Linux input devices (grabbed: what they
    # type reaches no window), e.g. /dev/input/by-id/usb-...-event-kbd
    evdev_devices: tuple[str, ...] = ()


def demo_rules() -> CardNumberRules:
    return CardNumberRules(prefixes=(DEMO_PREFIX,), lengths=(DEMO_LENGTH,), luhn=True)


@dataclass(frozen=True, slots=True)
class ReadersConfig:
    pcsc: PcscConfig = field(default_factory=PcscConfig)
    serial: tuple[SerialReaderConfig, ...] = ()
    wedge: WedgeConfig = field(default_factory=WedgeConfig)
    numbers: CardNumberRules = field(default_factory=demo_rules)

    @classmethod
    def default(cls) -> ReadersConfig:
        """What `make run` uses: every PC/SC reader, UID source, no serial, demo numbers."""
        return cls()

    @classmethod
    def from_mapping(cls, m: Mapping[str, object]) -> ReadersConfig:
        t = _Table("readers", m, ("pcsc", "serial", "wedge", "numbers"))
        serial_items = t.raw("serial", [])
        if not isinstance(serial_items, list):
            raise ConfigError(f"readers.serial: {serial_items!r} should be an array of tables")
        return cls(
            pcsc=_pcsc(t.sub("pcsc")),
            serial=tuple(
                _serial(_Table(f"readers.serial[{i}]", item, _SERIAL_KEYS))
                for i, item in enumerate(serial_items)
            ),
            wedge=_wedge(t.sub("wedge")),
            numbers=_numbers(t.sub("numbers")),
        )


_SERIAL_KEYS = (
    "port",
    "name",
    "baudrate",
    "bytesize",
    "parity",
    "stopbits",
    "framing",
    "track",
    "timeout_ms",
)


class _Table:
    """One TOML table under a dotted path, read with checks that name the full key."""

    def __init__(self, path: str, m: object, known: tuple[str, ...]) -> None:
        if not isinstance(m, Mapping):
            raise ConfigError(f"{path}: {m!r} should be a table")
        self.path = path
        self.m: Mapping[str, object] = m
        for key in m:
            if key not in known:
                raise ConfigError(f"{path}.{key}: unknown option (known: {', '.join(known)})")

    def key(self, name: str) -> str:
        return f"{self.path}.{name}"

    def raw(self, name: str, default: object) -> object:
        return self.m.get(name, default)

    def sub(self, name: str) -> _Table:
        known = {"pcsc": _PCSC_KEYS, "wedge": _WEDGE_KEYS, "numbers": _NUMBER_KEYS}[name]
        return _Table(self.key(name), self.m.get(name, {}), known)

    def boolean(self, name: str, default: bool) -> bool:
        v = self.m.get(name, default)
        if not isinstance(v, bool):
            raise ConfigError(f"{self.key(name)}: {v!r} is not true or false")
        return v

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        v = self.m.get(name, default)
        if not isinstance(v, int) or isinstance(v, bool):
            raise ConfigError(f"{self.key(name)}: {v!r} is not an integer")
        if not low <= v <= high:
            raise ConfigError(f"{self.key(name)}: {v!r} is not within {low}..{high}")
        return v

    def string(self, name: str, default: str | None) -> str:
        v = self.m.get(name, default)
        if v is None:
            raise ConfigError(f"{self.key(name)}: missing (it is required)")
        if not isinstance(v, str):
            raise ConfigError(f"{self.key(name)}: {v!r} is not a string")
        return v

    def choice(self, name: str, enum_type: type[E], default: E) -> E:
        v = self.m.get(name, default.value)
        for member in enum_type:
            if v == member.value or (isinstance(v, str) and v.lower() == str(member.value).lower()):
                return member
        allowed = ", ".join(repr(e.value) for e in enum_type)
        raise ConfigError(f"{self.key(name)}: {v!r} is not one of {allowed}")

    def str_list(self, name: str) -> tuple[str, ...]:
        v = self.m.get(name, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ConfigError(f"{self.key(name)}: {v!r} is not a list of strings")
        return tuple(v)


_PCSC_KEYS = (
    "enabled",
    "reader_filter",
    "number_source",
    "mifare_key",
    "key_type",
    "block",
    "block_encoding",
    "poll_timeout_ms",
)
_WEDGE_KEYS = (
    "enabled",
    "max_inter_key_ms",
    "min_length",
    "terminator_keys",
    "track",
    "evdev_devices",
)
_NUMBER_KEYS = ("prefixes", "ranges", "lengths", "luhn")


def _pcsc(t: _Table) -> PcscConfig:
    key = t.string("mifare_key", "FFFFFFFFFFFF").replace(" ", "")
    if not _HEX_KEY.fullmatch(key):
        raise ConfigError(f"{t.key('mifare_key')}: {key!r} is not 6 bytes of hex")
    return PcscConfig(
        enabled=t.boolean("enabled", True),
        reader_filter=t.string("reader_filter", ""),
        number_source=t.choice("number_source", NumberSource, NumberSource.UID),
        mifare_key=key.upper(),
        key_type=t.choice("key_type", KeyType, KeyType.A),
        block=t.integer("block", 4, 0, 255),
        block_encoding=t.choice("block_encoding", BlockEncoding, BlockEncoding.ASCII),
        poll_timeout_ms=t.integer("poll_timeout_ms", 1000, 50, 60_000),
    )


def _serial(t: _Table) -> SerialReaderConfig:
    port = t.string("port", None)
    if not port.strip():
        raise ConfigError(f"{t.key('port')}: {port!r} is empty")
    parity = t.string("parity", "N").upper()
    if parity not in PARITIES:
        raise ConfigError(f"{t.key('parity')}: {parity!r} is not one of {', '.join(PARITIES)}")
    stopbits = t.raw("stopbits", 1)
    if isinstance(stopbits, bool) or stopbits not in (1, 1.5, 2):
        raise ConfigError(f"{t.key('stopbits')}: {stopbits!r} is not 1, 1.5 or 2")
    assert isinstance(stopbits, int | float)
    track = t.integer("track", 2, 1, 3)
    bytesize = t.integer("bytesize", 8, 5, 8)
    return SerialReaderConfig(
        port=port,
        name=t.string("name", ""),
        baudrate=t.integer("baudrate", 9600, 50, 4_000_000),
        bytesize=bytesize,
        parity=parity,
        stopbits=float(stopbits),
        framing=t.choice("framing", Framing, Framing.ASCII),
        track=track,
        timeout_ms=t.integer("timeout_ms", 300, 20, 10_000),
    )


def _wedge(t: _Table) -> WedgeConfig:
    keys = (
        tuple(k.lower() for k in t.str_list("terminator_keys"))
        if "terminator_keys" in t.m
        else DEFAULT_TERMINATORS
    )
    for k in keys:
        if k not in TERMINATOR_KEYS:
            raise ConfigError(
                f"{t.key('terminator_keys')}: {k!r} is not one of {', '.join(TERMINATOR_KEYS)}"
            )
    return WedgeConfig(
        enabled=t.boolean("enabled", True),
        max_inter_key_ms=t.integer("max_inter_key_ms", 35, 1, 1000),
        min_length=t.integer("min_length", 6, 1, 256),
        terminator_keys=keys,
        track=t.integer("track", 2, 1, 3),
        evdev_devices=t.str_list("evdev_devices"),
    )


def _numbers(t: _Table) -> CardNumberRules:
    if not t.m:
        return demo_rules()
    ranges: list[tuple[str, str]] = []
    for item in t.str_list("ranges"):
        low, sep, high = item.partition("-")
        if not sep:
            raise ConfigError(f"{t.key('ranges')}: {item!r} is not 'low-high'")
        ranges.append((low.strip(), high.strip()))
    lengths_raw = t.raw("lengths", [])
    if not isinstance(lengths_raw, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in lengths_raw
    ):
        raise ConfigError(f"{t.key('lengths')}: {lengths_raw!r} is not a list of integers")
    try:
        return CardNumberRules(
            prefixes=t.str_list("prefixes"),
            ranges=tuple(ranges),
            lengths=tuple(int(n) for n in lengths_raw),
            luhn=t.boolean("luhn", False),
        )
    except ConfigValueError as exc:
        raise ConfigError(f"{t.path}: {exc}") from None
