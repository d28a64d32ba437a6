"""The ``[printer]`` table of the configuration: which printer, over what, how wide.

Every option is declared once, below (common.config), with its type, default, help and
check. A bad value gives the one :class:`~common.errors.ConfigError`, naming the full key
and the value. The defaults: no printer (receipts wait in the queue, previews work).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from escpos.capabilities import CAPABILITIES

from common.config import about, read_table
from common.errors import ConfigError

__all__ = ["ConfigError", "PrinterConfig", "Transport"]


class Transport(enum.Enum):
    NONE = "none"
    NETWORK = "network"
    USB = "usb"
    SERIAL = "serial"
    FILE = "file"


def _number(raw: object) -> int:
    """An integer, or one written as text in any base python-escpos' users know ("0x0416")."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        try:
            return int(raw, 0)
        except ValueError:
            pass
    raise ConfigError(f"{raw!r} is not an integer")


def _tcp_port(port: int) -> str | None:
    return None if 1 <= port <= 65535 else "is not a TCP port (1-65535)"


def _usb_id(value: int) -> str | None:
    return None if 0 <= value <= 0xFFFF else "is not a USB id (0-0xffff)"


def _speed(baudrate: int) -> str | None:
    return None if baudrate > 0 else "is not a speed"


def _profile(name: str) -> str | None:
    return None if name in CAPABILITIES["profiles"] else "is not a known printer profile"


def _width(mm: int) -> str | None:
    return None if mm in (58, 80) else "is not 58 or 80"


def _timeout(seconds: float) -> str | None:
    return None if 0 < seconds <= 120 else "is not between 0 and 120"


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    transport: Transport = field(
        default=Transport.NONE, metadata=about("none | network | usb | serial | file")
    )
    host: str = field(
        default="127.0.0.1", metadata=about("network: the printer's host name or address")
    )
    port: int = field(
        default=9100,
        metadata=about(
            "network: TCP port (raw printing, usually 9100)", read=_number, check=_tcp_port
        ),
    )
    vendor_id: int = field(
        default=0,
        metadata=about(
            "usb: vendor id, e.g. 0x0416 (a number or a hex string)", read=_number, check=_usb_id
        ),
    )
    product_id: int = field(
        default=0, metadata=about("usb: product id, e.g. 0x5011", read=_number, check=_usb_id)
    )
    device: str = field(default="/dev/ttyUSB0", metadata=about("serial: the port"))
    baudrate: int = field(
        default=19200, metadata=about("serial: speed", read=_number, check=_speed)
    )
    path: str = field(
        default="",
        metadata=about("file: a device node (/dev/usb/lp0) or a file that collects the bytes"),
    )
    profile: str = field(
        default="default",
        metadata=about(
            "python-escpos printer profile (model): code pages, cut, QR", check=_profile
        ),
    )
    width_mm: int = field(
        default=80, metadata=about("paper width: 58 or 80", read=_number, check=_width)
    )
    timeout_s: float = field(
        default=5.0,
        metadata=about("every connect, write and status read gives up after this", check=_timeout),
    )
    drawer_kick: bool = field(
        default=False, metadata=about("open the cash drawer after a purchase receipt")
    )
    status_query: bool = field(
        default=True,
        metadata=about("ask the printer for its status (DLE EOT) before and after a job"),
    )

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
        return read_table(cls, "printer", m, whole=_whole)


def _whole(cfg: PrinterConfig) -> tuple[str, str] | None:
    """What the chosen transport needs of the other options."""
    if cfg.transport is Transport.USB and not (cfg.vendor_id and cfg.product_id):
        return "vendor_id", "a USB printer needs vendor_id and product_id"
    if cfg.transport is Transport.NETWORK and not cfg.host.strip():
        return "host", f"{cfg.host!r} is empty"
    if cfg.transport is Transport.FILE and not cfg.path:
        return "path", "'' is empty (a file printer needs a path)"
    return None
