"""The sync worker: a thread of its own that pushes the outbox and pulls changes.

It wakes at once when :meth:`SyncWorker.wake` is called (after each new operation), and
every ``poll_s`` otherwise. Network errors, timeouts, 5xx and 429 are retried forever
with exponential backoff and full jitter, capped, never sooner than the office's
``Retry-After``. 401/403 stop the worker (everything stays in the cache) and say so in
the status for store IT. Status goes out through ``on_status`` (called in the worker's
thread: the app bridges it into a Qt signal).
"""

from __future__ import annotations

import enum
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sync.client import AuthFailed, OfficeClient, Transient
from sync.engine import Busy, Syncer, sync_lock
from sync.protocol import format_time, parse_time
from terminal.store import push_outcomes, sync_state
from terminal.store.database import Database

log = logging.getLogger(__name__)

BUSY_RETRY_S = 2.0  # another pass holds the sync lock: look again this soon


class SyncState(enum.Enum):
    STARTING = "starting"
    ONLINE = "online"  # the last pass reached the office and finished
    DOWNLOADING = "downloading"  # the first (or a rebuilding) download is under way
    OFFLINE = "offline"  # the office cannot be reached: retrying
    STOPPED = "stopped"  # the office refused the credential: store IT must act


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the app shows about sync; ``message`` says what went wrong, for people."""

    state: SyncState
    waiting: int = 0
    parked: int = 0
    last_sync: datetime | None = None
    clock_skew_s: float | None = None
    progress: tuple[int, int] | None = None  # snapshot rows (done, total)
    message: str | None = None
    retry_in_s: float | None = None

    @property
    def online(self) -> bool:
        return self.state in (SyncState.ONLINE, SyncState.DOWNLOADING)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with full jitter: uniform(0, min(cap, base * 2**attempt))."""

    base_s: float = 1.0
    cap_s: float = 300.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        return rng.uniform(0.0, min(self.cap_s, self.base_s * 2 ** min(attempt, 30)))


StatusCallback = Callable[[SyncStatus], None]


