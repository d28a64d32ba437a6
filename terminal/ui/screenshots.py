"""`make screenshots`: PNGs of the main states of the window, in every language, for the
cashier and supervisor guides (docs/screenshots/). Offscreen, on a demo cache, at a fixed
date, so the pictures change only when the screens do."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from common.clock import FixedClock
from drivers.events import BankCardRefused, Technology
from drivers.printer.config import PrinterConfig
from sync.worker import SyncState, SyncStatus
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services import demo_data
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.card_picks import CardWanted, card_ids
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.i18n import LANGUAGE_NAMES, switch_language
from terminal.ui.main_window import MainWindow

#: The common till screens (12" and 15" touch monitors), each with its file name's tail.
SIZES = {"": (1280, 800), "-1024x768": (1024, 768)}
AT = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)


def _card(db: Database, wanted: CardWanted) -> CardKey:
    """The first demo card that is as ``wanted``."""
    with db.read() as conn:
        (found,) = card_ids(conn, wanted)
    return CardKey(card_id=found)


#: A member's card that works, as most of the pictures show one.
_ACTIVE = CardWanted(kind="personal", state="active")


def states(window: MainWindow, bridge: EventBridge, db: Database) -> dict[str, Callable[[], None]]:
    birthday = _card(db, replace(_ACTIVE, priority_service=True, birthday=f"{AT:%m-%d}"))

    def checkout() -> None:
        window.present(_card(db, replace(_ACTIVE, balance_at_least_centi=1)))
        window.checkout.amount.setText("2450")
        window.checkout.amount.textEdited.emit("2450")

    def supervisor() -> None:
        window.present(birthday)
        window.show_supervisor()
        window.supervisor.auth.who.setCurrentIndex(
            window.supervisor.auth.who.findText("Пётр Старший")
        )
        window.supervisor.pin.setText("999999")
        window.supervisor.auth.enter.click()

    def register() -> None:
        window.present(CardKey(uid="04C0FFEE112233"))  # a card the club does not know
        window.show_supervisor()
        window.supervisor.auth.who.setCurrentIndex(
            window.supervisor.auth.who.findText("Пётр Старший")
        )
        window.supervisor.pin.setText("999999")
        window.supervisor.auth.enter.click()
        form = window.supervisor.registration
        form.full_name.setText("Гончаренко Тарас Миколайович")
        form.address_as.setText("Тарас Миколайович")
        form.phone.setText("+380 67 765 43 21")
        form.birthday.setText("09.03.1991")
        form.consent_personal_data.setChecked(True)

    def offline() -> None:
        window.show_waiting()
        bridge.sync_sink(
            SyncStatus(SyncState.OFFLINE, waiting=3, last_sync=AT - timedelta(minutes=25))
        )
        bridge.sink(BankCardRefused("Virtual PCD 00 00", Technology.CONTACTLESS))

    return {
        "waiting": window.show_waiting,
        "member-birthday": lambda: window.present(birthday),
        "checkout": checkout,
        "supervisor": supervisor,
        "register-member": register,
        "blocked-card": lambda: window.present(_card(db, CardWanted(state="blocked"))),
        "bank-card-offline": offline,
    }


def settle(window: MainWindow, size: tuple[int, int]) -> None:
    """Let the layouts take a state's new words (a language switched, texts set), at the
    screen's size, as a running till does between two frames."""
    app = QApplication.instance()
    for _ in range(3):
        if app is not None:
            app.processEvents()
        window.fit_to(*size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Database.open(Path(tmp) / "d.sqlite3") as db:
        with db.write() as conn:
            demo_data.fill(conn, 2000)
        spooler = Spooler(db, PrinterConfig.default(), ReceiptConfig.default())
        window = MainWindow(Till(db, FixedClock(AT), receipts=spooler), login=False)
        bridge = EventBridge()  # emitted from this (the GUI) thread: delivered at once
        window.connect_bridge(bridge)
        window.show()
        for tail, size in SIZES.items():
            window.fit_to(*size)
            for code in LANGUAGE_NAMES:
                switch_language(code)
                app.processEvents()
                for name, show in states(window, bridge, db).items():
                    window.supervisor.close_mode()
                    bridge.sync_sink(SyncStatus(SyncState.ONLINE, last_sync=AT))
                    show()
                    settle(window, size)
                    path = args.out / f"{name}-{code}{tail}.png"
                    window.grab().save(str(path))
                    print(path)
        switch_language("en")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
