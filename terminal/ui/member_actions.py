"""The supervisor's actions on the member on screen (or on a receipt): pick one, fill in
what it needs, Enter. The services check the role and record everything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, QTime, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from terminal.loyalty import Money
from terminal.services import gifts, member_ops, return_lookup
from terminal.services.identify import CardKey, card_key_from_text
from terminal.services.member_ops import Recorded
from terminal.services.points_input import BadPoints, parse_points
from terminal.services.return_lookup import PurchaseToReturn
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.services.unit import Unit
from terminal.ui.errors import SHOWN_ERRORS, error_text
from terminal.ui.formats import money_text, points_text
from terminal.ui.i18n import current_language
from terminal.ui.waiting import waiting_for_the_office
from terminal.ui.widgets import Button


@dataclass(frozen=True, slots=True)
class Action:
    code: str
    needs_card: bool
    value: bool  # the first field is used
    text: bool  # the second field is used
    choices: bool  # the gift list is used


ACTIONS = (
    Action("gift", needs_card=True, value=False, text=False, choices=True),
    Action("return", needs_card=False, value=True, text=True, choices=False),
    Action("adjust", needs_card=True, value=True, text=True, choices=False),
    Action("feedback", needs_card=True, value=False, text=True, choices=False),
    Action("block", needs_card=True, value=False, text=True, choices=False),
    Action("unblock", needs_card=True, value=False, text=True, choices=False),
    Action("activate", needs_card=True, value=False, text=False, choices=False),
    Action("replace", needs_card=True, value=True, text=False, choices=False),
)


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


class UserInputError(Exception):
    """What the supervisor typed cannot be used; the message says why."""


class MemberActions(QWidget):
    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._till = till
        self._who: StaffMember | None = None
        self._card: CardKey | None = None
        self._purchase: PurchaseToReturn | None = None  # found by its code, not returned yet
        self.action_list = QListWidget()
        self.value_label, self.value = QLabel(wordWrap=True), QLineEdit()
        self.text_label, self.text = QLabel(wordWrap=True), QLineEdit()
        self.choices = QListWidget(wordWrap=True)
        self.run = Button(objectName="primary")
        self.result = QLabel(wordWrap=True)
        self.refund = QLabel(objectName="total")  # after a return: the money to give back
        self.refund.hide()
        form = QVBoxLayout()
        for w in (self.value_label, self.value, self.text_label, self.text, self.choices):
            form.addWidget(w)
        form.addWidget(self.run)
        form.addWidget(self.refund)
        form.addWidget(self.result)
        form.addStretch(1)
        layout = QHBoxLayout(self)
        # long actions wrap (the list is narrow on an 800×600 screen), no scroll bar
        self.action_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.action_list.setMinimumWidth(260)
        self.action_list.setWordWrap(True)
        layout.addWidget(self.action_list, 1)
        layout.addLayout(form, 2)
        self.action_list.currentRowChanged.connect(self._on_actions_current_row_changed)
        self.value.returnPressed.connect(self._on_value_return_pressed)
        self.value.textEdited.connect(self._on_value_text_edited)
        self.text.returnPressed.connect(self._on_run)
        self.choices.itemActivated.connect(self._on_choices_item_activated)
        self.run.clicked.connect(self._on_run)
        self.retranslate()

    def _labels(self) -> dict[str, str]:
        return {
            "gift": self.tr("Give a gift"),
            "return": self.tr("Return (receipt code)"),
            "adjust": self.tr("Adjust points"),
            "feedback": self.tr("Record a complaint or suggestion"),
            "block": self.tr("Block the card"),
            "unblock": self.tr("Unblock the card"),
            "activate": self.tr("Activate the bearer card"),
            "replace": self.tr("Replace the card"),
        }

    def retranslate(self) -> None:
        row = max(0, self.action_list.currentRow())
        self.action_list.clear()
        for action in ACTIONS:
            self.action_list.addItem(self._labels()[action.code])
        self.action_list.setCurrentRow(row)
        self.run.setText(self.tr("Do it (Enter)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._on_actions_current_row_changed(self.action_list.currentRow())
        super().changeEvent(event)

    def start(self, who: StaffMember, card: CardKey | None) -> None:
        self._who, self._card = who, card
        self.result.clear()
        self.refund.hide()
        self._fill_gifts()
        for i, action in enumerate(ACTIONS):
            item = self.action_list.item(i)
            enabled = card is not None or not action.needs_card
            flags = item.flags()
            item.setFlags(
                flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
        self.action_list.setCurrentRow(0 if card is not None else 1)

    def _fill_gifts(self) -> None:
        self.choices.clear()
        try:
            catalogue = gifts.gift_catalogue(self._till.unit(self._who))
        except SHOWN_ERRORS as exc:
            self.result.setText(error_text(exc))
            return
        language = current_language()
        for gift in catalogue:
            cost, name = gift.points_cost, gift.name_in(language)
            item = QListWidgetItem(name if not cost else f"{name} · {points_text(cost)}")
            item.setData(Qt.ItemDataRole.UserRole, gift.code)
            self.choices.addItem(item)

    @property
    def action(self) -> Action:
        return ACTIONS[max(0, self.action_list.currentRow())]

    @Slot(int)
    def _on_actions_current_row_changed(self, _row: int) -> None:
        a = self.action
        prompts = {
            "return": (
                self.tr("Receipt code (scan the QR)"),
                self.tr("Amount returned (empty: all)"),
            ),
            "adjust": (self.tr("Points (+ or -)"), self.tr("Reason (required)")),
            "feedback": ("", self.tr("What the member said")),
            "block": ("", self.tr("Why")),
            "replace": (self.tr("New card: number or UID"), ""),
        }.get(a.code, ("", ""))
        self.value_label.setText(prompts[0])
        self.text_label.setText(prompts[1])
        for w, on in (
            (self.value_label, a.value),
            (self.value, a.value),
            (self.text_label, a.text),
            (self.text, a.text),
            (self.choices, a.choices),
        ):
            w.setVisible(on)
        self.value.clear()
        self.text.clear()
        self.refund.hide()
        self._purchase = None
        (self.value if a.value else self.choices if a.choices else self.text).setFocus()

    @Slot(QListWidgetItem)
    def _on_choices_item_activated(self, _item: QListWidgetItem) -> None:
        self._on_run()

    @Slot()
    def _on_value_return_pressed(self) -> None:
        """A scanned receipt code ends with Enter: find and show the purchase only."""
        if self.action.code == "return":
            self._find_purchase()
        else:
            self._on_run()

    @Slot(str)
    def _on_value_text_edited(self, _text: str) -> None:
        self._purchase = None  # another code: find it again before returning anything

    def _find_purchase(self) -> None:
        self._purchase = None
        self.refund.hide()
        if self._who is None:
            return
        try:
            with waiting_for_the_office():  # another till's sale: at most the lookup's deadline
                found = return_lookup.find_purchase(
                    self._till.unit(self._who), self._receipt_code()
                )
        except UserInputError as exc:
            self.result.setText(str(exc))
            return
        except SHOWN_ERRORS as exc:
            self.result.setText(error_text(exc))
            return
        self._purchase = found
        self.result.setText(
            self.tr(
                "Purchase %1 of %2: %3, returned so far %4. Type the amount returned "
                "(empty: all %5) and press Enter to return."
            )
            .replace("%1", str(found.seq))
            .replace("%2", purchase_time_text(found.created_at))
            .replace("%3", money_text(found.amount.amount))
            .replace("%4", money_text(found.returned.amount))
            .replace("%5", money_text(found.returnable.amount))
        )
        self.text.setFocus()

    @Slot()
    def _on_run(self) -> None:
        if self._who is None:
            return
        if self.action.code == "return" and self._purchase is None:
            self._find_purchase()  # shown first; the next Enter (or the button) returns
            return
        self.refund.hide()
        try:
            with waiting_for_the_office():  # a gift: at most the office's deadline
                recorded, refund = self._perform(self._till.unit(self._who))
        except UserInputError as exc:
            self.result.setText(str(exc))
            return
        except SHOWN_ERRORS as exc:  # rolled back: what was typed stays, to try again
            self.result.setText(error_text(exc))
            return
        self.result.setText(
            self.tr("Done: operation %1 recorded.").replace("%1", str(recorded.seq))
        )
        if refund is not None:
            self.refund.setText(self.tr("Give back %1").replace("%1", money_text(refund.amount)))
            self.refund.show()
        self.value.clear()
        self.text.clear()
        # Nothing chosen any more: a second Enter (a double press, a key repeat) cannot
        # give the same gift again; another gift is chosen anew.
        self.choices.setCurrentRow(-1)
        self.choices.clearSelection()

    def _perform(self, unit: Unit) -> tuple[Recorded, Money | None]:
        """Record the chosen action; with a return, the money to give back."""
        code, card = self.action.code, self._card
        if code == "return":
            recorded, quote = member_ops.return_purchase(
                unit, self._confirmed_purchase(), self._money_or_none(self.text.text())
            )
            return recorded, quote.refund_money
        handlers: dict[str, Callable[[], Recorded]] = {
            "gift": lambda: member_ops.give_gift(unit, self._need(card), self._gift()),
            "adjust": lambda: member_ops.adjust_points(
                unit, self._need(card), self._points(self.value.text()), self.text.text()
            ),
            "feedback": lambda: member_ops.record_feedback(
                unit, self._need(card), self.text.text()
            ),
            "block": lambda: member_ops.block_card(unit, self._need(card), self.text.text()),
            "unblock": lambda: member_ops.unblock_card(unit, self._need(card), self.text.text()),
            "activate": lambda: member_ops.activate_bearer_card(unit, self._need(card)),
            "replace": lambda: member_ops.replace_card(unit, self._need(card), self._new_card()),
        }
        return handlers[code](), None

    def _need(self, card: CardKey | None) -> CardKey:
        if card is None:
            raise UserInputError(self.tr("Present the member's card first."))
        return card

    def _gift(self) -> str:
        item = self.choices.currentItem()
        if item is None:
            raise UserInputError(self.tr("Choose a gift."))
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _receipt_code(self) -> str:
        code = self.value.text().strip()
        if not code:
            raise UserInputError(self.tr("Scan or type the receipt code."))
        return code

    def _confirmed_purchase(self) -> return_lookup.PurchaseToReturn:
        """The purchase shown to the supervisor (then forgotten: one Enter, one return)."""
        found, self._purchase = self._purchase, None
        if found is None:
            raise UserInputError(self.tr("Scan or type the receipt code."))
        return found

    def _money_or_none(self, text: str) -> Money | None:
        return Money.parse(text) if text.strip() else None

    def _points(self, text: str) -> Decimal:
        try:
            return parse_points(text, signed=True)
        except BadPoints:
            raise UserInputError(self.tr("Points: type a number, e.g. 100 or -50.")) from None

    def _new_card(self) -> CardKey:
        key = card_key_from_text(self.value.text())
        if key is None:
            raise UserInputError(self.tr("Type or scan the new card's number."))
        return key
