"""Where a card read lands, checked on the screens card routing hands the window
(terminal.ui.card_routing, terminal.ui.screens), and its gate before a login."""

from __future__ import annotations

from builders import a_card
from pytestqt.qtbot import QtBot
from windowkit import READER, tap, tap_uid

from common.clock import FixedClock
from drivers.events import BankCardRefused, ReaderAppeared, ReadFailed, ReadProblem, Technology
from terminal.services.identify import CardKey
from terminal.services.registration import Registered
from terminal.services.staff import Role, add_staff
from terminal.services.till import Till
from terminal.store.database import Database
from terminal.ui.card_routing import CardRouter, card_screen, event_screen
from terminal.ui.screens import MemberScreen, MessageKind, MessageScreen
from terminal.ui.session import Session
from terminal.ui.supervisor_page import SupervisorPage


def test_a_known_card_shows_its_member(qapp: object, demo_db: Database, clock: FixedClock) -> None:
    card = a_card(demo_db).id
    screen = card_screen(Till(demo_db, clock), CardKey(card_id=card))
    assert isinstance(screen, MemberScreen) and screen.view.card_id == card


def test_an_unknown_card_read_may_be_registered(
    qapp: object, demo_db: Database, clock: FixedClock
) -> None:
    key = CardKey(uid="04C0FFEE112233")
    screen = card_screen(Till(demo_db, clock), key)
    assert isinstance(screen, MessageScreen) and screen.kind is MessageKind.PROBLEM
    assert screen.unknown == key and "not in the club" in screen.text()


def test_an_unknown_cache_id_is_nothing_to_register_with(
    qapp: object, demo_db: Database, clock: FixedClock
) -> None:
    screen = card_screen(Till(demo_db, clock), CardKey(card_id=10**9))
    assert isinstance(screen, MessageScreen) and screen.unknown is None


def test_what_each_reader_event_shows(qapp: object, demo_db: Database, clock: FixedClock) -> None:
    till = Till(demo_db, clock)
    bank = event_screen(till, BankCardRefused(READER, Technology.CONTACTLESS))
    assert isinstance(bank, MessageScreen) and bank.kind is MessageKind.REFUSAL
    assert "bank card" in bank.text()
    again = event_screen(till, ReadFailed(READER, Technology.MAGSTRIPE, ReadProblem.TORN_SWIPE))
    assert isinstance(again, MessageScreen) and again.kind is MessageKind.PROBLEM
    assert event_screen(till, ReaderAppeared(READER, Technology.CONTACTLESS)) is None
    member = event_screen(till, tap(a_card(demo_db).id))
    assert isinstance(member, MemberScreen)


def test_before_a_login_only_a_staff_card_counts(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    with demo_db.write() as conn:
        add_staff(conn, "Мирослава", Role.SUPERVISOR, "246810", card_uid="04C0FFEE000001")
    till = Till(demo_db, clock)
    supervisor = SupervisorPage(till)
    qtbot.addWidget(supervisor)
    session = Session(till, supervisor, required=True)
    router = CardRouter(till, session, supervisor)
    member = tap(a_card(demo_db).id)
    with qtbot.assertNotEmitted(router.routed):
        router.route(member)
    with qtbot.waitSignal(session.opened) as opened, qtbot.assertNotEmitted(router.routed):
        router.route(tap_uid("04C0FFEE000001"))
    assert opened.args is not None and opened.args[0].name == "Мирослава"
    assert session.on_duty and session.shift is not None
    with qtbot.waitSignal(router.routed) as routed:
        router.route(member)
    assert routed.args is not None and isinstance(routed.args[0], MemberScreen)


def test_a_registered_card_goes_to_its_member(
    qtbot: QtBot, demo_db: Database, clock: FixedClock
) -> None:
    till = Till(demo_db, clock)
    supervisor = SupervisorPage(till)
    qtbot.addWidget(supervisor)
    router = CardRouter(till, Session(till, supervisor, required=False), supervisor)
    card = a_card(demo_db).id
    with qtbot.waitSignal(router.routed) as routed:
        supervisor.member_registered.emit(Registered(1, card, "op", 1))
    assert routed.args is not None
    assert isinstance(routed.args[0], MemberScreen) and routed.args[0].view.card_id == card
    with qtbot.waitSignal(router.routed) as routed:
        supervisor.member_registered.emit(Registered(1, 10**9, "op", 2))
    assert routed.args is not None and routed.args[0].kind is MessageKind.PROBLEM
