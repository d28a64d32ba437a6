"""Registering a member with a card the club does not know, through the real widgets
(offscreen): the card read, F9, the supervisor's PIN, the form from the keyboard, the
consents, and the new member on screen ready for checkout."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from common.clock import FixedClock
from drivers.events import CardPresented, CardType, Technology
from terminal.services.till import Till
from terminal.store import queries, sync_state
from terminal.store.database import Database
from terminal.ui.bridge import EventBridge
from terminal.ui.main_window import MainWindow

NEW_UID = "04C0FFEE112233"


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, clock: FixedClock) -> Iterator[MainWindow]:
    with demo_db.write() as conn:  # registration needs a till enrolled with the office
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "0")
    w = MainWindow(Till(demo_db, clock), login=False)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w


def tap_unknown(qtbot: QtBot, window: MainWindow) -> None:
    bridge = EventBridge()
    window.connect_bridge(bridge)
    event = CardPresented(
        source="Virtual PCD 00 00",
        technology=Technology.CONTACTLESS,
        card_type=CardType.UID_ONLY,
        uid=NEW_UID,
    )
    t = threading.Thread(target=bridge.sink, args=(event,))
    t.start()
    t.join()
    qtbot.wait(20)


def members(db: Database) -> int:
    with db.read() as conn:
        return queries.count_members(conn)


def enter(qtbot: QtBot, window: MainWindow) -> None:
    focus = window.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Return)


def test_register_a_member_from_the_keyboard_then_check_out(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    db = demo_db
    before = members(db)
    tap_unknown(qtbot, window)
    assert window.pages.currentWidget() is window._message_page
    assert window.register_member.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    sup = window.supervisor
    assert window.pages.currentWidget() is sup and sup.pin.hasFocus()
    qtbot.keyClicks(sup.pin, "999999")
    qtbot.keyClick(sup.pin, Qt.Key.Key_Return)
    form = sup.registration
    assert sup.steps.currentWidget() is form and form.full_name.hasFocus()
    for widget in form.findChildren(QLineEdit) + form.findChildren(QCheckBox) + [form.register]:
        assert widget.height() >= 44, widget
    for field, typed in (
        (form.full_name, "Honcharenko Taras"),  # QTest types ASCII only
        (form.address_as, "Taras Mykolaiovych"),
        (form.phone, "+380 67 765 43 21"),
        (form.birthday, "09.03.1991"),
    ):
        assert field.hasFocus()
        qtbot.keyClicks(field, typed)
        enter(qtbot, window)
    assert form.consent_personal_data.hasFocus()
    enter(qtbot, window)  # no consent yet: refused, nothing recorded, the form stays
    assert form.error.isVisible() and "personal data" in form.error.text()
    assert members(db) == before and form.full_name.text() == "Honcharenko Taras"
    qtbot.keyClick(form.consent_personal_data, Qt.Key.Key_Space)
    assert form.consent_personal_data.isChecked() and not form.consent_marketing.isChecked()
    enter(qtbot, window)
    assert members(db) == before + 1
    # the new member, ready for checkout
    assert window.pages.currentWidget() is window._member_page and not sup.active
    view = window._view
    assert view is not None and view.member is not None
    assert window.member.name.text() == "Honcharenko Taras"
    assert window.checkout.amount.hasFocus()
    with db.read() as conn:
        row = conn.execute(
            text(
                "SELECT phone, birthday, consent_personal_data, consent_marketing "
                "FROM members WHERE id = :i"
            ),
            {"i": view.member.id},
        ).one()
    assert tuple(row) == ("380677654321", "1991-03-09", 1, 0)
    qtbot.keyClicks(window.checkout.amount, "1500")
    qtbot.keyClick(window.checkout.amount, Qt.Key.Key_Return)
    if window.checkout.points.isEnabled():
        qtbot.keyClick(window.checkout.points, Qt.Key.Key_Return)
    assert "Done" in window.message.text()
    with db.read() as conn:
        kinds = [
            r[0]
            for r in conn.execute(
                text("SELECT kind FROM operations WHERE member_id = :i ORDER BY seq"),
                {"i": view.member.id},
            )
        ]
    assert kinds == ["member_register", "purchase"]


def test_marketing_consent_is_its_own_box_and_the_button_registers(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    tap_unknown(qtbot, window)
    window.register_member.click()
    qtbot.keyClicks(window.supervisor.pin, "999999")
    qtbot.keyClick(window.supervisor.pin, Qt.Key.Key_Return)
    form = window.supervisor.registration
    form.full_name.insert("Смирнова Ольга")
    form.consent_personal_data.setChecked(True)
    form.consent_marketing.setChecked(True)
    qtbot.mouseClick(form.register, Qt.MouseButton.LeftButton)
    view = window._view
    assert view is not None and view.member is not None
    assert view.member.address_as == "Смирнова Ольга"  # empty: the full name
    with demo_db.read() as conn:
        marketing = conn.execute(
            text("SELECT consent_marketing FROM members WHERE id = :i"), {"i": view.member.id}
        ).scalar_one()
    assert marketing == 1


def test_esc_leaves_the_unknown_card_and_f9_then_opens_the_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    tap_unknown(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window._waiting
    # F9 from the waiting screen opens the ordinary supervisor menu, not the form
    window.show_supervisor()
    qtbot.keyClicks(window.supervisor.pin, "999999")
    qtbot.keyClick(window.supervisor.pin, Qt.Key.Key_Return)
    assert window.supervisor.steps.currentIndex() == 1
    window.supervisor.close_mode()


def test_the_form_survives_its_card_read_again_and_has_a_cancel(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    before = members(demo_db)
    tap_unknown(qtbot, window)
    window.show_supervisor()
    sup = window.supervisor
    qtbot.keyClicks(sup.pin, "999999")
    qtbot.keyClick(sup.pin, Qt.Key.Key_Return)
    form = sup.registration
    qtbot.keyClicks(form.full_name, "Honcharenko Taras")
    tap_unknown(qtbot, window)  # the customer taps the card again
    assert window.pages.currentWidget() is sup and sup.steps.currentWidget() is form
    assert form.full_name.text() == "Honcharenko Taras"  # nothing typed is lost
    form.cancel.click()
    assert not sup.active and window.pages.currentWidget() is not sup
    assert members(demo_db) == before  # nobody registered
