"""The app hands the window its news through the bridge (MainWindow.connect_bridge):
a card read from a reader's thread, the printer's state, the office's."""

from __future__ import annotations

import gc
import threading

import pytest
from builders import a_card
from pytestqt.qtbot import QtBot
from windowkit import tap, tap_uid

from drivers.config import ReadersConfig, demo_rules
from drivers.events import CardEvent, EventSink
from drivers.printer.transport import PrinterStatus, StatusReport
from terminal.config import from_mapping
from terminal.services.staff import Role, add_staff
from terminal.store.database import Database
from terminal.ui.app import TillApp
from terminal.ui.i18n import switch_language


class CapturedReaders:
    """The app's readers port: keeps the sink the app gives its readers."""

    def __init__(self, config: ReadersConfig, sink: EventSink) -> None:
        self.config, self.sink = config, sink

    def start(self) -> object:
        return self

    def stop(self) -> None:
        pass


def read_from_a_reader_thread(qtbot: QtBot, sink: EventSink, event: CardEvent) -> None:
    read = threading.Thread(target=sink, args=(event,))
    read.start()
    read.join()
    qtbot.wait(20)


@pytest.mark.expected_log(r"no printer configured")
def test_the_app_connects_the_window_to_the_bridge(qtbot: QtBot, demo_db: Database) -> None:
    with demo_db.write() as conn:
        add_staff(conn, "Мирослава", Role.CASHIER, "2468", card_uid="04C0FFEE000001")
    readers: list[CapturedReaders] = []

    def factory(config: ReadersConfig, sink: EventSink) -> CapturedReaders:
        readers.append(CapturedReaders(config, sink))
        return readers[-1]

    app = TillApp(from_mapping({"terminal": {"language": "en"}}), demo_db, factory)
    window = app.start()
    qtbot.addWidget(window)
    try:
        assert window.office_status.text() == "Office: not enrolled"
        assert window.pages.currentWidget() is window.login
        (reader,) = readers
        read_from_a_reader_thread(qtbot, reader.sink, tap_uid("04C0FFEE000001"))
        assert window.staff is not None and window.staff.name == "Мирослава"
        assert window.pages.currentIndex() == 0
        card = a_card(demo_db).id
        read_from_a_reader_thread(qtbot, reader.sink, tap(card))
        assert window.pages.currentIndex() == 1 and window.checkout.view is not None
        assert window.checkout.view.card_id == card
        app.bridge.printer_sink(StatusReport(PrinterStatus.COVER_OPEN))
        assert window.printer_status.text() == "Printer: COVER OPEN"
        # the window and the readers judge numbers by the same rules, the configuration's
        assert app.till.numbers == reader.config.numbers == demo_rules()
        window.search.setText("2990999999990")  # the demo's prefix, a wrong Luhn digit
        window.search.returnPressed.emit()
        assert "not a club card" in window.message.text()
    finally:
        app.stop()
        gc.unfreeze()  # start-up froze what it made, for the app's life: not the tests'
        switch_language("en")
