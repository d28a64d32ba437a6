"""One sync pass: push the outbox, then follow the change feed (or download a snapshot).

No thread of its own: :class:`sync.worker.SyncWorker` runs passes in its thread, and
``loyalty-terminal sync --once`` runs one in the foreground. A pass holds the terminal's
sync lock (a file lock beside the cache), so two workers started by mistake never have
two batches in flight, and it pulls only after every pushed batch was answered, so a
balance from the feed never includes an operation the cache still counts as pending.
"""

from __future__ import annotations

import fcntl
import logging
import os
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from common.files import open_private
from sync import decode
from sync.client import CursorGone, OfficeClient, ProtocolError, Refused
from sync.protocol import MAX_AUDIT_BATCH, OpResult, OpStatus, SnapshotPart, format_time
from sync.wire_spend import IdFloors
from terminal.store import audit_rows, feed_apply, push_outcomes, snapshot_apply, sync_state
from terminal.store.database import Database
from terminal.store.incoming import Part, SnapshotRows
from terminal.store.push_outcomes import OutcomeStatus

log = logging.getLogger(__name__)

PUSH_BATCH = 500
FEED_PAGE = 5000
SNAPSHOT_PAGE = 20_000

Progress = Callable[[int, int], None]  # (rows done, rows in all)


class Busy(Exception):
    """Another worker holds this terminal's sync lock."""


@dataclass(frozen=True, slots=True)
class PassResult:
    pushed: int = 0
    acked: int = 0
    parked: int = 0
    held: int = 0
    changes: int = 0
    snapshot_rows: int = 0
    office_time: datetime | None = None


@contextmanager
def sync_lock(db_path: Path, wait: bool = True) -> Iterator[None]:
    """The terminal's one-batch-in-flight lock (flock: per open file, across processes)."""
    path = db_path.with_name(db_path.name + ".sync-lock")
    fd = open_private(path, os.O_RDWR, "the cache's sync lock")  # 0600, never via a link
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise Busy("another sync worker is running on this cache") from None
        yield
    finally:
        os.close(fd)  # releases the lock


