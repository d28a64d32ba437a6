"""When the cache cannot be written (another program holds it, the disk is full) the
cashier reads what happened and what to do, in their language, and nothing is lost:
the checkout stays on screen and goes through once the cache is free again. The
services' refusals are translated too."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from builders import card_key
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text

from common.clock import FixedClock
from terminal.services.errors import StoreUnavailable, store_failure
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    w = MainWindow(Till(demo_db, clock), login=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    switch_language("en")


def impatient(db: Database) -> None:
    """Wait 50 ms for a lock instead of 5 s (the test's own connections, not a patch)."""
    db.engine.dispose()

    def short_wait(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout = 50")

    event.listen(db.engine, "connect", short_wait)


def operations(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM operations")).scalar_one())


@pytest.mark.expected_log(r"the cache failed: .*locked", r"the print queue failed")
@pytest.mark.parametrize(("code", "words"), [("en", "busy"), ("ru", "занята"), ("uk", "зайнята")])
def test_a_locked_cache_during_checkout_loses_nothing(
    qtbot: QtBot, window: MainWindow, demo_db: Database, code: str, words: str
) -> None:
    switch_language(code)
    impatient(demo_db)
    window.present(card_key(demo_db))
    qtbot.keyClicks(window.checkout.amount, "500")
    window.checkout.points.setText("0")
    window.checkout.points.textEdited.emit("0")
    other = sqlite3.connect(demo_db.path, isolation_level=None)  # another program
    other.execute("BEGIN IMMEDIATE")
    try:
        window.checkout.confirm.click()
        assert window.pages.currentIndex() == 1  # still the checkout, not "done"
        assert words in window.checkout.error.text() and window.checkout.error.isVisible()
        assert window.checkout.amount.text() == "500" and window.checkout.quote is not None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert operations(demo_db) == 0
    window.checkout.confirm.click()
    assert window.pages.currentIndex() == 2 and operations(demo_db) == 1


@pytest.mark.expected_log(r"the cache failed: .*locked", r"the print queue failed")
def test_a_locked_cache_in_a_supervisor_action(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    key = card_key(demo_db)
    window.present(key)
    window.show_supervisor()
    qtbot.keyClicks(window.supervisor.pin, "999999")
    qtbot.keyClick(window.supervisor.pin, Qt.Key.Key_Return)
    actions = window.supervisor.member_actions
    actions.action_list.setCurrentRow(2)  # adjust points
    qtbot.keyClicks(actions.value, "10")
    qtbot.keyClicks(actions.text, "goodwill")
    impatient(demo_db)
    other = sqlite3.connect(demo_db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClick(actions.text, Qt.Key.Key_Return)  # the question (reads still work)
        assert actions.asking
        actions.question.confirm.click()
        assert "nothing was recorded" in actions.result.text()
        assert actions.value.text() == "10" and actions.text.text() == "goodwill"
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.keyClick(actions.text, Qt.Key.Key_Return)
    actions.question.confirm.click()
    assert "Done" in actions.result.text() and operations(demo_db) == 1


def test_service_refusals_are_translated(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    key = card_key(demo_db)
    window.present(key)
    window.show_supervisor()
    qtbot.keyClicks(window.supervisor.pin, "999999")
    qtbot.keyClick(window.supervisor.pin, Qt.Key.Key_Return)
    actions = window.supervisor.member_actions
    actions.action_list.setCurrentRow(2)  # adjust points
    qtbot.keyClicks(actions.value, "10")
    switch_language("ru")
    qtbot.keyClick(actions.value, Qt.Key.Key_Return)  # no reason given
    assert actions.result.text() == "Укажите причину: она обязательна и сохраняется"
    switch_language("uk")
    actions.action_list.setCurrentRow(1)  # a return
    qtbot.keyClicks(actions.value, "no-such-receipt")
    qtbot.keyClick(actions.value, Qt.Key.Key_Return)
    assert actions.result.text() == "Покупки з таким кодом чека немає"


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("database is locked", "store_busy"),
        ("database or disk is full", "store_full"),
        ("disk I/O error", "store_failed"),
    ],
)
def test_store_failures_are_told_apart(message: str, code: str) -> None:
    failure = store_failure(sqlite3.OperationalError(message))
    assert isinstance(failure, StoreUnavailable) and failure.code == code
    assert "nothing was recorded" in str(failure)
