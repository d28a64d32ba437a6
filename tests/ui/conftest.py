"""Fixtures of the cashier's window tests (helpers: windowkit.py)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from windowkit import bridged, opened

from common.clock import FixedClock
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow

# PySide6 6.12.0 drops a reference to None for every property keyword given to a
# constructor (QLabel(wordWrap=True) ...), and to True or False somewhere alike: a
# process that builds many windows (the geometry test run alone) ends with "Fatal Python
# error: none_dealloc" (or bool_dealloc). The app builds one window; until the pin moves
# to a PySide6 without the bug (6.11.3 has not it), these references keep them alive
# to the interpreter's very end (module globals are cleared before it).
for _singleton in (None, True, False):
    for _ in range(200_000):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(_singleton))


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    """The window over a demo cache, no login needed, no printer."""
    yield opened(qtbot, Till(demo_db, clock))


@pytest.fixture
def bridge(window: MainWindow) -> EventBridge:
    return bridged(window)