class Syncer:
    def __init__(
        self,
        db: Database,
        client: OfficeClient,
        now: Callable[[], datetime],
        *,
        progress: Progress | None = None,
        push_batch: int = PUSH_BATCH,
        feed_page: int = FEED_PAGE,
        snapshot_page: int = SNAPSHOT_PAGE,
    ) -> None:
        self.db = db
        self.client = client
        self.now = now
        self.progress = progress
        self.push_batch = push_batch
        self.feed_page = feed_page
        self.snapshot_page_size = snapshot_page
        self.office_time: datetime | None = None
        self.clock_skew_s: float | None = None  # office clock minus ours, last seen
        self.greeted = False  # the office's id floors taken since this syncer began

    def run_pass(self) -> PassResult:
        """Say hello first (once), push everything pending, then pull until caught up.
        Raises the client's errors (the worker decides about retries); whatever was
        committed stays committed."""
        if not self.greeted:
            self.greet()
        pushed, acked, parked, held = self.push_all()
        self.push_audit()
        changes, rows = self.pull_all()
        with self.db.write() as conn:
            sync_state.set_state(conn, sync_state.LAST_CONTACT, format_time(self.now()))
            sync_state.set_state(conn, sync_state.LAST_PULL, format_time(self.now()))
        return PassResult(pushed, acked, parked, held, changes, rows, self.office_time)

    def greet(self) -> IdFloors:
        """``GET /hello``: the office's id floors for this till, kept in the cache before
        anything else of the pass, so that a cache restored from a backup allocates its
        next ids and seqs above what the office holds (docs/protocol.md, Id floors)."""
        answer = self.client.hello()
        self._saw(answer.office_time)
        body = answer.body if isinstance(answer.body, dict) else {}
        floors = IdFloors.from_dict(body.get("floors"))
        with self.db.write() as conn:
            sync_state.raise_floors(conn, floors.member_id, floors.card_id, floors.seq)
        self.greeted = True
        return floors

    # --- push ---------------------------------------------------------------------------

    def push_all(self) -> tuple[int, int, int, int]:
        after, size = 0, self.push_batch
        pushed = acked = parked = held = 0
        with self.db.read() as conn:
            # What is waiting now; later operations go in the next pass, so that a busy
            # till still pulls between its pushes.
            upto = push_outcomes.last_outgoing_seq(conn)
        while True:
            with self.db.read() as conn:
                batch = [o for o in push_outcomes.outgoing(conn, after, size) if o.seq <= upto]
            if not batch:
                return pushed, acked, parked, held
            try:
                results, office_time = self.client.push([o.payload for o in batch])
            except Refused as exc:
                if len(batch) > 1:  # find the operation the office cannot take
                    size = max(1, len(batch) // 2)
                    continue
                results = [
                    OpResult(batch[0].op_id, OpStatus.REJECTED, f"http_{exc.status}", str(exc))
                ]
                office_time = None
            self._saw(office_time)
            outcomes = [decode.outcome(o.op_id, r) for o, r in zip(batch, results, strict=True)]
            with self.db.write() as conn:
                push_outcomes.record_outcomes(conn, outcomes, format_time(self.now()))
            pushed += len(batch)
            acked += sum(1 for o in outcomes if o.status is OutcomeStatus.ACKED)
            parked += sum(1 for o in outcomes if o.status is OutcomeStatus.PARKED)
            held += sum(1 for o in outcomes if o.status is OutcomeStatus.HELD)
            after = batch[-1].seq
            size = self.push_batch

    def push_audit(self) -> int:
        """Send the audit log's new rows, after the operations (docs/protocol.md, "The
        audit log"); the mark moves on only once the office has answered, so a lost
        answer sends them again, and the office keeps each once. An office that does not
        take audit logs yet (404) is left alone until the next pass."""
        sent = 0
        size = MAX_AUDIT_BATCH
        while True:
            with self.db.read() as conn:
                events = audit_rows.unsent(conn, size)
            if not events:
                return sent
            try:
                answer = self.client.push_audit(events)
            except Refused as exc:
                if exc.status == 413 and size > 1:  # over the office's body cap: halve
                    size //= 2
                    continue
                log.info("the office does not take the audit log (HTTP %s)", exc.status)
                return sent
            self._saw(answer.office_time)
            with self.db.write() as conn:
                audit_rows.mark_sent(conn, int(events[-1]["id"]))
            sent += len(events)

    # --- pull ---------------------------------------------------------------------------

    def pull_all(self) -> tuple[int, int]:
        """Follow the feed to its head; a snapshot first when there is no cursor (or a
        snapshot half done), and again when the office says the cursor is too old."""
        rows = 0
        with self.db.read() as conn:
            cursor = sync_state.get_state(conn, sync_state.CURSOR)
            pending_snapshot = snapshot_apply.snapshot_state(conn)
        if cursor is None or pending_snapshot is not None:
            rows += self.download_snapshot()
        total = 0
        rebuilt = False
        while True:
            with self.db.read() as conn:
                cursor = sync_state.get_state(conn, sync_state.CURSOR) or "0"
            try:
                answer = self.client.changes(cursor, self.feed_page)
            except CursorGone:
                if rebuilt:  # the snapshot's own cursor is gone: not a loop of snapshots
                    raise ProtocolError(
                        f"the office refuses the cursor {cursor} of its own snapshot"
                    ) from None
                rebuilt = True
                log.warning("the office no longer keeps changes after %s: rebuilding", cursor)
                with self.db.write() as conn:
                    sync_state.set_state(conn, sync_state.SNAPSHOT, None)
                rows += self.download_snapshot(fresh=True)
                continue
            self._saw(answer.office_time)
            page = decode.changes_page(answer.body)
            if page.changes or page.next != cursor:
                changes = decode.changes(page.changes)
                with self.db.write() as conn:
                    feed_apply.apply_changes(conn, changes, page.next)
            total += len(page.changes)
            if not page.more:
                return total, rows

    def download_snapshot(self, fresh: bool = False) -> int:
        """Download (or resume) the snapshot: one local transaction per page."""
        with self.db.read() as conn:
            state = None if fresh else snapshot_apply.snapshot_state(conn)
        if state is None:
            answer = self.client.snapshot(SnapshotPart.META.value)
            self._saw(answer.office_time)
            meta = decode.snapshot_meta(answer.body)
            with self.db.write() as conn:
                state = snapshot_apply.snapshot_start(conn, meta)
        rows = 0
        self._report(state.done_rows, state.total_rows)
        with _Prefetch(self.client, state.part, state.after, self.snapshot_page_size) as pages:
            while state is not None:
                page, office_time = pages.next()
                self._saw(office_time)
                total = state.total_rows
                with self.db.write() as conn:
                    state = snapshot_apply.snapshot_page(conn, state, page)
                rows += len(page.rows)
                done = total if state is None else state.done_rows
                self._report(done, max(total, done))
        return rows

    def _report(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    def _saw(self, office_time: datetime | None) -> None:
        if office_time is not None:
            self.office_time = office_time
            self.clock_skew_s = (office_time - self.now()).total_seconds()


Page = tuple[SnapshotRows, datetime | None]  # a decoded page, the office's time of it


class _Prefetch:
    """The snapshot's pages, each fetched and decoded while the one before it is being
    applied, so that the office's work and the cache's overlap (the first download of
    1,000,000 members took their sum). One thread, one page ahead, the pages in the
    order :func:`snapshot_apply.snapshot_page` asks for them (members, then cards); the
    client is used by that thread alone until the ``with`` block has ended. A failure
    of a fetch is raised by :meth:`next`."""

    def __init__(self, client: OfficeClient, part: Part, after: int, limit: int) -> None:
        self.client = client
        self.limit = limit
        self._pages: queue.Queue[tuple[Page | None, BaseException | None]] = queue.Queue(1)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(part, after), name="snapshot-prefetch", daemon=True
        )

    def __enter__(self) -> _Prefetch:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        while True:  # unblock a fetch waiting to hand over its page
            try:
                self._pages.get_nowait()
            except queue.Empty:
                break
        # The fetch in hand ends within its whole-answer deadline: wait that long, so
        # that the thread never outlives the pass still using the client's Session.
        self._thread.join(self.client.timeouts.whole + 5)

    def next(self) -> Page:
        page, error = self._pages.get()
        if error is not None:
            raise error
        assert page is not None
        return page

    def _run(self, part: Part, after: int) -> None:
        try:
            while not self._stop.is_set():
                answer = self.client.snapshot(decode.WIRE_PARTS[part].value, after, self.limit)
                page = decode.snapshot_rows(part, answer.body)
                if not self._hand_over(((page, answer.office_time), None)):
                    return
                after = page.next_after
                if page.done:
                    if part is not Part.MEMBERS:
                        return
                    part, after = Part.CARDS, 0
        except BaseException as exc:  # raised in the caller's thread by next()
            self._hand_over((None, exc))

    def _hand_over(self, item: tuple[Page | None, BaseException | None]) -> bool:
        while not self._stop.is_set():
            try:
                self._pages.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False
