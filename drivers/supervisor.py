"""A driver thread that never dies silently: it runs ``session()`` again and again,
reporting each failure as a ReaderFailed event and backing off (0.2 s doubling to 2 s)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from drivers.events import CardEvent, EventSink, ReaderFailed, Technology

log = logging.getLogger(__name__)

BACKOFF_FIRST_S = 0.2
BACKOFF_MAX_S = 2.0
JOIN_TIMEOUT_S = 2.0


class SupervisedThread:
    """Owns one named thread. Subclasses implement :meth:`session` (which returns when
    asked to stop or raises) and may override :meth:`wake` to interrupt a blocking wait."""

    technology: Technology

    def __init__(self, name: str, source: str, sink: EventSink) -> None:
        self.name = name
        self.source = source
        self._sink = sink
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.healthy_after_s = 5.0  # a session this long resets the back-off

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"{self.name} already started")
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the thread to stop without waiting for it."""
        self._stop.set()
        self.wake()

    def stop(self, timeout: float = JOIN_TIMEOUT_S) -> None:
        self.request_stop()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("%s did not stop within %.1f s", self.name, timeout)

    def wake(self) -> None:
        """Interrupt a blocking wait in the session (default: nothing to interrupt)."""

    def wait(self, seconds: float) -> bool:
        """Sleep unless stopped; True if stopping."""
        return self._stop.wait(seconds)

    def emit(self, event: CardEvent) -> None:
        try:
            self._sink(event)
        except Exception:
            log.exception("%s: the event sink failed on %s", self.name, type(event).__name__)

    def session(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        backoff = BACKOFF_FIRST_S
        while not self.stopping:
            started = time.monotonic()
            try:
                self.session()
                if self.stopping:
                    break
                error = "session ended"
            except Exception as exc:  # catch-all: the loop must survive any failure
                error = describe(exc)
                log.warning("%s failed: %s; retrying in %.1f s", self.name, error, backoff)
                log.debug("%s failure", self.name, exc_info=True)
            if time.monotonic() - started > self.healthy_after_s:
                backoff = BACKOFF_FIRST_S
            self.emit(ReaderFailed(self.source, self.technology, error, backoff))
            if self.wait(backoff):
                break
            backoff = min(backoff * 2, BACKOFF_MAX_S)


def describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def call_quietly(fn: Callable[[], object]) -> None:
    try:
        fn()
    except Exception:
        log.debug("cleanup failed", exc_info=True)
