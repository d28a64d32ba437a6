"""The ``[printer]`` table of the configuration: which printer, over what, how wide.

Every option is declared once in :data:`OPTIONS` with its type, default and help. A bad
value gives a :class:`ConfigError` that names the full key and the value.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from escpos.capabilities import CAPABILITIES


class ConfigError(ValueError):
    """The ``[printer]`` table cannot be used; the message names the key and the value."""


class Transport(enum.Enum):
    NONE = "none"
    NETWORK = "network"
    USB = "usb"
    SERIAL = "serial"
    FILE = "file"


#: key, default, help. The defaults: no printer (receipts wait in the queue, previews work).
OPTIONS: tuple[tuple[str, Any, str], ...] = (
    ("transport", "none", "none | network | usb | serial | file"),
    ("host", "127.0.0.1", "network: the printer's host name or address"),
    ("port", 9100, "network: TCP port (raw printing, usually 9100)"),
    ("vendor_id", 0, "usb: vendor id, e.g. 0x0416 (a number or a hex string)"),
    ("product_id", 0, "usb: product id, e.g. 0x5011"),
    ("device", "/dev/ttyUSB0", "serial: the port"),
    ("baudrate", 19200, "serial: speed"),
    ("path", "", "file: a device node (/dev/usb/lp0) or a file that collects the bytes"),
    ("profile", "default", "python-escpos printer profile (model): code pages, cut, QR"),
    ("width_mm", 80, "paper width: 58 or 80"),
    ("timeout_s", 5.0, "every connect, write and status read gives up after this"),
    ("drawer_kick", False, "open the cash drawer after a purchase receipt"),
    ("status_query", True, "ask the printer for its status (DLE EOT) before and after a job"),
)
_KNOWN = {k for k, _, _ in OPTIONS}


def _int(key: str, value: Any) -> int:
    if isinstance(value, bool):
        raise ConfigError(f"printer.{key}: {value!r} is not an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value, 0)
        except ValueError:
            pass
    raise ConfigError(f"printer.{key}: {value!r} is not an integer")


def _str(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"printer.{key}: {value!r} is not a string")
    return value


def _bool(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"printer.{key}: {value!r} is not true or false")
    return value


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    transport: Transport = Transport.NONE
    host: str = "127.0.0.1"
    port: int = 9100
    vendor_id: int = 0
    product_id: int = 0
    device: str = "/dev/ttyUSB0"
    baudrate: int = 19200
    path: str = ""
    profile: str = "default"
    width_mm: int = 80
    timeout_s: float = 5.0
    drawer_kick: bool = False
    status_query: bool = True

    @classmethod
    def default(cls) -> PrinterConfig:
        return cls()

    @property
    def columns(self) -> int:
        """Characters of font A (12 dots) on a line: 32 on 58 mm, 48 on 80 mm paper."""
        return 32 if self.width_mm == 58 else 48

    @property
    def dots(self) -> int:
        """Printable width in dots at 203 dpi."""
        return self.columns * 12

    def describe(self) -> str:
        """Where the printer is, for the status bar and logs (no personal data)."""
        match self.transport:
            case Transport.NETWORK:
                return f"network {self.host}:{self.port}"
            case Transport.USB:
                return f"usb {self.vendor_id:04x}:{self.product_id:04x}"
            case Transport.SERIAL:
                return f"serial {self.device} {self.baudrate}"
            case Transport.FILE:
                return f"file {self.path}"
        return "no printer"

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any]) -> PrinterConfig:
        unknown = sorted(set(m) - _KNOWN)
        if unknown:
            raise ConfigError(f"printer.{unknown[0]}: unknown option")
        d = cls()
        raw_transport = _str("transport", m.get("transport", d.transport.value))
        try:
            transport = Transport(raw_transport)
        except ValueError:
            choices = ", ".join(t.value for t in Transport)
            raise ConfigError(
                f"printer.transport: {raw_transport!r} is not one of {choices}"
            ) from None
        port = _int("port", m.get("port", d.port))
        if not 1 <= port <= 65535:
            raise ConfigError(f"printer.port: {port!r} is not a TCP port (1-65535)")
        ids = {}
        for key in ("vendor_id", "product_id"):
            ids[key] = _int(key, m.get(key, 0))
            if not 0 <= ids[key] <= 0xFFFF:
                raise ConfigError(f"printer.{key}: {m.get(key)!r} is not a USB id (0-0xffff)")
        if transport is Transport.USB and not (ids["vendor_id"] and ids["product_id"]):
            raise ConfigError("printer.vendor_id: a USB printer needs vendor_id and product_id")
        baudrate = _int("baudrate", m.get("baudrate", d.baudrate))
        if baudrate <= 0:
            raise ConfigError(f"printer.baudrate: {baudrate!r} is not a speed")
        profile = _str("profile", m.get("profile", d.profile))
        if profile not in CAPABILITIES["profiles"]:
            raise ConfigError(f"printer.profile: {profile!r} is not a known printer profile")
        width = _int("width_mm", m.get("width_mm", d.width_mm))
        if width not in (58, 80):
            raise ConfigError(f"printer.width_mm: {width!r} is not 58 or 80")
        raw_timeout = m.get("timeout_s", d.timeout_s)
        if isinstance(raw_timeout, bool) or not isinstance(raw_timeout, int | float):
            raise ConfigError(f"printer.timeout_s: {raw_timeout!r} is not a number")
        if not 0 < raw_timeout <= 120:
            raise ConfigError(f"printer.timeout_s: {raw_timeout!r} is not between 0 and 120")
        host = _str("host", m.get("host", d.host))
        if transport is Transport.NETWORK and not host.strip():
            raise ConfigError("printer.host: '' is empty")
        path = _str("path", m.get("path", d.path))
        if transport is Transport.FILE and not path:
            raise ConfigError("printer.path: '' is empty (a file printer needs a path)")
        return cls(
            transport=transport,
            host=host,
            port=port,
            vendor_id=ids["vendor_id"],
            product_id=ids["product_id"],
            device=_str("device", m.get("device", d.device)),
            baudrate=baudrate,
            path=path,
            profile=profile,
            width_mm=width,
            timeout_s=float(raw_timeout),
            drawer_kick=_bool("drawer_kick", m.get("drawer_kick", d.drawer_kick)),
            status_query=_bool("status_query", m.get("status_query", d.status_query)),
        )
