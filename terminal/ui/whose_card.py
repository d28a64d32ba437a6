"""Whose card supervisor mode acts on: the member's name, the card's tail, the balance and
the last operations this till recorded on them; refreshed after every action."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QTime
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from terminal.loyalty import CardState
from terminal.services.identify import MemberView
from terminal.services.member_summary import CardSummary, LastOperation
from terminal.services.receipt_preview import card_tail
from terminal.ui.formats import money_text, points_text
from terminal.ui.i18n import current_language

# The purchase's date and time: the shop's habit in ru and uk, the locale's short format
# in English.
DATE_TIME_FORMATS = {"ru": "dd.MM.yyyy HH:mm", "uk": "dd.MM.yyyy HH:mm"}


def purchase_time_text(created_at: str) -> str:
    """An operation's ISO ``created_at`` (the till's wall time, as recorded) in the
    language's format: ``02.12.2026 10:15`` in ru and uk, ``12/2/26 10:15 AM`` in en."""
    try:
        at = datetime.fromisoformat(created_at)
    except ValueError:
        return created_at[:16].replace("T", " ")
    moment = QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
    fmt = DATE_TIME_FORMATS.get(current_language())
    if fmt is None:
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
    return QLocale().toString(moment, fmt)


def masked_tail(view: MemberView) -> str:
    """The card as supervisor mode names it: ``•••• 1234`` (a card without a printed
    number: the end of its UID's id in the cache)."""
    tail = card_tail(view.card_number)
    return f"•••• {tail}" if tail else f"#{view.card_id}"


def signed_points(value: Decimal) -> str:
    return ("+" if value > 0 else "") + points_text(value)


class WhoseCard(QWidget):
    """The panel: ``who`` (name, card, balance), ``last`` (the last operations)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: CardSummary | None = None
        self.who = QLabel(objectName="figure", wordWrap=True)
        self.last = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.who)
        layout.addWidget(self.last)
        self.retranslate()

    @property
    def summary(self) -> CardSummary | None:
        return self._summary

    def show_summary(self, summary: CardSummary | None) -> None:
        self._summary = summary
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        summary = self._summary
        if summary is None:
            self.who.setText(
                self.tr("No card: present the member's card (tap or swipe it) to act on it.")
            )
            self.last.hide()
            return
        view = summary.view
        name = view.member.full_name if view.member is not None else self.tr("bearer card")
        text = (
            self.tr("%1 · card %2 · balance %3 points")
            .replace("%1", name)
            .replace("%2", masked_tail(view))
            .replace("%3", points_text(view.balance))
        )
        if view.card_state is not CardState.ACTIVE:
            text += " · " + self._states().get(view.card_state, view.card_state.value)
        self.who.setText(text)
        lines = [self._line(op) for op in summary.last]
        self.last.setText(
            self.tr("Last operations: %1").replace("%1", "; ".join(lines))
            if lines
            else self.tr("No operations at this till yet.")
        )
        self.last.show()

    def _line(self, op: LastOperation) -> str:
        parts = [self.kind_names().get(op.kind, op.kind), purchase_time_text(op.created_at)]
        if op.amount is not None:
            parts.append(money_text(op.amount.amount))
        if op.points_delta:
            parts.append(self.tr("%1 points").replace("%1", signed_points(op.points_delta)))
        return " ".join(parts)

    def _states(self) -> dict[CardState, str]:
        return {
            CardState.BLOCKED: self.tr("BLOCKED"),
            CardState.NOT_ACTIVATED: self.tr("not activated"),
            CardState.LOST: self.tr("LOST"),
            CardState.EXPIRED: self.tr("EXPIRED"),
            CardState.REPLACED: self.tr("REPLACED"),
        }

    def kind_names(self) -> dict[str, str]:
        """Operation and receipt kinds in the till's language."""
        return {
            "purchase": self.tr("purchase"),
            "spend": self.tr("purchase with points"),
            "return": self.tr("return"),
            "gift": self.tr("gift"),
            "adjustment": self.tr("points adjustment"),
            "feedback": self.tr("feedback"),
            "card_block": self.tr("card blocked"),
            "card_unblock": self.tr("card unblocked"),
            "card_activate": self.tr("card activated"),
            "card_replace": self.tr("card replaced"),
            "member_register": self.tr("member registered"),
            "shift": self.tr("shift report"),
            "test": self.tr("test page"),
        }
