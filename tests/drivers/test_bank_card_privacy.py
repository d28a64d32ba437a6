"""Payment cards swiped and tapped at a running till leave no trace: after a batch of
them (and a real checkout of a club card among them), none of their digits, names or
UIDs is in the database file, its WAL, the outbox, the print queue or the log."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import a_card
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from common.clock import FixedClock
from drivers.config import PcscConfig, ReadersConfig, SerialReaderConfig, WedgeConfig, demo_rules
from drivers.events import BankCardRefused, CardEvent, CardPresented, ReaderAppeared
from drivers.hub import ReaderHub
from drivers.printer.config import PrinterConfig
from drivers.virtual.cards import BankCard
from drivers.virtual.pcscd import Pcscd, wait_empty
from drivers.virtual.pty_msr import PtyMsr
from drivers.virtual.recorder import Recorder
from drivers.virtual.vpcd_card import VpcdCard
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services import demo_data
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow

pytestmark = pytest.mark.integration

PAN = "4111111111111111"
TRACK1 = f"B{PAN}^DOE/JOHN^2512101000000000000"
TRACK2 = f"{PAN}=25121010000000"
MIR_PAN = "2200123456789010"
BANK_UID = bytes.fromhex("08A1B2C3")
SECRETS = [
    PAN,
    PAN[:12],
    PAN[-12:],
    MIR_PAN,
    MIR_PAN[:12],
    "DOE/JOHN",
    "JOHN",
    f"{PAN}=2512",
    "08A1B2C3",
    "08a1b2c3",
]


@pytest.fixture
def debug_log(tmp_path: Path) -> Iterator[Path]:
    """Everything the terminal logs, down to DEBUG, into a file (as on a till)."""
    path = tmp_path / "terminal.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


def test_payment_cards_leave_no_trace(
    pcscd: Pcscd,
    demo_db: Database,
    clock: FixedClock,
    tmp_path: Path,
    qtbot: QtBot,
    debug_log: Path,
) -> None:
    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())
    window = MainWindow(Till(demo_db, clock, receipts=spooler), login=False)
    qtbot.addWidget(window)
    bridge = EventBridge()
    window.connect_bridge(bridge)
    recorder = Recorder()

    def sink(event: CardEvent) -> None:
        recorder(event)
        bridge.sink(event)

    pty = PtyMsr(tmp_path / "ttyMSR0")
    config = ReadersConfig(
        pcsc=PcscConfig(poll_timeout_ms=300),
        serial=(SerialReaderConfig(port=str(pty.path)),),
        wedge=WedgeConfig(),
        numbers=demo_rules(),
    )
    ours = demo_data.demo_card_number(a_card(demo_db).id)
    wait_empty()
    with ReaderHub(config, sink):
        recorder.wait_for(ReaderAppeared, lambda e: e.source == str(pty.path))
        for i in range(4):
            mark = recorder.mark()
            pty.swipe(t1=TRACK1, t2=TRACK2)
            recorder.wait_for(BankCardRefused, after=mark)
            mark = recorder.mark()
            pty.swipe(t2=f"{MIR_PAN}=28011010000000")
            recorder.wait_for(BankCardRefused, after=mark)
            if i % 2 == 0:
                mark = recorder.mark()
                with VpcdCard(BankCard(BANK_UID)):
                    recorder.wait_for(BankCardRefused, after=mark, timeout=10)
                wait_empty()
        qtbot.waitUntil(lambda: "bank card" in window.message.text(), timeout=3000)
        mark = recorder.mark()
        pty.swipe(t2=f"{ours}=49121")
        recorder.wait_for(CardPresented, lambda e: e.number == ours, after=mark)
        qtbot.waitUntil(lambda: window.pages.currentIndex() == 1, timeout=3000)
        qtbot.keyClicks(window.checkout.amount, "100")
        window.checkout.points.setText("0")
        window.checkout.confirm.click()
        assert "Done" in window.message.text()
    pty.vanish()
    refused = recorder.of(BankCardRefused)
    assert len(refused) == 10
    assert all(
        set(vars_of(e)) <= {"source", "technology", "t_detected", "t_emitted"} for e in refused
    )

    with demo_db.read() as conn:
        outbox = " ".join(r[0] for r in conn.execute(text("SELECT payload FROM outbox")))
        assert outbox and conn.execute(text("SELECT count(*) FROM print_jobs")).scalar() == 1
    wal = demo_db.path.with_name(demo_db.path.name + "-wal")
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    for f in (demo_db.path, wal):
        if f.exists():
            shutil.copy(f, snapshot / f.name)
    demo_db.close()
    places = {
        "database": (snapshot / demo_db.path.name).read_bytes(),
        "wal": (snapshot / wal.name).read_bytes() if (snapshot / wal.name).exists() else b"",
        "outbox": outbox.encode(),
        "log": debug_log.read_bytes(),
    }
    assert places["log"] and places["database"]  # there was something to search
    found = [(where, s) for where, data in places.items() for s in SECRETS if s.encode() in data]
    assert found == []


def vars_of(event: object) -> list[str]:
    return [name for name in type(event).__slots__]  # type: ignore[attr-defined]
