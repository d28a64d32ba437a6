"""The composition root of the cashier app: one ordered start-up, one shutdown."""

from __future__ import annotations

import gc
import logging
import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from common.files import UnsafeFile
from drivers.config import ReadersConfig
from drivers.events import EventSink
from sync import credentials
from sync.authoriser import HttpSpendAuthoriser
from sync.client import OfficeClient, Timeouts
from sync.engine import Syncer
from sync.worker import SyncState, SyncWorker
from terminal.config import Config
from terminal.receipts.spool import Spooler
from terminal.services.errors import NoProgram
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.store.run_lock import RunLock
from terminal.ui.bridge import EventBridge
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow
from terminal.ui.numpad import hide_number_pads

log = logging.getLogger(__name__)

WATCH_MS = 2000  # how often the watchdog looks at the background threads
APP_PAGE = 3000  # rows a page of the snapshot or the feed, when syncing in the app


class Readers(Protocol):
    def start(self) -> object: ...
    def stop(self) -> None: ...


ReadersFactory = Callable[[ReadersConfig, EventSink], Readers]


def default_readers(config: ReadersConfig, sink: EventSink) -> Readers:
    from drivers.hub import ReaderHub

    hub: Readers = ReaderHub(config, sink)
    return hub


class TillApp:
    """The cashier app's parts, started in order and stopped in reverse: the cache's run
    lock (one app per cache: :class:`~terminal.store.run_lock.AlreadyRunning` otherwise),
    the language, the till's services over the cache, the printer thread, the window,
    the card readers and the keyboard-wedge hook. The QApplication must exist already.
    ``run_lock``: the lock, if the caller took it already (the demo, before its devices)."""

    def __init__(
        self,
        config: Config,
        db: Database,
        readers_factory: ReadersFactory = default_readers,
        run_lock: RunLock | None = None,
    ) -> None:
        self.config, self.db, self._readers_factory = config, db, readers_factory
        self.run_lock = run_lock
        self.bridge = EventBridge()
        self.spooler = Spooler(
            db, config.printer, config.receipt, on_status=self.bridge.printer_sink
        )
        self.till = Till(db, receipts=self.spooler, numbers=config.readers.numbers)
        self.window: MainWindow | None = None
        self.readers: Readers | None = None
        self.sync: SyncWorker | None = None
        self._watchdog = QTimer(interval=WATCH_MS)
        self._stopped = False
        self._sync_token: str | None = None  # the credential the worker was started with
        self._authoriser: HttpSpendAuthoriser | None = None  # online spending (with sync)

    def start(self) -> MainWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication), "create the QApplication first"
        if self.run_lock is None:
            self.run_lock = RunLock.acquire(self.db.path)  # before the printer requeues
        log.info("init: language %s", self.config.terminal.language)
        switch_language(self.config.terminal.language)
        log.info("init: cache %s", self.db.path)
        try:
            self.till.reload_program()
        except NoProgram:  # a new till before its first download: the sync brings it
            log.warning("init: the cache holds no program yet; waiting for the office")
        log.info("init: window")
        window = self.window = MainWindow(self.till, till_name=self.config.terminal.id)
        if not self.config.terminal.number_pad:  # a till with a keyboard only
            hide_number_pads(window)
        window.connect_bridge(self.bridge)
        log.info("init: printer (%s)", self.config.printer.transport.value)
        self.spooler.start()
        self.sync = self._start_sync()
        self.bridge.sync_sink(None if self.sync is None else self.sync.status)
        self._watchdog.timeout.connect(self.watch)
        self._watchdog.start()
        log.info("init: card readers")
        self.readers = self._readers_factory(self.config.readers, self.bridge.sink)
        self.readers.start()
        wedge = getattr(self.readers, "wedge", None)
        if wedge is not None and self.config.readers.wedge.enabled:
            from drivers.wedge_qt import WedgeKeyFilter

            log.info("init: keyboard-wedge hook")
            WedgeKeyFilter(wedge, parent=window).install(app)
        # What start-up made lives as long as the app: out of the collector's sight, so a
        # full collection (which holds the GIL, in whichever thread it runs) stays short.
        # Without this one took 55-95 ms during a sync (make bench: gui_stall_max_ms).
        gc.collect()
        gc.freeze()
        return window

    def _start_sync(self) -> SyncWorker | None:
        """The sync worker, if the till is enrolled and sync is on (None otherwise)."""
        if not self.config.sync.enabled:
            log.info("init: sync off (sync.enabled = false)")
            return None
        try:
            creds = credentials.load(self.db.path)
        except credentials.NotEnrolled as exc:
            log.info("init: no sync (%s)", exc)
            return None
        except UnsafeFile as exc:
            log.error("init: no sync: %s", exc)
            return None
        log.info("init: sync with %s", creds.office_url)
        self._sync_token = creds.token
        credentials.note_in_cache(self.db, creds)
        self._authorise_with(
            HttpSpendAuthoriser(creds.office_url, creds.token, ca_bundle=creds.ca_bundle)
        )
        client = OfficeClient(
            creds.office_url,
            creds.token,
            ca_bundle=creds.ca_bundle,
            timeouts=Timeouts(connect=5.0, read=float(self.config.sync.read_timeout_s)),
        )
        clock = lambda: datetime.now(UTC)  # noqa: E731
        # Pages small enough that decoding one (JSON, in the worker's thread, holding the
        # GIL) never keeps the cashier's window from running for long: ~10 ms each.
        syncer = Syncer(self.db, client, clock, snapshot_page=APP_PAGE, feed_page=APP_PAGE)
        worker = SyncWorker(
            self.db,
            client,
            clock=clock,
            on_status=self.bridge.sync_sink,
            poll_s=float(self.config.sync.poll_s),
            syncer=syncer,
        )
        self.db.outbox_listeners.append(worker.wake)
        worker.start()
        return worker

    def _authorise_with(self, authoriser: HttpSpendAuthoriser | None) -> None:
        """Spending is authorised by the office through ``authoriser`` (None: no office)."""
        if self._authoriser is not None:
            self._authoriser.close()
        self._authoriser = authoriser
        self.till.authorise_with(authoriser, authoriser)

    def watch(self) -> None:
        """Start again a background part whose thread has died (the watchdog's tick): the
        cashier sees at most a status change."""
        if self._stopped:
            return
        sync = self.sync
        if self.config.sync.enabled and (sync is None or sync.status.state is SyncState.STOPPED):
            # Enrolled (or enrolled again after a refusal) while the app runs: sync now.
            token = _token_of(self.db.path)
            if token is not None and token != self._sync_token:
                log.info("a new office credential: starting to sync")
                if sync is not None:
                    if sync.wake in self.db.outbox_listeners:
                        self.db.outbox_listeners.remove(sync.wake)
                    sync.stop(timeout=0)
                self.sync = self._start_sync()
            return
        if sync is not None and not sync.is_alive() and sync.status.state is not SyncState.STOPPED:
            log.error("the sync worker stopped unexpectedly; starting it again")
            if sync.wake in self.db.outbox_listeners:
                self.db.outbox_listeners.remove(sync.wake)
            sync.stop(timeout=0)
            self.sync = self._start_sync()
        if not self.spooler.is_alive():
            log.error("the printer thread stopped unexpectedly; starting it again")
            self.spooler.restart()

    def stop(self) -> None:
        """Stop every part, once (Qt may ask twice: a lost display, then aboutToQuit)."""
        if self._stopped:
            return
        self._stopped = True
        log.info("shutdown")
        self._watchdog.stop()
        if self.readers is not None:
            self.readers.stop()
        if self.sync is not None:
            if self.sync.wake in self.db.outbox_listeners:
                self.db.outbox_listeners.remove(self.sync.wake)
            self.sync.stop()
        self._authorise_with(None)
        self.spooler.stop()
        if self.run_lock is not None:
            self.run_lock.release()


def _token_of(db_path: Path) -> str | None:
    try:
        return credentials.load(db_path).token
    except (credentials.NotEnrolled, UnsafeFile):
        return None


def run_app(
    config: Config,
    db: Database,
    readers_factory: ReadersFactory = default_readers,
    argv: list[str] | None = None,
    run_lock: RunLock | None = None,
) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    till_app = TillApp(config, db, readers_factory, run_lock)
    window = till_app.start()  # AlreadyRunning: another app has this cache
    window.fit_screen()  # the compact layout on a small screen
    window.showMaximized()
    app.aboutToQuit.connect(till_app.stop)
    # Ctrl-C and `systemctl stop` end the app the orderly way (threads joined, the
    # printer's queue left consistent). Python only sees a signal between bytecodes, so
    # a timer lets the interpreter run now and then while Qt's loop waits.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: app.quit())
    heartbeat = QTimer(interval=250)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()
    return int(app.exec())
