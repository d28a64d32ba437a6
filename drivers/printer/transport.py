"""A connection to the configured printer, with a timeout on everything, and its status.

One job is one connection: open, ask the printer's status, send the bytes, ask again
(the answer proves everything before it arrived), close. Many network printers take one
connection at a time, and a printer switched off in the middle loses data silently: only
the second answer tells us the receipt got there.

Status (real-time ``DLE EOT n``): n=1 printer (bit 3: offline), n=2 offline cause (bit 2:
cover open, bit 5: stopped for paper), n=4 paper sensor (bits 5-6: paper out). A printer
that gives no answer within the timeout is reported as TIMEOUT: python-escpos'
``paper_status()`` cannot tell "no paper" from "no answer", so we do not use it. Printers
that never answer status queries (and file printers) need ``status_query = false``.
"""

from __future__ import annotations

import enum
import logging
import socket
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from escpos.exceptions import DeviceNotFoundError
from escpos.printer import File, Network, Serial, Usb

from common.errors import AppError
from drivers.printer.config import PrinterConfig, Transport

log = logging.getLogger(__name__)

DLE_EOT = b"\x10\x04"


class PrinterStatus(enum.Enum):
    OK = "ok"
    OFFLINE = "offline"  # cannot connect, or the printer says it is offline
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    TIMEOUT = "timeout"  # connected, but no answer in time
    ERROR = "error"  # anything else (the message says what)
    DISABLED = "disabled"  # no printer configured: receipts wait in the queue


@dataclass(frozen=True, slots=True)
class StatusReport:
    """What the status bar shows: the state, a message for people, jobs still waiting."""

    status: PrinterStatus
    message: str = ""
    waiting: int = 0


class PrintError(AppError):
    """A job did not reach the paper; ``status`` says why, and gives the stable ``code``
    (``printer_offline``, ``printer_paper_out``, ...): code first, then the message."""

    code = "printer_error"

    def __init__(self, status: PrinterStatus, message: str) -> None:
        super().__init__(f"printer_{status.value}", message)
        self.status = status


class _AppendFile(File):  # type: ignore[misc]
    """python-escpos' File truncates; a file that collects receipts must append."""

    def open(self, raise_not_found: bool = True) -> None:
        if self._device:
            self.close()
        try:
            self.device = open(self.devfile, "ab")  # closed by close()
        except OSError as e:
            raise DeviceNotFoundError(f"Could not open {self.devfile}: {e}") from e


class _Network(Network):  # type: ignore[misc]
    """python-escpos' Network leaks its socket when the connection is refused."""

    def open(self, raise_not_found: bool = True) -> None:
        if self._device:
            self.close()
        try:
            self.device = socket.create_connection((self.host, self.port), self.timeout)
        except OSError as e:
            raise DeviceNotFoundError(f"Could not connect to {self.host}:{self.port}: {e}") from e


def make_printer(cfg: PrinterConfig) -> Any:
    """The python-escpos printer object for ``cfg`` (not connected yet)."""
    match cfg.transport:
        case Transport.NETWORK:
            return _Network(cfg.host, cfg.port, timeout=cfg.timeout_s, profile=cfg.profile)
        case Transport.SERIAL:
            return Serial(
                cfg.device, baudrate=cfg.baudrate, timeout=cfg.timeout_s, profile=cfg.profile
            )
        case Transport.USB:
            return Usb(
                cfg.vendor_id,
                cfg.product_id,
                timeout=max(1, int(cfg.timeout_s * 1000)),  # ms; 0 would mean "forever"
                profile=cfg.profile,
            )
        case Transport.FILE:
            return _AppendFile(cfg.path, profile=cfg.profile)
    raise PrintError(PrinterStatus.DISABLED, "no printer is configured ([printer] transport)")


