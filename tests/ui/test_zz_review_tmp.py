from __future__ import annotations

from builders import a_card, cards
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSizePolicy
from pytestqt.qtbot import QtBot
from windowkit import printing_window, supervisor_mode

from common.clock import FixedClock
from terminal.services.identify import CardKey
from terminal.store.database import Database
from terminal.ui.i18n import switch_language
from terminal.ui.numpad import hide_number_pads
from terminal.ui.widgets import Pages


def _asking(qtbot, demo_db, clock, pads=True):
    w = printing_window(qtbot, demo_db, clock)
    if not pads:
        hide_number_pads(w)
    first, second = cards(demo_db, limit=2, with_member=True)
    w.present(CardKey(card_id=first.id))
    qtbot.keyClicks(w.checkout.amount, "100")
    assert w.checkout.quote is not None
    w.present(CardKey(card_id=second.id))
    assert w.checkout.asking
    return w


def test_a_lang_during_replace_question(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    w = _asking(qtbot, demo_db, clock)
    c = w.checkout
    assert c.lines.isHidden() and c.pad.isHidden()
    switch_language("uk")
    try:
        QApplication.processEvents()
        print("lines hidden:", c.lines.isHidden(), "pad hidden:", c.pad.isHidden(),
              "prompt hidden:", c.replace_prompt.isHidden())
        assert c.lines.isHidden(), "lines shown with the question after a language change"
    finally:
        switch_language("en")


def test_b_f2_during_replace_question(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    w = _asking(qtbot, demo_db, clock)
    c = w.checkout
    print("preview button enabled:", c.preview_button.isEnabled())
    qtbot.keyClick(c.replace_yes, Qt.Key.Key_F2)
    print("preview hidden:", c.preview.isHidden(), "asking", c.asking)
    qtbot.keyClick(c.replace_yes, Qt.Key.Key_F2)
    print("after F2 again: lines hidden:", c.lines.isHidden(), "asking", c.asking)
    assert c.preview.isHidden() and c.lines.isHidden()


def test_c_typing_during_replace_question(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    w = _asking(qtbot, demo_db, clock)
    c = w.checkout
    c.amount.setFocus()
    qtbot.keyClicks(c.amount, "5")
    print("lines hidden:", c.lines.isHidden(), "asking", c.asking)
    assert c.lines.isHidden()


def test_d_no_pad_till(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    w = _asking(qtbot, demo_db, clock, pads=False)
    c = w.checkout
    w._on_escape_activated()
    assert not c.asking and c.pad.isHidden() and not c.lines.isHidden()
    w.present(CardKey(card_id=cards(demo_db, limit=2, with_member=True)[1].id))
    qtbot.keyClick(c.replace_yes, Qt.Key.Key_Return)
    assert not c.asking and c.pad.isHidden()
    assert w.supervisor.pin.isHidden() is False or True


def _pages_ok(w):
    bad = []
    for p in w.findChildren(Pages):
        cur = p.currentWidget()
        for i in range(p.count()):
            pg = p.widget(i)
            pol = pg.sizePolicy().horizontalPolicy()
            if (pg is cur) != (pol != QSizePolicy.Policy.Ignored):
                bad.append((p, i, pol))
    return bad


def test_e_pages_and_sup_question_lang(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> None:
    w = printing_window(qtbot, demo_db, clock)
    key = CardKey(card_id=a_card(demo_db, with_member=True, with_number=True).id)
    supervisor_mode(qtbot, w, key)
    assert not _pages_ok(w)
    a = w.supervisor.member_actions
    a.action_list.setCurrentRow(4)  # block
    a.text.setText("lost")
    a.run.click()
    assert a.asking
    switch_language("uk")
    try:
        QApplication.processEvents()
        print("text hidden", a.text.isHidden(), "value hidden", a.value.isHidden())
        assert a.text.isHidden() and a.value.isHidden()
    finally:
        switch_language("en")
        QApplication.processEvents()
    a.question.cancel.click()
    print("after cancel: text", a.text.isHidden(), "value", a.value.isHidden(), "focus", QApplication.focusWidget())
    assert not a.text.isHidden() and a.value.isHidden()
    w.fit_to(800, 600)
    print([b.text() for b in [a.run, a.question.confirm, w.supervisor.close_shift]])
    assert not _pages_ok(w)
