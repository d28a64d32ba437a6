"""The composition root of the cashier app: one ordered start-up, one shutdown."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QApplication

from drivers.config import ReadersConfig
from drivers.events import EventSink
from terminal.config import Config
from terminal.receipts.spool import Spooler
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Readers(Protocol):
    def start(self) -> object: ...
    def stop(self) -> None: ...


ReadersFactory = Callable[[ReadersConfig, EventSink], Readers]


def default_readers(config: ReadersConfig, sink: EventSink) -> Readers:
    from drivers.hub import ReaderHub

    hub: Readers = ReaderHub(config, sink)
    return hub


def run_app(
    config: Config,
    db: Database,
    readers_factory: ReadersFactory = default_readers,
    argv: list[str] | None = None,
) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    log.info("init: language %s", config["terminal.language"])
    switch_language(config["terminal.language"])
    log.info("init: cache %s", db.path)
    bridge = EventBridge()
    log.info("init: printer (%s)", config.printer.transport.value)
    spooler = Spooler(db, config.printer, config.receipt, on_status=bridge.printer_sink)
    till = Till(db, receipts=spooler)
    till.reload_program()
    log.info("init: window")
    window = MainWindow(till)
    bridge.card_event.connect(window.on_card_event)
    bridge.printer_status.connect(window.on_printer_status)
    spooler.start()
    app.aboutToQuit.connect(spooler.stop)
    log.info("init: card readers")
    readers = readers_factory(config.readers, bridge.sink)
    readers.start()
    app.aboutToQuit.connect(readers.stop)
    wedge = getattr(readers, "wedge", None)
    if wedge is not None and config.readers.wedge.enabled:
        from drivers.wedge_qt import WedgeKeyFilter

        log.info("init: keyboard-wedge hook")
        WedgeKeyFilter(wedge, parent=app).install(app)
    window.showMaximized()
    return int(app.exec())