class Connection:
    """One open connection to the printer: ``with Connection(cfg) as c: c.send(data)``."""

    def __init__(self, cfg: PrinterConfig) -> None:
        self.cfg = cfg
        self._printer: Any = None

    def __enter__(self) -> Connection:
        try:
            printer = make_printer(self.cfg)
            printer.open()
        except PrintError:
            raise
        except DeviceNotFoundError as exc:
            where = self.cfg.describe()
            raise PrintError(PrinterStatus.OFFLINE, f"{where}: not reachable") from exc
        except RuntimeError as exc:  # python-escpos: a missing dependency (pyusb, pyserial)
            raise PrintError(PrinterStatus.ERROR, f"{self.cfg.describe()}: {exc}") from exc
        except OSError as exc:
            raise PrintError(PrinterStatus.OFFLINE, f"{self.cfg.describe()}: {exc}") from exc
        if self.cfg.transport is Transport.SERIAL:
            printer.device.write_timeout = self.cfg.timeout_s
        self._printer = printer
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            try:
                printer.close()
            except Exception as e:  # a dead connection may fail to close: it is gone anyway
                log.debug("closing %s: %s", self.cfg.describe(), e)
            printer.device = False  # python-escpos' __del__ must not reopen or close again

    @property
    def can_read(self) -> bool:
        return self.cfg.transport is not Transport.FILE

    def send(self, data: bytes) -> None:
        try:
            self._printer._raw(data)
        except TimeoutError as exc:
            raise PrintError(PrinterStatus.TIMEOUT, "the printer does not take data") from exc
        except OSError as exc:
            raise PrintError(PrinterStatus.OFFLINE, f"connection lost: {exc}") from exc
        except Exception as exc:  # serial / usb library errors
            name = type(exc).__name__
            status = PrinterStatus.TIMEOUT if "Timeout" in name else PrinterStatus.ERROR
            raise PrintError(status, f"{name}: {exc}") from exc

    def _read_byte(self) -> int | None:
        dev = self._printer.device
        try:
            if self.cfg.transport is Transport.NETWORK:
                got = dev.recv(1)
                if not got:
                    raise PrintError(PrinterStatus.OFFLINE, "the printer closed the connection")
            elif self.cfg.transport is Transport.SERIAL:
                got = dev.read(1)
            else:
                got = bytes(self._printer._read()[:1])
        except PrintError:
            raise
        except TimeoutError:
            return None
        except OSError as exc:
            raise PrintError(PrinterStatus.OFFLINE, f"connection lost: {exc}") from exc
        except Exception as exc:  # usb: USBTimeoutError
            if "Timeout" in type(exc).__name__:
                return None
            raise PrintError(PrinterStatus.ERROR, f"{type(exc).__name__}: {exc}") from exc
        return got[0] if got else None

    def query(self, n: int) -> int | None:
        """The answer to ``DLE EOT n``, or None when the printer says nothing in time."""
        self.send(DLE_EOT + bytes([n]))
        return self._read_byte()

    def status(self) -> PrinterStatus:
        """Ask the printer how it is (OK without asking when status queries are off)."""
        if not (self.cfg.status_query and self.can_read):
            return PrinterStatus.OK
        printer = self.query(1)
        if printer is None:
            return PrinterStatus.TIMEOUT
        if not printer & 0x08:
            return PrinterStatus.OK
        cause = self.query(2)
        paper = self.query(4)
        if cause is not None and cause & 0x04:
            return PrinterStatus.COVER_OPEN
        if (paper is not None and paper & 0x60) or (cause is not None and cause & 0x20):
            return PrinterStatus.PAPER_OUT
        return PrinterStatus.OFFLINE


MESSAGES = {
    PrinterStatus.OK: "printer ready",
    PrinterStatus.OFFLINE: "printer offline: check its power and cable",
    PrinterStatus.PAPER_OUT: "printer out of paper: load a new roll",
    PrinterStatus.COVER_OPEN: "printer cover open: close it",
    PrinterStatus.TIMEOUT: "printer does not answer: check it, or switch it off and on",
    PrinterStatus.ERROR: "printer error",
    PrinterStatus.DISABLED: "no printer configured: receipts wait in the queue",
}


def print_bytes(cfg: PrinterConfig, data: bytes) -> None:
    """Send one job and make sure it arrived; raises :class:`PrintError` otherwise."""
    with Connection(cfg) as conn:
        before = conn.status()
        if before is not PrinterStatus.OK:
            raise PrintError(before, MESSAGES[before])
        conn.send(data)
        after = conn.status()
        if after is not PrinterStatus.OK:
            # The paper may have run out in the middle: print the whole receipt again.
            raise PrintError(after, MESSAGES[after])


def probe_status(cfg: PrinterConfig) -> PrinterStatus:
    """Connect, ask the printer's status, disconnect; raises :class:`PrintError`."""
    with Connection(cfg) as conn:
        return conn.status()
