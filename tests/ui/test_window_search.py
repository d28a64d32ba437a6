"""The waiting page's manual search: a phone, a surname, or a card number typed in full
(terminal.ui.search_page, terminal.services.card_input)."""

from __future__ import annotations

from builders import a_card, a_member, member_of, new_member
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from terminal.store.database import Database
from terminal.ui.main_window import MainWindow


def test_manual_search_by_phone(qtbot: QtBot, window: MainWindow, demo_db: Database) -> None:
    member = a_member(demo_db, with_phone=True)
    phone, name = member.phone, member.full_name
    assert phone is not None
    qtbot.keyClicks(window.search, "+" + phone)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.results.count() >= 1
    window.results.itemActivated.emit(window.results.item(0))
    assert window.pages.currentIndex() == 1 and window.member.name.text() == name


def test_a_card_number_typed_in_full_shows_its_member(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    card = a_card(demo_db, with_member=True, with_number=True)
    number, name = card.number, member_of(demo_db, card).full_name
    assert number is not None
    qtbot.keyClicks(window.search, number)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 1 and window.member.name.text() == name


def test_a_typed_number_the_club_does_not_know_can_be_registered(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClicks(window.search, "2999999999999")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 2 and "not in the club" in window.message.text()
    assert window.register_member.isVisible()


def test_short_digits_are_searched_for_not_presented(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "29900000000")  # eleven digits of a card number
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 0 and window.results.count() == 0


def test_a_member_without_a_card_is_found_but_not_shown(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    phone = new_member(demo_db, phone="380501110001", card=False).phone
    assert phone is not None
    qtbot.keyClicks(window.search, "+" + phone)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.results.count() == 1
    window.results.itemActivated.emit(window.results.item(0))
    assert window.pages.currentIndex() == 2 and window.message.text() == "This member has no card."


def test_a_search_that_finds_nobody_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.search.setText("Щзщзщзщ")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    nobody = window._waiting.nobody
    assert window.results.count() == 0 and not nobody.isHidden()
    assert "Nobody found for «Щзщзщзщ»" in nobody.text()
    window.show_waiting()  # the next customer: the message is gone
    assert nobody.isHidden()


def test_the_results_have_the_room_of_the_page(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 800)
    qtbot.wait(10)
    assert window.results.height() > window.height() // 2
