"""Card reads to the page they call for: the member, or a message saying why not.

The readers' events come from their threads through the bridge (terminal.ui.bridge), in
the GUI thread. Before anyone is on duty a staff card logs its owner in and any other
card is ignored; the readers' own comings and goings are the status bar's. A log-in page
waiting for a supervisor's staff card (the second factor: the start of a shift, supervisor
mode, a supervisor confirming a large purchase) takes the tap first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal, Slot

from drivers.events import BankCardRefused, CardEvent, CardPresented, ReadFailed, ReadProblem
from terminal.services.card_input import may_register
from terminal.services.errors import ServiceError, UnknownCard
from terminal.services.identify import CardKey, club_card, identify
from terminal.services.messages import BANK_CARD, NOT_CLUB_CARD, READ_AGAIN, UNKNOWN_CARD
from terminal.services.registration import Registered
from terminal.services.till import Till
from terminal.ui.bridge import EventBridge
from terminal.ui.errors import SHOWN_ERRORS
from terminal.ui.i18n import translate_message
from terminal.ui.login_page import LoginPage
from terminal.ui.screens import MemberScreen, MessageKind, MessageScreen, Screen, problem_screen
from terminal.ui.session import Session
from terminal.ui.supervisor_page import SupervisorPage


def bank_card_screen() -> MessageScreen:
    """A payment card: refused, with nothing of it kept (and nothing to register)."""
    return MessageScreen(lambda: translate_message(BANK_CARD))


def not_club_card_screen() -> MessageScreen:
    """A number that matches none of the club's patterns: not a card to register."""
    return MessageScreen(lambda: translate_message(NOT_CLUB_CARD), MessageKind.PROBLEM)


def card_screen(till: Till, key: CardKey) -> Screen:
    """What a card (read, or typed in full) shows: its member, or why not. A payment
    card's number is refused before the look-up; one that is not the club's too."""
    try:
        key = club_card(key, till.numbers)
    except ServiceError as exc:
        return bank_card_screen() if exc.code == "bank_card_refused" else not_club_card_screen()
    try:
        view = identify(till.unit(), key)
    except UnknownCard:
        return MessageScreen(
            lambda: translate_message(UNKNOWN_CARD),
            MessageKind.PROBLEM,
            unknown=key if may_register(key) else None,
        )
    except SHOWN_ERRORS as exc:
        return problem_screen(exc)
    return MemberScreen(view)


def event_screen(till: Till, event: CardEvent) -> Screen | None:
    """What a reader's event shows (None: nothing, it is about the reader itself)."""
    if isinstance(event, CardPresented):
        return card_screen(till, CardKey(uid=event.uid, number=event.number))
    if isinstance(event, BankCardRefused):
        return bank_card_screen()
    if isinstance(event, ReadFailed) and event.problem is ReadProblem.NOT_OURS:
        return not_club_card_screen()
    if isinstance(event, ReadFailed):
        return MessageScreen(lambda: translate_message(READ_AGAIN), MessageKind.PROBLEM)
    return None


class CardRouter(QObject):
    """Routes the readers' card events, and the card a supervisor has just registered.

    Signals:
    routed(object): the Screen a card calls for (terminal.ui.screens).
    """

    routed = Signal(object)

    def __init__(
        self,
        till: Till,
        session: Session,
        supervisor: SupervisorPage,
        parent: QObject | None = None,
        *,
        logins: Sequence[LoginPage] = (),
    ) -> None:
        """``logins``: other log-in pages that may wait for a staff card (a supervisor's
        confirmation of a large purchase), besides the session's and supervisor mode's."""
        super().__init__(parent)
        self._till = till
        self._session = session
        self._supervisor = supervisor
        self._logins = (session.login, supervisor.auth, *logins)
        supervisor.member_registered.connect(self._on_supervisor_member_registered)

    def listen(self, bridge: EventBridge) -> None:
        """Receive the readers' events from ``bridge`` (delivered in the GUI thread)."""
        bridge.card_event.connect(self._on_bridge_card_event)

    def route(self, event: CardEvent) -> None:
        """Emit ``routed`` with the screen ``event`` calls for, if any. A login page
        waiting for a supervisor's card (the second factor) takes the tap first, if it is
        on screen (one left behind, by F9 or a message, does not); then supervisor mode,
        at the member's actions (a new card for a replacement) or on the registration
        form (which stays)."""
        for login in self._logins:
            if login.awaiting_card and login.isVisible():
                if isinstance(event, CardPresented) and event.uid:
                    login.card_tapped(event.uid)
                return
        if self._supervisor.takes_card(event):
            return
        if not self._session.on_duty:
            # No member on screen before someone has logged in; a staff card logs in.
            if isinstance(event, CardPresented) and event.uid:
                self._session.log_in_by_card(event.uid)
            return
        screen = event_screen(self._till, event)
        if screen is not None:
            self.routed.emit(screen)

    @Slot(object)
    def _on_bridge_card_event(self, event: CardEvent) -> None:
        self.route(event)

    @Slot(object)
    def _on_supervisor_member_registered(self, done: Registered) -> None:
        """The new member, ready for checkout (supervisor mode ends)."""
        try:
            view = identify(self._till.unit(), done.card)
        except SHOWN_ERRORS as exc:
            self.routed.emit(problem_screen(exc))
            return
        self.routed.emit(MemberScreen(view))
