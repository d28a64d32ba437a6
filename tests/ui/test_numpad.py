"""The on-screen number pad (issue 14, point 2) through the real window, offscreen: the
PIN of the log-in (the shift's, supervisor mode's, a large purchase's) and the checkout's
amount and points typed by tapping keys, as the keyboard types them; the field keeps the
focus; no decimal separator but for money (terminal.ui.numpad)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from decimal import Decimal

import pytest
from builders import card_key
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from windowkit import opened

from common.clock import FixedClock
from drivers.config import ReadersConfig
from drivers.events import EventSink
from terminal.config import from_mapping
from terminal.loyalty import Money
from terminal.services.checkout import preview
from terminal.services.identify import identify
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.app import TillApp
from terminal.ui.formats import money_text
from terminal.ui.main_window import MainWindow
from terminal.ui.numpad import BACKSPACE, CLEAR, NumberPad
from terminal.ui.style import MIN_TOUCH_PX


def _active(qtbot: QtBot, w: MainWindow) -> MainWindow:
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    return w


@pytest.fixture
def till_window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    """The window, no log-in needed, active (the focus is real)."""
    yield _active(qtbot, opened(qtbot, Till(demo_db, clock)))


@pytest.fixture
def login_window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    """The window at the start of shift, active."""
    yield _active(qtbot, opened(qtbot, Till(demo_db, clock), login=True))


def tap(qtbot: QtBot, pad: NumberPad, keys: str) -> None:
    """Tap the keys named by ``keys``: digits, "." (the decimal separator), "<" (⌫),
    "C" and "\\n" (Enter)."""
    named = {"<": pad.backspace, "C": pad.clear, "\n": pad.enter}
    for k in keys:
        key = pad.decimal if k == "." else named.get(k) or pad.digits[int(k)]
        assert key is not None and key.isVisible() and key.isEnabled(), f"key {k!r}"
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def _purchases(db: Database) -> list[tuple[int, int]]:
    with db.read() as conn:
        rows = conn.execute(text("SELECT amount_minor, points_spent_centi FROM operations"))
        return [(int(a), int(p)) for a, p in rows]


def test_logging_in_by_tapping_the_pad(qtbot: QtBot, login_window: MainWindow) -> None:
    w = login_window
    pad = w.login.pad
    assert pad.isVisible() and w.login.pin.hasFocus()
    w.login.who.setCurrentIndex(w.login.who.findText("Анна Кассирова"))
    tap(qtbot, pad, "0000\n")  # a wrong PIN: refused in red, an attempt gone
    assert w.login.error.isVisible() and w.login.error.objectName() == "problem"
    assert "Wrong PIN" in w.login.error.text() and w.staff is None
    assert w.login.pin.text() == "" and w.login.pin.hasFocus()
    tap(qtbot, pad, "1112<1")  # a wrong digit taken back
    assert w.login.pin.text() == "1111" and w.login.pin.hasFocus()
    tap(qtbot, pad, "\n")
    assert w.staff is not None and w.staff.name == "Анна Кассирова"
    assert w.pages.currentWidget() is not w.login


def test_pin_pads_have_no_decimal_separator(login_window: MainWindow) -> None:
    w = login_window
    pads = [w.login.pad, w.supervisor.auth.pad, w.checkout.confirmation.login.pad]
    for pad in pads:
        assert pad.decimal is None
        texts = {key.text() for key in pad.findChildren(QPushButton)}
        assert not texts & {",", ".", QLocale().decimalPoint()}
        assert {str(n) for n in range(10)} <= texts and {BACKSPACE, CLEAR} <= texts
    assert w.checkout.pad.decimal is not None
    assert w.checkout.pad.decimal.text() == QLocale().decimalPoint()


def test_keys_are_finger_sized_and_never_take_the_focus(
    qtbot: QtBot, till_window: MainWindow, demo_db: Database
) -> None:
    w = till_window
    w.present(card_key(demo_db, balance_at_least=100))
    pad = w.checkout.pad
    assert w.checkout.amount.hasFocus()
    for key in pad.keys():
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert key.width() >= MIN_TOUCH_PX and key.height() >= MIN_TOUCH_PX, key.text()
    tap(qtbot, pad, "12")
    assert QApplication.focusWidget() is w.checkout.amount
    w.checkout.points.setFocus()
    tap(qtbot, pad, "C")  # the points field has the focus: the keys go there
    assert QApplication.focusWidget() is w.checkout.points
    assert w.checkout.points.text() == "" and w.checkout.amount.text() == "12"


def test_an_amount_typed_with_the_pad_is_previewed_and_recorded(
    qtbot: QtBot, till_window: MainWindow, demo_db: Database
) -> None:
    w = till_window
    key = card_key(demo_db, balance_at_least=100)
    w.present(key)
    pad, checkout = w.checkout.pad, w.checkout
    point = QLocale().decimalPoint()
    tap(qtbot, pad, "2450.505")  # three decimals: refused, with what to type
    assert checkout.amount.text() == f"2450{point}505" and checkout.quote is None
    assert checkout.error.isVisible() and checkout.error.objectName() == "problem"
    assert "two decimals" in checkout.error.text() and not checkout.confirm.isEnabled()
    tap(qtbot, pad, "<")
    assert checkout.amount.text() == f"2450{point}50" and not checkout.error.isVisible()
    quote = checkout.quote
    expected = preview(w._till.unit(), identify(w._till.unit(), key), Money.parse("2450.50"))
    assert quote is not None and quote.amount == Money.parse("2450.50")
    assert checkout.total.text().endswith(money_text(expected.paid.amount))
    assert quote.paid == expected.paid and checkout.lines.count() == len(expected.lines)
    assert checkout.confirm.isEnabled()

    tap(qtbot, pad, "\n")  # Enter: on to the points, as the keyboard's Enter
    assert checkout.points.hasFocus() and checkout.points.selectedText() == "0"
    assert pad.decimal is not None and not pad.decimal.isEnabled()  # points: no separator
    tap(qtbot, pad, "10")
    assert checkout.points.text() == "10" and checkout.quote is not None
    assert checkout.quote.points_spent == Decimal(10)
    tap(qtbot, pad, "\n")
    assert "Done" in w.message.text()
    assert _purchases(demo_db) == [(245050, 1000)]


def test_clear_and_backspace_update_the_preview(
    qtbot: QtBot, till_window: MainWindow, demo_db: Database
) -> None:
    w = till_window
    w.present(card_key(demo_db))
    checkout = w.checkout
    tap(qtbot, checkout.pad, "123")
    assert checkout.quote is not None and checkout.quote.amount == Money.parse("123")
    checkout.amount.setCursorPosition(1)  # ⌫ takes what is before the cursor, as typed
    tap(qtbot, checkout.pad, "<")
    assert checkout.amount.text() == "23" and checkout.quote is not None
    assert checkout.quote.amount == Money.parse("23")
    tap(qtbot, checkout.pad, "C")
    assert checkout.amount.text() == "" and checkout.quote is None
    assert checkout.lines.count() == 0 and not checkout.error.isVisible()
    assert not checkout.confirm.isEnabled() and checkout.amount.hasFocus()


def test_no_usable_card_no_keys(till_window: MainWindow) -> None:
    """Nothing to check out: the amount takes no input, and neither does the pad."""
    w = till_window
    w.checkout.start(None)
    assert not w.checkout.amount.isEnabled()
    assert not any(key.isEnabled() for key in w.checkout.pad.keys())


def test_supervisor_mode_and_a_large_purchase_by_the_pad(
    qtbot: QtBot, till_window: MainWindow, demo_db: Database
) -> None:
    w = till_window
    w.present(card_key(demo_db))
    w.show_supervisor()
    auth = w.supervisor.auth
    assert auth.pad.isVisible() and auth.pin.hasFocus()
    tap(qtbot, auth.pad, "999999\n")
    assert w.supervisor.supervisor is not None
    w.supervisor.close_mode()
    w.present(card_key(demo_db))
    tap(qtbot, w.checkout.pad, "1500000\n\n")  # above confirm_above: a supervisor's PIN
    page = w.checkout.confirmation
    assert w.checkout.confirming and page.login.pad.isVisible() and page.pin.hasFocus()
    assert not w.checkout.pad.isVisible()
    tap(qtbot, page.login.pad, "999999\n")
    assert "Done" in w.message.text() and _purchases(demo_db) == [(150_000_000, 0)]


class NoReaders:
    """The app's readers port, with no reader."""

    def __init__(self, config: ReadersConfig, sink: EventSink) -> None:
        pass

    def start(self) -> object:
        return self

    def stop(self) -> None:
        pass


@pytest.mark.expected_log(r"no printer configured")
@pytest.mark.parametrize("shown", [True, False])
def test_a_keyboard_only_till_hides_the_pads(qtbot: QtBot, demo_db: Database, shown: bool) -> None:
    """``[terminal] number_pad = false``: no pad on any page (the default: shown)."""
    options = {"language": "en"} if shown else {"language": "en", "number_pad": False}
    app = TillApp(from_mapping({"terminal": options}), demo_db, NoReaders)
    w = app.start()
    qtbot.addWidget(w)
    w.show()
    try:
        pads = w.findChildren(NumberPad)
        assert {w.login.pad, w.checkout.pad, w.supervisor.auth.pad} <= set(pads)
        assert w.checkout.confirmation.login.pad in pads
        assert all(pad.isHidden() is not shown for pad in pads)
        assert w.login.pad.isVisible() is shown and w.login.pin.isVisible()
    finally:
        app.stop()
        gc.unfreeze()  # start-up froze what it made, for the app's life: not the tests'
