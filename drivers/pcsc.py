"""Contactless readers over PC/SC: our own supervised loop over pyscard's ``scard`` API.

One thread watches every reader (matching the configured name filter) plus the PnP
pseudo-reader with ``SCardGetStatusChange`` and a finite timeout. On a card insertion it
connects, reads (see contactless.py) and disconnects; a card left on the reader is
reported once. Errors of the service (pcscd killed: 0x80100013, then 0x8010001D) end the
session; the supervisor re-establishes the context with back-off. ``stop()`` cancels the
wait with ``SCardCancel``.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from smartcard import scard
from smartcard.Exceptions import SmartcardException
from smartcard.pcsc.PCSCExceptions import BaseSCardException

from common.errors import AppError
from drivers.cardnumbers import CardNumberRules
from drivers.config import PcscConfig
from drivers.contactless import CardGone, CardIoError, Outcome, read_card
from drivers.events import (
    BankCardRefused,
    CardPresented,
    CardRemoved,
    EventSink,
    ReaderAppeared,
    ReaderDisappeared,
    ReadFailed,
    ReadProblem,
    Technology,
)
from drivers.masking import mask
from drivers.supervisor import SupervisedThread, call_quietly

log = logging.getLogger(__name__)

PNP_READER = "\\\\?PnP?\\Notification"
SOURCE = "pcsc"
_CARD_GONE_CODES = frozenset(
    {
        scard.SCARD_W_REMOVED_CARD,
        scard.SCARD_E_NO_SMARTCARD,
        scard.SCARD_W_RESET_CARD,
        scard.SCARD_W_UNPOWERED_CARD,
        scard.SCARD_W_UNRESPONSIVE_CARD,
    }
)
_SERVICE_GONE_CODES = frozenset(
    {
        scard.SCARD_E_NO_SERVICE,
        scard.SCARD_E_SERVICE_STOPPED,
        scard.SCARD_E_INVALID_HANDLE,
        scard.SCARD_E_NO_MEMORY,
        scard.SCARD_F_INTERNAL_ERROR,
    }
)
_READER_GONE_CODES = frozenset(
    {
        scard.SCARD_E_UNKNOWN_READER,
        scard.SCARD_E_READER_UNAVAILABLE,
    }
)


class PcscError(AppError):
    """A PC/SC ``call`` failed with ``hresult``; the session ends and is re-established."""

    code = "pcsc_failed"

    def __init__(self, call: str, hresult: int) -> None:
        self.call = call
        self.hresult = hresult & 0xFFFFFFFF
        super().__init__(self.code, f"{call}: 0x{self.hresult:08X} {_message(hresult)}")


def _message(code: int) -> str:
    try:
        return str(scard.SCardGetErrorMessage(code)).strip()
    except Exception:
        return ""


RETRY_DELAY_S = 0.3  # a read that failed on I/O is tried again while the card stays
MAX_RETRIES = 3


@dataclass(slots=True)
class _Reader:
    state: int = scard.SCARD_STATE_UNAWARE
    present: bool = False
    atr: bytes = b""
    retries: int = 0
    retry_at: float | None = None


class PcscDriver(SupervisedThread):
    technology = Technology.CONTACTLESS

    def __init__(self, config: PcscConfig, rules: CardNumberRules, sink: EventSink) -> None:
        super().__init__("reader-pcsc", SOURCE, sink)
        self.config = config
        self.rules = rules
        self._context: int | None = None
        self._context_lock = threading.Lock()

    # -- supervision -------------------------------------------------------------------

    def wake(self) -> None:
        with self._context_lock:
            if self._context is not None:
                call_quietly(lambda: scard.SCardCancel(self._context))

    def session(self) -> None:
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            raise PcscError("SCardEstablishContext", hresult)
        with self._context_lock:
            self._context = context
        readers: dict[str, _Reader] = {}
        try:
            self._watch(context, readers)
        finally:
            with self._context_lock:
                self._context = None
            for name, reader in readers.items():
                if reader.present:
                    self.emit(CardRemoved(name, self.technology, time.monotonic()))
                self.emit(ReaderDisappeared(name, self.technology))
            call_quietly(lambda: scard.SCardReleaseContext(context))

    # -- the loop ----------------------------------------------------------------------

    def _watch(self, context: int, readers: dict[str, _Reader]) -> None:
        pnp_state = scard.SCARD_STATE_UNAWARE
        pnp = True
        timeout = self.config.poll_timeout_ms
        while not self.stopping:
            self._update_readers(context, readers)
            states = [(name, r.state) for name, r in readers.items()]
            if pnp:
                states.append((PNP_READER, pnp_state))
            if not states:
                if self.wait(timeout / 1000):
                    return
                continue
            hresult, new_states = scard.SCardGetStatusChange(
                context, self._wait_ms(readers, timeout), states
            )
            t_detected = time.monotonic()
            if hresult in (scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED):
                self._retry_due(context, readers, t_detected)
                continue
            if hresult in _READER_GONE_CODES:
                continue  # listed again on the next turn
            if hresult != scard.SCARD_S_SUCCESS:
                raise PcscError("SCardGetStatusChange", hresult)
            for name, event_state, atr in new_states:
                if name == PNP_READER:
                    if event_state & scard.SCARD_STATE_UNKNOWN:
                        pnp = False  # no PnP support: poll the list each turn instead
                    pnp_state = event_state & ~scard.SCARD_STATE_CHANGED
                elif name in readers:
                    self._on_state(
                        context, name, readers[name], event_state, bytes(atr), t_detected
                    )
            self._retry_due(context, readers, time.monotonic())

    @staticmethod
    def _wait_ms(readers: dict[str, _Reader], timeout_ms: int) -> int:
        due = [r.retry_at for r in readers.values() if r.retry_at is not None]
        if not due:
            return timeout_ms
        return max(10, min(timeout_ms, int((min(due) - time.monotonic()) * 1000)))

    def _retry_due(self, context: int, readers: dict[str, _Reader], now: float) -> None:
        for name, reader in readers.items():
            if reader.retry_at is not None and reader.retry_at <= now:
                reader.retry_at = None
                if reader.present:
                    self._read(context, name, reader, now, quiet=True)

    def _update_readers(self, context: int, readers: dict[str, _Reader]) -> None:
        hresult, names = scard.SCardListReaders(context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            names = []
        elif hresult != scard.SCARD_S_SUCCESS:
            raise PcscError("SCardListReaders", hresult)
        wanted = self.config.reader_filter.lower()
        current = [n for n in names if wanted in n.lower()]
        for name in list(readers):
            if name not in current:
                if readers.pop(name).present:
                    self.emit(CardRemoved(name, self.technology, time.monotonic()))
                log.info("reader gone: %s", name)
                self.emit(ReaderDisappeared(name, self.technology))
        for name in current:
            if name not in readers:
                readers[name] = _Reader()
                log.info("reader found: %s", name)
                self.emit(ReaderAppeared(name, self.technology))

    def _on_state(
        self, context: int, name: str, reader: _Reader, event_state: int, atr: bytes, t: float
    ) -> None:
        first = reader.state == scard.SCARD_STATE_UNAWARE
        if not first and not event_state & scard.SCARD_STATE_CHANGED:
            return
        old_counter = reader.state >> 16
        reader.state = event_state & ~scard.SCARD_STATE_CHANGED
        present = bool(event_state & scard.SCARD_STATE_PRESENT) and not (
            event_state & scard.SCARD_STATE_MUTE
        )
        # pcsc-lite counts insertions and removals in the high word: a card swapped
        # between two waits shows as "still present" with the counter moved on by two.
        swapped = (
            present and reader.present and not first and (event_state >> 16) - old_counter >= 2
        )
        if reader.present and (not present or swapped):
            reader.present = False
            reader.retry_at = None
            self.emit(CardRemoved(name, self.technology, t))
        if present and not reader.present:
            reader.present = True
            reader.atr = atr
            reader.retries = 0
            self._read(context, name, reader, t)

    def _read(
        self, context: int, name: str, reader: _Reader, t: float, quiet: bool = False
    ) -> None:
        """Read the card; a failure of I/O is reported once (unless ``quiet``) and the
        read retried a few times while pcscd still sees the card."""
        problem = self._read_once(context, name, reader.atr, t)
        if problem is None:
            return
        if not quiet:
            self.emit(ReadFailed(name, self.technology, problem, t))
        if reader.retries < MAX_RETRIES:
            reader.retries += 1
            reader.retry_at = time.monotonic() + RETRY_DELAY_S

    def _read_once(self, context: int, name: str, atr: bytes, t: float) -> ReadProblem | None:
        """One attempt; returns the problem if it is worth retrying, else None."""
        hresult, card, protocol = scard.SCardConnect(
            context,
            name,
            scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        if hresult in _SERVICE_GONE_CODES:
            raise PcscError("SCardConnect", hresult)
        if hresult != scard.SCARD_S_SUCCESS:
            log.info("%s: cannot connect: 0x%08X", name, hresult & 0xFFFFFFFF)
            return (
                ReadProblem.CARD_REMOVED if hresult in _CARD_GONE_CODES else ReadProblem.UNREADABLE
            )
        pci = scard.SCARD_PCI_T1 if protocol == scard.SCARD_PROTOCOL_T1 else scard.SCARD_PCI_T0

        def transmit(command: bytes) -> bytes:
            code, response = scard.SCardTransmit(card, pci, list(command))
            if code in _CARD_GONE_CODES:
                raise CardGone(f"0x{code & 0xFFFFFFFF:08X}")
            if code != scard.SCARD_S_SUCCESS:
                raise CardIoError(f"SCardTransmit: 0x{code & 0xFFFFFFFF:08X} {_message(code)}")
            return bytes(response)

        try:
            result = read_card(atr, transmit, self.config, self.rules)
        except CardGone as exc:
            log.debug("%s: card gone during the read: %s", name, exc)
            return ReadProblem.CARD_REMOVED
        except (CardIoError, SmartcardException, BaseSCardException) as exc:
            log.info("%s: read failed: %s", name, exc)
            return ReadProblem.UNREADABLE
        finally:
            call_quietly(lambda: scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD))
        if result.outcome is Outcome.BANK:
            log.info("%s: bank card refused", name)
            self.emit(BankCardRefused(name, self.technology, t))
        elif result.outcome is Outcome.FAILED:
            problem = result.problem or ReadProblem.UNREADABLE
            if problem is ReadProblem.UNREADABLE:
                return problem  # perhaps half a read as the card left: try again
            self.emit(ReadFailed(name, self.technology, problem, t))
        else:
            log.debug("%s: card %s %s", name, mask(result.uid), mask(result.number))
            self.emit(
                CardPresented(name, self.technology, result.card_type, result.uid, result.number, t)
            )
        return None
