"""The Qt key hook of the wedge, under a Russian layout: decisions come from scan codes,
the text a layout makes of them does not matter."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from drivers.config import WedgeConfig, demo_rules
from drivers.events import BankCardRefused, CardPresented
from drivers.keycodes import KEY_ENTER, KEY_LEFTSHIFT, code_of
from drivers.virtual.recorder import Recorder
from drivers.wedge import WedgeReader
from drivers.wedge_qt import WedgeKeyFilter

OURS = "2990000000018"
XKB_OFFSET = 8

_US_ROWS = ("1234567890-=", "qwertyuiop[]", "asdfghjkl;'`", "\\zxcvbnm,./")
_RU_ROWS = ("1234567890-=", "йцукенгшщзхъ", "фывапролджэё", "\\ячсмитьбю.")
_RU_SHIFT = dict(zip("1234567890-=/", '!"№;%:?*()_+,', strict=True))
RUSSIAN = {
    us: ru for u, r in zip(_US_ROWS, _RU_ROWS, strict=True) for us, ru in zip(u, r, strict=True)
}


def russian_text(us_char: str, shift: bool) -> str:
    """What a Russian (ЙЦУКЕН) layout types for the key that gives ``us_char`` on US."""
    base = us_char.lower() if us_char.isalpha() else us_char
    if not shift:
        return RUSSIAN.get(base, base)
    for plain, shifted in zip("1234567890-=;'/", '!@#$%^&*()_+:"?', strict=True):
        if us_char == shifted:
            return _RU_SHIFT.get(plain, RUSSIAN.get(plain, plain).upper())
    return RUSSIAN.get(base, base).upper()


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def rig(qtbot) -> Iterator[tuple[QLineEdit, WedgeKeyFilter, Recorder, Clock]]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert app is not None
    recorder = Recorder()
    clock = Clock()
    hook = WedgeKeyFilter(
        WedgeReader(WedgeConfig(), demo_rules(), recorder), scan_code_offset=XKB_OFFSET, clock=clock
    )
    hook.install(app)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    yield edit, hook, recorder, clock
    app.removeEventFilter(hook)


def type_text(edit: QLineEdit, clock: Clock, text: str, gap: float, enter: bool = True) -> None:
    """Send the key presses of ``text`` as a Russian layout would deliver them."""

    def press(code: int, shift: bool, typed: str, key: Qt.Key = Qt.Key.Key_unknown) -> None:
        mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
        event = QKeyEvent(QEvent.Type.KeyPress, key, mods, code + XKB_OFFSET, 0, 0, typed)
        QCoreApplication.sendEvent(edit, event)

    for ch in text:
        code, shift = code_of(ch)
        if shift:
            press(KEY_LEFTSHIFT, True, "", Qt.Key.Key_Shift)
            clock.now += gap / 4
        press(code, shift, russian_text(ch, shift))
        clock.now += gap
    if enter:
        press(KEY_ENTER, False, "\r", Qt.Key.Key_Return)


def test_russian_layout_is_what_we_simulate() -> None:
    assert russian_text(";", False) == "ж"
    assert russian_text("?", True) == ","
    assert russian_text("%", True) == "%"


def test_a_scanner_never_types_into_the_field(rig) -> None:  # type: ignore[no-untyped-def]
    edit, hook, recorder, clock = rig
    type_text(edit, clock, OURS, 0.006)
    [event] = recorder.of(CardPresented)
    assert event.number == OURS
    clock.now += 1
    hook.settle()
    assert edit.text() == ""


def test_a_magstripe_wedge_under_a_russian_layout(rig) -> None:  # type: ignore[no-untyped-def]
    edit, hook, recorder, clock = rig
    type_text(edit, clock, ";" + OURS + "=4912?", 0.004)
    [event] = recorder.of(CardPresented)
    assert event.number == OURS
    type_text(edit, clock, "%B4111111111111111^DOE/J^2512101?;4111111111111111=2512101?", 0.004)
    assert len(recorder.of(BankCardRefused)) == 1
    clock.now += 1
    hook.settle()
    assert edit.text() == ""


def test_a_person_typing_russian_gets_their_text(rig) -> None:  # type: ignore[no-untyped-def]
    edit, hook, recorder, clock = rig
    word_keys = "ghbdtn"  # п р и в е т on a Russian layout
    type_text(edit, clock, word_keys, 0.150, enter=False)
    clock.now += 1
    hook.settle()
    assert edit.text() == "привет"
    assert recorder.events == []
