"""The cashier app syncs in the background: a checkout reaches the office at once (the
worker is woken by the commit, not by its poll), and the status bar says online, then
offline with the operations waiting when the office goes away."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import a_card
from officekit import enrolled_terminal, office_op_count
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from office.db import OfficeDB
from office.server import OfficeServer
from terminal.config import from_mapping
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey, identify
from terminal.store.database import Database
from terminal.ui.app import TillApp
from terminal.ui.i18n import switch_language

pytestmark = pytest.mark.integration


class NoReaders:
    """The app's readers port with nothing attached."""

    def start(self) -> object:
        return self

    def stop(self) -> None:
        pass


def active_card(db: Database) -> int:
    return a_card(db, with_member=True).id


@pytest.mark.expected_log(r"no printer configured")
def test_the_app_pushes_at_once_and_shows_offline(
    qtbot: QtBot, office_db: OfficeDB, tmp_path: Path
) -> None:
    config = from_mapping(
        {"terminal": {"language": "en"}, "sync": {"poll_s": 600, "read_timeout_s": 2}}
    )
    server = OfficeServer(office_db).start()
    try:
        with enrolled_terminal(server, tmp_path / "till") as t:
            t.sync()  # the first download, as `loyalty-terminal sync --once` does it
            app = TillApp(config, t.db, readers_factory=lambda _c, _s: NoReaders())
            window = app.start()
            qtbot.addWidget(window)
            status = window.office_status
            try:
                assert app.sync is not None
                qtbot.waitUntil(lambda: "online" in status.text(), timeout=5000)
                card = active_card(t.db)
                checkout(app.till.unit(), CardKey(card_id=card), Money.parse("500.00"))
                # poll_s is ten minutes: only the commit's wake-up can send it this soon
                qtbot.waitUntil(lambda: office_op_count(office_db) == 1, timeout=5000)
                qtbot.waitUntil(lambda: "to send" not in status.text(), timeout=5000)

                server.stop()
                checkout(app.till.unit(), CardKey(card_id=card), Money.parse("100.00"))
                qtbot.waitUntil(lambda: "OFFLINE" in status.text(), timeout=10_000)
                assert "1 to send" in status.text()
                assert status.label.property("alert") is True
            finally:
                app.stop()
            assert not app.sync.is_alive()
            with t.db.read() as conn:
                pending = conn.execute(
                    text("SELECT count(*) FROM operations WHERE status = 'pending'")
                ).scalar_one()
            assert pending == 1  # kept for the next sync
    finally:
        server.stop()
        switch_language("en")


@pytest.mark.expected_log(r"no printer configured")
def test_an_unenrolled_till_says_so(qtbot: QtBot, demo_db: Database) -> None:
    app = TillApp(
        from_mapping({"terminal": {"language": "en"}}),
        demo_db,
        readers_factory=lambda _c, _s: NoReaders(),
    )
    window = app.start()
    qtbot.addWidget(window)
    try:
        assert app.sync is None
        assert window.office_status.text() == "Office: not enrolled"
    finally:
        app.stop()


@pytest.mark.expected_log(r"no printer configured", r"the cache holds no program yet")
def test_a_new_till_downloads_its_cache_in_the_app(
    qtbot: QtBot, office_db: OfficeDB, tmp_path: Path
) -> None:
    """Enrolled but empty: the app starts, shows the download's progress, and knows the
    members once it is done, without a restart."""
    config = from_mapping({"terminal": {"language": "en"}, "sync": {"poll_s": 600}})
    seen: list[tuple[int, int]] = []
    with OfficeServer(office_db) as server, enrolled_terminal(server, tmp_path / "new") as t:
        app = TillApp(config, t.db, readers_factory=lambda _c, _s: NoReaders())
        app.bridge.sync_status.connect(
            lambda st: seen.append(st.progress) if st.progress is not None else None
        )
        window = app.start()
        qtbot.addWidget(window)
        try:
            qtbot.waitUntil(lambda: "online" in window.office_status.text(), timeout=30_000)
            assert not window.office_status.progress.isVisible()
            card = active_card(t.db)
            view = identify(app.till.unit(), CardKey(card_id=card))
            assert view.member is not None
        finally:
            app.stop()
    assert seen and seen[-1][0] == seen[-1][1] > 0  # the progress reached its total
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


class Crash(BaseException):
    """What no background loop catches: its thread dies (a stand-in for any fatal bug)."""


def crash_once(target: object, attribute: str) -> None:
    """Make ``target.attribute`` (a callable its thread calls) kill that thread once."""
    original = getattr(target, attribute)

    def die(*args: object) -> None:
        setattr(target, attribute, original)
        raise Crash

    setattr(target, attribute, die)


