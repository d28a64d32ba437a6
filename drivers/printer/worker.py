"""The printer thread: it takes jobs from a durable queue and never blocks the till.

All I/O with the printer runs on this one named thread. The cashier's side only adds a
job to the queue (in the same transaction as the operation) and calls :meth:`wake`. A
printer that is offline, out of paper, has its cover open or does not answer leaves the
job waiting in the queue; the worker tries again with a growing pause (up to
``retry_max_s``) and reports every change of state.

Callbacks (called on the printer thread; the UI re-emits them as a queued Qt signal):
  ``on_status(StatusReport)`` -- the printer's state, a message, the jobs waiting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from drivers.printer.config import PrinterConfig, Transport
from drivers.printer.transport import (
    MESSAGES,
    PrintError,
    PrinterStatus,
    StatusReport,
    print_bytes,
    probe_status,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: int
    data: bytes
    title: str = ""  # for people and logs; never personal data


class JobQueue(Protocol):
    """The port the worker needs (terminal.receipts.queue.PrintQueue is the real one)."""

    def claim_next(self) -> PrintJob | None: ...
    def mark_printed(self, job_id: int) -> None: ...
    def mark_failed(self, job_id: int, error: str) -> None: ...
    def waiting(self) -> int: ...


class MemoryJobQueue:
    """A queue in memory, for tests and previews (not durable)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[int, tuple[PrintJob, str]] = {}  # id -> (job, state)
        self._next = 1
        self.errors: list[str] = []

    def add(self, data: bytes, title: str = "") -> int:
        with self._lock:
            job = PrintJob(self._next, data, title)
            self._jobs[job.id] = (job, "waiting")
            self._next += 1
            return job.id

    def claim_next(self) -> PrintJob | None:
        with self._lock:
            for job, state in self._jobs.values():
                if state == "waiting":
                    self._jobs[job.id] = (job, "printing")
                    return job
            return None

    def mark_printed(self, job_id: int) -> None:
        with self._lock:
            self._jobs[job_id] = (self._jobs[job_id][0], "printed")

    def mark_failed(self, job_id: int, error: str) -> None:
        with self._lock:
            self._jobs[job_id] = (self._jobs[job_id][0], "waiting")
            self.errors.append(error)

    def waiting(self) -> int:
        with self._lock:
            return sum(1 for _, state in self._jobs.values() if state != "printed")

    def state(self, job_id: int) -> str:
        with self._lock:
            return self._jobs[job_id][1]


Printer = Callable[[PrinterConfig, bytes], None]


class PrinterWorker:
    def __init__(
        self,
        cfg: PrinterConfig,
        queue: JobQueue,
        on_status: Callable[[StatusReport], None] = lambda _r: None,
        *,
        printer: Printer = print_bytes,
        probe: Callable[[PrinterConfig], PrinterStatus] = probe_status,
        idle_probe_s: float = 60.0,
        retry_min_s: float = 1.0,
        retry_max_s: float = 30.0,
    ) -> None:
        self.cfg = cfg
        self.queue = queue
        self.on_status = on_status
        self._print = printer
        self._probe_status = probe
        self.idle_probe_s = idle_probe_s
        self.retry_min_s = retry_min_s
        self.retry_max_s = retry_max_s
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="printer", daemon=True)
        self._last: StatusReport | None = None
        self._lock = threading.Lock()

    @property
    def status(self) -> StatusReport | None:
        with self._lock:
            return self._last

    def start(self) -> None:
        self._thread.start()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def wake(self) -> None:
        """A job was added (or a supervisor asked to try again): do not wait for the pause."""
        self._wake.set()

    def stop(self, timeout: float | None = None) -> None:
        """Stop after the job in hand (bounded by the printer timeout) and join the thread."""
        self._stopping.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(self.cfg.timeout_s * 4 + 1 if timeout is None else timeout)

    def _report(self, status: PrinterStatus, message: str) -> None:
        try:
            waiting = self.queue.waiting()
        except Exception:  # the store is failing: the last count known
            log.debug("cannot count the print queue", exc_info=True)
            waiting = self._last.waiting if self._last is not None else 0
        report = StatusReport(status, message, waiting)
        with self._lock:
            changed = report != self._last
            self._last = report
        if changed:
            if status is PrinterStatus.OK:
                log.info("printer: %s (%d waiting)", message, report.waiting)
            else:
                log.warning("printer: %s (%d waiting)", message, report.waiting)
            try:
                self.on_status(report)
            except Exception:
                log.exception("printer status callback failed")

    def _probe(self) -> None:
        """Ask the idle printer how it is, so that the status bar is right before a sale."""
        try:
            status = self._probe_status(self.cfg)
        except PrintError as exc:
            self._report(exc.status, str(exc))
        except Exception as exc:
            self._report(PrinterStatus.ERROR, f"{MESSAGES[PrinterStatus.ERROR]}: {exc}")
        else:
            self._report(status, MESSAGES[status])

    def _pause(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def _run(self) -> None:
        if self.cfg.transport is Transport.NONE:
            self._report(PrinterStatus.DISABLED, MESSAGES[PrinterStatus.DISABLED])
            self._stopping.wait()
            return
        delay = self.retry_min_s
        while not self._stopping.is_set():
            try:
                delay = self._step(delay)
            except Exception as exc:  # the queue's store failed (locked, disk full, I/O)
                log.exception("the print queue failed")
                self._report(PrinterStatus.ERROR, f"{MESSAGES[PrinterStatus.ERROR]}: {exc}")
                self._pause(delay)
                delay = min(delay * 2, self.retry_max_s)

    def _step(self, delay: float) -> float:
        """Print the next job (or probe the idle printer); returns the next retry delay."""
        job = self.queue.claim_next()
        if job is None:
            self._probe()
            self._pause(self.idle_probe_s)
            return delay
        try:
            self._print(self.cfg, job.data)
        except PrintError as exc:
            self.queue.mark_failed(job.id, str(exc))
            self._report(exc.status, str(exc))
            self._pause(delay)
            return min(delay * 2, self.retry_max_s)
        except Exception as exc:
            log.exception("printing %s failed", job.title)
            self.queue.mark_failed(job.id, f"{type(exc).__name__}: {exc}")
            self._report(PrinterStatus.ERROR, f"{MESSAGES[PrinterStatus.ERROR]}: {exc}")
            self._pause(delay)
            return min(delay * 2, self.retry_max_s)
        self.queue.mark_printed(job.id)
        log.info("printed %s", job.title)
        self._report(PrinterStatus.OK, MESSAGES[PrinterStatus.OK])
        return self.retry_min_s
