"""Serial magnetic-stripe readers (pyserial): bytes -> swipes -> the swipe policy -> events.

One thread a reader. The port is opened by path; if it vanishes (unplugged USB-serial,
closed pty) the session ends, the supervisor reports it and reopens with back-off.
"""

from __future__ import annotations

import logging
import time

import serial

from drivers.cardnumbers import CardNumberRules
from drivers.config import Framing, SerialReaderConfig
from drivers.events import (
    BankCardRefused,
    CardPresented,
    CardType,
    EventSink,
    ReaderAppeared,
    ReaderDisappeared,
    ReadFailed,
    ReadProblem,
    Technology,
)
from drivers.magstripe import Verdict, interpret_swipe
from drivers.masking import mask
from drivers.msr_framing import MSR605_READ, MSR605_RESET, AsciiFramer, Frame, Msr605Framer
from drivers.supervisor import SupervisedThread, call_quietly

log = logging.getLogger(__name__)

READ_TIMEOUT_S = 0.05  # how long one read waits: bounds stop() and torn-swipe detection
FAILURE_REPORT_GAP_S = 1.0  # at most one "swipe again" a second (a flood of noise)
_PROBLEMS = {
    Verdict.RETRY: ReadProblem.TORN_SWIPE,
    Verdict.MISSING: ReadProblem.TRACK_MISSING,
    Verdict.FOREIGN: ReadProblem.NOT_OURS,
}


class SerialMsrDriver(SupervisedThread):
    technology = Technology.MAGSTRIPE

    def __init__(self, config: SerialReaderConfig, rules: CardNumberRules, sink: EventSink) -> None:
        super().__init__(f"reader-serial-{config.source}", config.source, sink)
        self.config = config
        self.rules = rules
        self._last_failure = -FAILURE_REPORT_GAP_S

    def _open(self) -> serial.Serial:
        c = self.config
        return serial.Serial(
            c.port,
            baudrate=c.baudrate,
            bytesize=c.bytesize,
            parity=c.parity,
            stopbits=c.stopbits,
            timeout=READ_TIMEOUT_S,
            exclusive=True,  # one reader of a port at a time (flock): a clear error if not
        )

    def session(self) -> None:
        port = self._open()
        msr605 = self.config.framing is Framing.MSR605
        timeout_s = self.config.timeout_ms / 1000
        framer = Msr605Framer(timeout_s) if msr605 else AsciiFramer(timeout_s)
        self.emit(ReaderAppeared(self.source, self.technology))
        log.info("serial reader open: %s", self.config.port)
        try:
            if msr605:
                port.write(MSR605_RESET + MSR605_READ)
            while not self.stopping:
                data = port.read(min(max(1, port.in_waiting), 4096))
                t = time.monotonic()
                frames = framer.feed(data, t) if data else framer.expire(t)
                for frame in frames:
                    self._handle(frame)
                    if msr605:
                        port.write(MSR605_READ)
        finally:
            call_quietly(port.close)
            self.emit(ReaderDisappeared(self.source, self.technology))

    def _handle(self, frame: Frame) -> None:
        result = interpret_swipe(frame.text, self.config.track, self.rules)
        verdict = result.verdict
        if verdict is Verdict.BANK:
            log.info("%s: bank card refused", self.source)
            self.emit(BankCardRefused(self.source, self.technology, frame.t_last))
            return
        if not frame.complete:
            verdict = Verdict.RETRY
        if verdict is Verdict.OURS and result.number:
            log.debug("%s: card %s", self.source, mask(result.number))
            self.emit(
                CardPresented(
                    self.source,
                    self.technology,
                    CardType.MAGNETIC,
                    number=result.number,
                    t_detected=frame.t_last,
                )
            )
            return
        if verdict is Verdict.NOISE and frame.complete:
            log.debug("%s: noise ignored", self.source)
            return
        problem = _PROBLEMS.get(verdict, ReadProblem.TORN_SWIPE)
        if frame.t_last - self._last_failure >= FAILURE_REPORT_GAP_S:
            self._last_failure = frame.t_last
            self.emit(ReadFailed(self.source, self.technology, problem, frame.t_last))