class SyncWorker:
    """``SyncWorker(db, client, clock=..., on_status=...)``; :meth:`start`, :meth:`wake`
    after each new operation, :meth:`stop` at shutdown (joins the thread and closes the
    client's session)."""

    def __init__(
        self,
        db: Database,
        client: OfficeClient,
        *,
        clock: Callable[[], datetime],
        on_status: StatusCallback | None = None,
        rng: random.Random | None = None,
        poll_s: float = 30.0,
        backoff: Backoff = Backoff(),
        syncer: Syncer | None = None,
        name: str = "sync-worker",
    ) -> None:
        self.db = db
        self.client = client
        self.clock = clock
        self.on_status = on_status
        self.rng = rng or random.Random()
        self.poll_s = poll_s
        self.backoff = backoff
        self.syncer = syncer or Syncer(db, client, clock, progress=self._on_progress)
        if syncer is not None and syncer.progress is None:
            syncer.progress = self._on_progress
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._status = SyncStatus(SyncState.STARTING)
        self._lock = threading.Lock()
        self.passes = 0
        self._skew_saved: float | None = None

    # --- the app's side -----------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """A new operation is in the outbox: sync now (unless backing off)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self.client.close()

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    # --- the thread ---------------------------------------------------------------------

    def _run(self) -> None:
        attempt = 0
        self._publish(self._with_counts(SyncStatus(SyncState.STARTING)))
        while not self._stop.is_set():
            self._wake.clear()
            try:
                with sync_lock(self.db.path, wait=False):
                    result = self.syncer.run_pass()
            except AuthFailed as exc:
                self._stopped(exc)
                return
            except Busy:
                # Another pass holds this till's sync lock (`loyalty-terminal sync --once`
                # beside the app): not offline; try again shortly, the status unchanged.
                self._stop.wait(BUSY_RETRY_S)
                continue
            except Transient as exc:
                attempt += 1
                self._offline(exc, attempt, exc.retry_after)
                continue
            except Exception as exc:  # a bug or a full disk: keep the thread, say so
                log.exception("sync pass failed")
                attempt += 1
                self._offline(exc, attempt, None)
                continue
            attempt = 0
            self.passes += 1
            status = SyncStatus(
                SyncState.ONLINE,
                last_sync=self.clock(),
                clock_skew_s=self.syncer.clock_skew_s,
            )
            self._publish(self._with_counts(status))
            if result.pushed and result.held == 0:
                continue  # more may have come while we were pushing
            self._wake.wait(self.poll_s)

    def _offline(self, exc: Exception, attempt: int, retry_after: float | None) -> None:
        delay = self.backoff.delay(attempt, self.rng)
        if retry_after is not None:
            delay = max(delay, retry_after)
        log.info("office not reachable (%s); next try in %.1f s", exc, delay)
        previous = self.status
        status = SyncStatus(
            SyncState.OFFLINE,
            last_sync=previous.last_sync,
            clock_skew_s=previous.clock_skew_s,
            message=str(exc),
            retry_in_s=delay,
        )
        self._publish(self._with_counts(status))
        # Back off; a new operation meanwhile does not cut the wait short (the office is
        # not answering), but the status shows it among the ones waiting at once.
        deadline = time.monotonic() + delay
        self._wake.clear()
        while not self._stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._wake.wait(remaining):
                break
            self._wake.clear()
            if not self._stop.is_set():
                self._publish(self._with_counts(self.status))

    def _stopped(self, exc: AuthFailed) -> None:
        message = (
            f"the office refused this till's credential (HTTP {exc.status}: {exc}); "
            "syncing has stopped and every operation is kept: store IT enrols the till again"
        )
        log.error(message)
        try:
            with self.db.write() as conn:
                sync_state.set_state(conn, sync_state.AUTH_ERROR, message)
        except Exception:
            log.exception("cannot record the credential failure")
        previous = self.status
        self._publish(
            self._with_counts(
                SyncStatus(
                    SyncState.STOPPED,
                    last_sync=previous.last_sync,
                    clock_skew_s=previous.clock_skew_s,
                    message=message,
                )
            )
        )

    def _on_progress(self, done: int, total: int) -> None:
        previous = self.status
        self._publish(
            replace(previous, state=SyncState.DOWNLOADING, progress=(done, total), message=None)
        )

    def _with_counts(self, status: SyncStatus) -> SyncStatus:
        try:
            with self.db.read() as conn:
                counts = push_outcomes.counts(conn)
                skew = sync_state.get_state(conn, sync_state.CLOCK_SKEW)
                last = sync_state.get_state(conn, sync_state.LAST_CONTACT)
        except Exception:
            log.exception("cannot read the sync counts")
            return status
        return replace(
            status,
            waiting=counts.waiting,
            parked=counts.parked,
            last_sync=status.last_sync or (parse_time(last) if last else None),
            clock_skew_s=status.clock_skew_s
            if status.clock_skew_s is not None
            else (float(skew) if skew else None),
        )

    def _publish(self, status: SyncStatus) -> None:
        with self._lock:
            self._status = status
        skew = status.clock_skew_s
        if status.state is SyncState.ONLINE and skew is not None:
            if self._skew_saved is None or abs(skew - self._skew_saved) > 0.5:
                self._remember_skew(skew)
                self._skew_saved = skew
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("the status callback failed")

    def _remember_skew(self, skew: float) -> None:
        try:
            with self.db.write() as conn:
                sync_state.set_state(conn, sync_state.CLOCK_SKEW, f"{skew:.3f}")
        except Exception:
            log.exception("cannot record the clock skew")


def run_once(db: Database, client: OfficeClient, clock: Callable[[], datetime]) -> str:
    """One pass in the foreground (``loyalty-terminal sync --once``); a summary line."""
    syncer = Syncer(db, client, clock)
    with sync_lock(db.path, wait=True):
        r = syncer.run_pass()
    skew = "" if syncer.clock_skew_s is None else f", clock skew {syncer.clock_skew_s:+.1f} s"
    return (
        f"pushed {r.pushed} (acknowledged {r.acked}, parked {r.parked}, held {r.held}), "
        f"{r.changes} changes, {r.snapshot_rows} snapshot rows at {format_time(clock())}{skew}"
    )
