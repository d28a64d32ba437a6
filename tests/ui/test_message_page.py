"""The message page on its own: how each kind of message looks, the way to register a
member with an unknown card, and the text again in another language."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from terminal.services.identify import CardKey
from terminal.ui.message_page import MessagePage
from terminal.ui.screens import MessageKind, MessageScreen


def test_a_message_and_its_kind(qtbot: QtBot) -> None:
    page = MessagePage()
    qtbot.addWidget(page)
    page.show_screen(MessageScreen(lambda: "Read the card again", MessageKind.PROBLEM))
    assert page.message.text() == "Read the card again"
    assert page.message.objectName() == "problem" and page.unknown is None
    assert not page.register_member.isVisibleTo(page)


def test_an_unknown_card_can_be_registered_until_the_next_message(qtbot: QtBot) -> None:
    page = MessagePage()
    qtbot.addWidget(page)
    key = CardKey(uid="04C0FFEE112233")
    page.show_screen(MessageScreen(lambda: "not in the club", MessageKind.PROBLEM, key))
    assert page.unknown == key and page.register_member.isVisibleTo(page)
    with qtbot.waitSignal(page.register_requested):
        page.register_member.click()
    page.show_screen(MessageScreen(lambda: "a bank card"))
    assert page.unknown is None and not page.register_member.isVisibleTo(page)
    assert page.message.objectName() == "refusal"


def test_the_text_is_asked_again_when_the_language_changes(qtbot: QtBot) -> None:
    page = MessagePage()
    qtbot.addWidget(page)
    words = iter(["first", "again"])
    page.show_screen(MessageScreen(lambda: next(words), MessageKind.DONE))
    assert page.message.text() == "first"
    page.retranslate()  # what a LanguageChange event does
    assert page.message.text() == "again"
