"""Refusals in red, with what to do (issue 14): on the checkout and the log-in pages each
refusal is the page's red label ("problem") and says what to type next, in the cashier's
language (terminal.ui.checkout_amount, terminal.ui.login_page)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from builders import card_key
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from windowkit import opened

from common.clock import FixedClock
from terminal.loyalty import Money
from terminal.services.checkout import preview
from terminal.services.identify import identify
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.i18n import switch_language
from terminal.ui.main_window import MainWindow

RED = QColor("#b00020")


@pytest.fixture
def english() -> Iterator[None]:
    yield
    switch_language("en")


def _red(label: QLabel) -> bool:
    """Whether ``label`` is shown as a refusal: visible, the stylesheet's red behind it."""
    QApplication.processEvents()
    image = label.grab().toImage()
    return label.isVisible() and image.pixelColor(2, 2) == RED


def _type(qtbot: QtBot, w: MainWindow, field: str, typed: str) -> None:
    edit = getattr(w.checkout, field)
    edit.clear()
    qtbot.keyClicks(edit, typed)


@pytest.mark.parametrize(
    ("typed", "what_to_do"),
    [
        ("abc", "type digits and one decimal separator, e.g. 1234.50"),
        ("-100", "type what the goods cost"),
        ("2450.505", "type e.g. 1234.50"),
        ("99999999999999999999", "type what the goods cost"),
        ("0", "type what the goods cost"),
        ("99999999", "check the amount"),
    ],
)
def test_an_amount_refused_says_what_to_type(
    qtbot: QtBot, window: MainWindow, demo_db: Database, typed: str, what_to_do: str
) -> None:
    window.present(card_key(demo_db))
    _type(qtbot, window, "amount", typed)
    assert window.checkout.error.objectName() == "problem" and _red(window.checkout.error)
    assert window.checkout.error.text().rstrip(".").endswith(what_to_do)
    _type(qtbot, window, "amount", "100")  # put right: the refusal goes
    assert not window.checkout.error.isVisible()


def test_too_many_points_say_how_many_may_be_typed(
    qtbot: QtBot, window: MainWindow, demo_db: Database, english: None
) -> None:
    key = card_key(demo_db, balance_at_least=1500)
    window.present(key)
    _type(qtbot, window, "amount", "2000")
    unit = window._till.unit()
    most = preview(unit, identify(unit, key), Money.parse("2000")).max_spend_points
    assert 0 < most < 1400
    _type(qtbot, window, "points", "1400")
    error = window.checkout.error
    assert _red(error) and window.checkout.quote is None
    assert error.text() == (
        f"At most {most:f} points can pay for this receipt: type {most:f} or fewer."
    )
    switch_language("ru")  # the cashier's language, not the rules' English words
    _type(qtbot, window, "points", "1400")
    assert error.text().startswith("Этот чек можно оплатить") and f"{most:f}" in error.text()
    _type(qtbot, window, "points", f"{most:f}")
    assert not error.isVisible() and window.checkout.quote is not None


def test_a_wrong_pin_is_refused_in_red_with_what_to_do(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    w = opened(qtbot, Till(demo_db, clock), login=True)
    w.login.who.setCurrentIndex(w.login.who.findText("Анна Кассирова"))
    w.login.pin.setText("0000")
    w.login.enter.click()
    assert w.login.error.objectName() == "problem" and _red(w.login.error)
    assert w.login.error.text() == "Wrong PIN: type it again. 4 attempt(s) left."
    w.login.start_help()  # F9, a supervisor's PIN, nobody locked out: said, with the way back
    w.login.who.setCurrentIndex(w.login.who.findText("Пётр Старший"))
    w.login.pin.setText("999999")
    w.login.enter.click()
    assert _red(w.login.error) and w.login.error.text().endswith("Esc goes back.")
