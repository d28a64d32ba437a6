"""A supervisor lifts a cashier's PIN lock-out from the supervisor's page: listed, lifted,
audited, in the cashier's language, and within a 1024x768 screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from common.clock import FixedClock
from terminal.services.staff import LockedOut, PinRejected, log_in
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow

CASHIER = 1  # the demo's Анна Кассирова (demo_data.DEMO_STAFF)


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    till = Till(demo_db, clock)
    for _ in range(4):
        with pytest.raises(PinRejected):
            log_in(till.unit(), CASHIER, "0000")
    with pytest.raises(LockedOut):
        log_in(till.unit(), CASHIER, "0000")
    w = MainWindow(till, login=False)
    qtbot.addWidget(w)
    w.resize(1024, 768)
    w.show()
    yield w
    switch_language("en")


def _supervisor(qtbot: QtBot, w: MainWindow) -> None:
    w.show_supervisor()
    qtbot.keyClicks(w.supervisor.pin, "999999")
    qtbot.keyClick(w.supervisor.pin, Qt.Key.Key_Return)
    assert w.supervisor.supervisor is not None


def test_a_supervisor_lifts_a_cashiers_lock_out_from_the_supervisors_page(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    _supervisor(qtbot, window)
    panel = window.supervisor.lockouts
    assert panel.isVisible() and panel.people.count() == 1
    assert panel.people.currentText().startswith("Анна Кассирова · until ")
    bottom = panel.mapTo(window, QPoint(0, panel.height())).y()
    assert bottom <= 768 and panel.lift.width() <= panel.width()  # fits the screen
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768
    panel.lift.click()
    assert not panel.isVisible()
    assert log_in(window._till.unit(), CASHIER, "1111").name == "Анна Кассирова"
    with demo_db.read() as conn:
        audit = conn.execute(
            text("SELECT staff_id, target FROM audit_log WHERE action = 'lockout_lifted'")
        ).all()
    assert [tuple(r) for r in audit] == [(2, str(CASHIER))]  # by the demo's supervisor


@pytest.mark.parametrize(
    ("code", "label", "button"),
    [
        ("ru", "Заблокированы после неверных PIN-кодов", "Снять блокировку"),
        ("uk", "Заблоковані після неправильних PIN-кодів", "Зняти блокування"),
    ],
)
def test_the_lock_out_panel_follows_the_language(
    qtbot: QtBot, window: MainWindow, code: str, label: str, button: str
) -> None:
    _supervisor(qtbot, window)
    switch_language(code)
    panel = window.supervisor.lockouts
    qtbot.waitUntil(lambda: panel.lift.text() == button, timeout=2000)
    assert panel.label.text() == label and " · до " in panel.people.currentText()
    corner = panel.lift.mapTo(window, QPoint(panel.lift.width(), panel.lift.height()))
    assert corner.x() <= window.width() and corner.y() <= 768  # on screen at 1024x768
