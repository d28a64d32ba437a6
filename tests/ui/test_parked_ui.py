"""Supervisor mode lists the operations the office refused, with the reason in words, and
sends one again (through the real widgets, offscreen)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from builders import card_key
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from common.clock import FixedClock
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.till import Till
from terminal.store import push_outcomes
from terminal.store.database import Database
from terminal.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    w = MainWindow(Till(demo_db, clock), login=False)
    qtbot.addWidget(w)
    w.show()
    yield w


def test_parked_operations_are_shown_and_sent_again(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    op = checkout(window._till.unit(), card_key(demo_db), Money.parse("100")).operation_id
    answer = {"id": op, "status": "rejected", "code": "unknown_member", "message": "member 1"}
    with demo_db.write() as conn:
        push_outcomes.record_outcomes(
            conn,
            [push_outcomes.Outcome(op, push_outcomes.OutcomeStatus.PARKED, json.dumps(answer))],
            "2026-11-22",
        )
    window.show_supervisor()
    sup = window.supervisor
    qtbot.keyClicks(sup.pin, "999999")
    qtbot.keyClick(sup.pin, Qt.Key.Key_Return)
    assert sup.parked.count() == 1 and "1" in sup.parked_label.text()
    row = sup.parked.item(0).text()
    assert "purchase" in row and "The office does not know this member" in row
    assert sup.send_again.isEnabled()
    sup.send_again.click()
    assert sup.parked.count() == 0 and not sup.send_again.isEnabled()
    with demo_db.read() as conn:
        status = conn.execute(
            text("SELECT status FROM operations WHERE id = :i"), {"i": op}
        ).scalar_one()
        action = conn.execute(
            text("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")
        ).scalar_one()
    assert (status, action) == ("pending", "send_again")
