"""The whole cashier app, as `make run` starts it, on the real stack: pcscd with a
virtual card tapped on vpcd, the demo cache, a loopback ESC/POS printer. A cashier logs
in, a card is tapped, the member appears, a checkout completes, the receipt comes out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from builders import a_card, member_of
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from drivers.printer.loopback import LoopbackPrinter
from drivers.virtual.cards import VirtualCard
from drivers.virtual.pcscd import Pcscd, wait_empty
from drivers.virtual.vpcd_card import VpcdCard
from terminal.config import from_mapping
from terminal.services import demo_data
from terminal.store.database import Database
from terminal.ui.app import TillApp
from terminal.ui.i18n import switch_language

pytestmark = pytest.mark.integration


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    with LoopbackPrinter() as p:
        yield p


def test_tap_greet_checkout_receipt(
    pcscd: Pcscd, demo_db: Database, printer: LoopbackPrinter, qtbot: QtBot
) -> None:
    config = from_mapping(
        {
            "terminal": {"language": "ru"},
            "printer": {
                "transport": "network",
                "host": "127.0.0.1",
                "port": printer.port,
                "timeout_s": 2,
            },
            "readers": {"pcsc": {"poll_timeout_ms": 300}},
        }
    )
    card = a_card(demo_db, with_member=True)
    card_id, address_as = card.id, member_of(demo_db, card).address_as
    wait_empty()
    app = TillApp(config, demo_db)
    window = app.start()
    qtbot.addWidget(window)
    window.show()
    try:
        window.login.who.setCurrentIndex(window.login.who.findText("Анна Кассирова"))
        qtbot.keyClicks(window.login.pin, "1111")
        qtbot.keyClick(window.login.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=3000)
        with VpcdCard(VirtualCard(bytes.fromhex(demo_data.demo_card_uid(card_id)))):
            qtbot.waitUntil(lambda: window.pages.currentIndex() == 1, timeout=5000)
        assert address_as in window.member.greeting.text()
        assert window.member.greeting.text().startswith("Обращение")  # Russian from config
        qtbot.keyClicks(window.checkout.amount, "1234,50")
        qtbot.keyClick(window.checkout.amount, Qt.Key.Key_Return)
        window.checkout.points.setText("0")
        qtbot.keyClick(window.checkout.points, Qt.Key.Key_Return)
        assert window.pages.currentIndex() == 2
        assert printer.wait_for_receipts(1, timeout=10)
    finally:
        app.stop()
        switch_language("en")
    receipt = printer.receipts()[0]
    assert address_as in receipt.text() and "1 234,50" in receipt.text()
    with demo_db.read() as conn:
        staff_id = conn.execute(text("SELECT staff_id FROM operations")).scalar()
        printed = conn.execute(text("SELECT status FROM print_jobs")).scalar()
    assert staff_id is not None and printed == "printed"