@pytest.mark.expected_log(
    r"stopped unexpectedly; starting it again",
    r"interrupted by a restart will print again",
    r"no printer configured",
)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_dead_background_part_is_started_again(
    qtbot: QtBot, office_db: OfficeDB, tmp_path: Path
) -> None:
    from drivers.printer.loopback import LoopbackPrinter

    with (
        LoopbackPrinter() as printer,
        OfficeServer(office_db) as server,
        enrolled_terminal(server, tmp_path / "till") as t,
    ):
        t.sync()
        config = from_mapping(
            {
                "terminal": {"language": "en"},
                "sync": {"poll_s": 600},
                "printer": {
                    "transport": "network",
                    "host": "127.0.0.1",
                    "port": printer.port,
                    "timeout_s": 2,
                },
            }
        )
        app = TillApp(config, t.db, readers_factory=lambda _c, _s: NoReaders())
        window = app.start()
        qtbot.addWidget(window)
        try:
            qtbot.waitUntil(lambda: "online" in window.office_status.text(), timeout=5000)
            first_sync, first_printer = app.sync, app.spooler.worker
            assert first_sync is not None
            crash_once(first_sync, "on_status")
            crash_once(first_printer, "_print")  # dies holding a job: it prints again
            card = active_card(t.db)
            checkout(app.till.unit(), CardKey(card_id=card), Money.parse("300.00"))
            qtbot.waitUntil(lambda: not first_sync.is_alive(), timeout=5000)
            qtbot.waitUntil(lambda: not first_printer.is_alive(), timeout=5000)
            # the watchdog starts both again; what was waiting goes out
            qtbot.waitUntil(
                lambda: app.sync is not first_sync and app.sync.is_alive(), timeout=6000
            )
            qtbot.waitUntil(lambda: app.spooler.worker is not first_printer, timeout=6000)
            checkout(app.till.unit(), CardKey(card_id=card), Money.parse("200.00"))
            qtbot.waitUntil(lambda: office_op_count(office_db) == 2, timeout=10_000)
            assert printer.wait_for_receipts(2, timeout=10)
            qtbot.waitUntil(lambda: "online" in window.office_status.text(), timeout=5000)
        finally:
            app.stop()


@pytest.mark.expected_log(r"no printer configured")
def test_enrolled_while_the_app_runs_it_starts_to_sync(
    qtbot: QtBot, office_db: OfficeDB, demo_db: Database
) -> None:
    from office import auth
    from terminal.cli.main import main

    app = TillApp(
        from_mapping({"terminal": {"language": "en"}, "sync": {"poll_s": 600}}),
        demo_db,
        readers_factory=lambda _c, _s: NoReaders(),
    )
    window = app.start()
    qtbot.addWidget(window)
    try:
        with OfficeServer(office_db) as server:
            assert app.sync is None and window.office_status.text() == "Office: not enrolled"
            code = auth.create_code(office_db, "late till")
            args = ["--db", str(demo_db.path), "enroll", "--office", server.url, "--code", code]
            assert main(args) == 0
            qtbot.waitUntil(lambda: app.sync is not None, timeout=6000)
            qtbot.waitUntil(lambda: "online" in window.office_status.text(), timeout=20_000)
    finally:
        app.stop()
        switch_language("en")


@pytest.mark.expected_log(r"no printer configured")
def test_the_app_has_the_office_authorise_spending(
    qtbot: QtBot, office_db: OfficeDB, tmp_path: Path
) -> None:
    from decimal import Decimal

    from sqlalchemy import select

    from office.models import holds

    config = from_mapping({"terminal": {"language": "en"}, "sync": {"poll_s": 600}})
    with OfficeServer(office_db) as server, enrolled_terminal(server, tmp_path / "till") as t:
        t.sync()
        app = TillApp(config, t.db, readers_factory=lambda _c, _s: NoReaders())
        window = app.start()
        qtbot.addWidget(window)
        try:
            assert app.till.authoriser is not None
            card = a_card(t.db, balance_at_least=100).id
            done = checkout(
                app.till.unit(), CardKey(card_id=card), Money.parse("1000.00"), Decimal("50")
            )
            qtbot.waitUntil(lambda: office_op_count(office_db) == 1, timeout=5000)
            with office_db.read() as conn:
                row = conn.execute(select(holds).where(holds.c.id == done.operation_id)).one()
            assert row.points_centi == 50_00 and row.settled_at is not None
        finally:
            app.stop()
        assert app.till.authoriser is None  # stopped with the app
