"""What is attached: PC/SC readers (as pcscd lists them) and serial ports. For the
`readers` command and diagnosis; the drivers themselves do not need it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class PcscListing:
    service: bool  # pcscd answered
    readers: tuple[str, ...]
    error: str = ""


@dataclass(frozen=True, slots=True)
class SerialPort:
    device: str
    description: str
    hwid: str


def pcsc_readers() -> PcscListing:
    try:
        from smartcard import scard
    except ImportError as exc:  # pyscard not installed
        return PcscListing(False, (), f"pyscard is missing: {exc}")
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return PcscListing(False, (), _error(scard, hresult))
    try:
        hresult, names = scard.SCardListReaders(context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return PcscListing(True, ())
        if hresult != scard.SCARD_S_SUCCESS:
            return PcscListing(True, (), _error(scard, hresult))
        return PcscListing(True, tuple(names))
    finally:
        scard.SCardReleaseContext(context)


def _error(scard: object, hresult: int) -> str:
    try:
        text = str(scard.SCardGetErrorMessage(hresult)).strip()  # type: ignore[attr-defined]
    except Exception:
        text = ""
    return f"0x{hresult & 0xFFFFFFFF:08X} {text}".strip()


def serial_ports() -> tuple[SerialPort, ...]:
    from serial.tools import list_ports

    return tuple(
        SerialPort(p.device, p.description or "", p.hwid or "")
        for p in sorted(list_ports.comports(), key=lambda p: p.device)
    )


def input_keyboards(folder: Path = Path("/dev/input/by-id")) -> tuple[str, ...]:
    """Keyboard-like input devices (wedge readers, scanners show up here too)."""
    if not folder.is_dir():
        return ()
    return tuple(sorted(str(p) for p in folder.glob("*-event-kbd")))
