"""Fixtures of the cashier's window tests (helpers: windowkit.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from windowkit import bridged, opened

from common.clock import FixedClock
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    """The window over a demo cache, no login needed, no printer."""
    yield opened(qtbot, Till(demo_db, clock))


@pytest.fixture
def bridge(window: MainWindow) -> EventBridge:
    return bridged(window)
