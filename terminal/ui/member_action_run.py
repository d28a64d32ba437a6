"""What supervisor mode's actions do with what was typed: the question asked first (the
figures, or a refusal before asking), then the service's call. No widgets: the form
(terminal.ui.member_actions) hands over what its fields hold."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from terminal.loyalty import Money
from terminal.services import gifts, member_ops, member_summary
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey, MemberView, card_key_from_text, club_card, identify
from terminal.services.member_ops import Recorded
from terminal.services.member_summary import CardSummary
from terminal.services.points_input import BadPoints, parse_points
from terminal.services.return_lookup import PurchaseToReturn
from terminal.services.unit import Unit
from terminal.ui.formats import money_text, points_text
from terminal.ui.i18n import current_language
from terminal.ui.member_questions import Question
from terminal.ui.whose_card import masked_tail, purchase_time_text


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
#: The actions that ask first, with the figures.
ASKED = frozenset({"block", "adjust", "replace", "return"})


class UserInputError(Exception):
    """What the supervisor typed cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class Typed:
    """What the form holds for the chosen action."""

    code: str
    card: CardKey | None
    value: str = ""
    text: str = ""
    gift: str | None = None
    purchase: PurchaseToReturn | None = None  # shown after its receipt code was read


@dataclass(frozen=True, slots=True)
class Done:
    recorded: Recorded
    refund: Money | None = None  # a return: the money to give back
    card: CardKey | None = None  # a replacement: the member's card now


NEEDS_CARD_COLOUR = QColor("#9e9e9e")  # an action that waits for a card looks disabled


def mark_card_actions(box: QListWidget, has_card: bool, text: QBrush, hint: str) -> None:
    """Without a card, the actions (``box``, in ACTIONS' order) that need one are greyed
    (``hint``: what to do) and cannot be chosen; with one, they look as ``text``."""
    for i, action in enumerate(ACTIONS):
        item = box.item(i)
        if item is None:
            continue
        enabled = has_card or not action.needs_card
        flags, on = item.flags(), Qt.ItemFlag.ItemIsEnabled
        item.setFlags(flags | on if enabled else flags & ~on)
        item.setForeground(text if enabled else NEEDS_CARD_COLOUR)
        item.setToolTip("" if enabled else hint)


def fill_gifts(box: QListWidget, unit: Unit) -> None:
    """The gift catalogue in ``box``, names in the till's language, costs in points."""
    box.clear()
    language = current_language()
    for gift in gifts.gift_catalogue(unit):
        cost, name = gift.points_cost, gift.name_in(language)
        item = QListWidgetItem(name if not cost else f"{name} · {points_text(cost)}")
        item.setData(Qt.ItemDataRole.UserRole, gift.code)
        box.addItem(item)


class ActionRunner(QObject):
    """The questions and the calls (its texts in the till's language)."""

    def labels(self) -> dict[str, str]:
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

    def prompts(self, code: str) -> tuple[str, str]:
        """The labels of the action's two fields."""
        return {
            "return": (
                self.tr("Receipt code (scan the QR)"),
                self.tr("Amount returned (empty: all)"),
            ),
            "adjust": (self.tr("Points (+ or -)"), self.tr("Reason (required)")),
            "feedback": ("", self.tr("What the member said")),
            "block": ("", self.tr("Why")),
            "unblock": ("", self.tr("Why")),
            "replace": (self.tr("New card: tap it, or type its number or UID"), ""),
        }.get(code, ("", ""))

    def found_text(self, found: PurchaseToReturn) -> str:
        return (
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

    def unknown_card(self) -> str:
        return self.tr(
            "This card is not in the club. To register a member with it, close "
            "supervisor mode (Esc) and tap it again."
        )

    def other_card(self, read: MemberView, shown: MemberView) -> str:
        return (
            self.tr(
                "Card %1 was read: supervisor mode still acts on %2 shown above. To act "
                "on the other card, close supervisor mode (Esc) and tap it."
            )
            .replace("%1", masked_tail(read))
            .replace("%2", masked_tail(shown))
        )

    def present_card(self) -> str:
        return self.tr("Present the member's card first: tap or swipe it on the reader.")

    def question(self, unit: Unit, typed: Typed, summary: CardSummary | None, ask: Question) -> str:
        """The question with its figures; what cannot be done is refused before asking
        (:class:`UserInputError`, or the services' errors)."""
        if typed.code == "return":
            found = self._purchase(typed)
            quote = member_summary.preview_return(unit, found, self._money_or_none(typed.text))
            return ask.ret(found, quote, unit.rules.confirm_above)
        if summary is None:
            raise UserInputError(self.present_card())
        view = summary.view
        if typed.code == "replace":
            # A payment card's number is refused before anything of it is shown.
            new = club_card(self._new_card(typed.value), unit.numbers)
            return ask.replace(view, f"•••• {(new.number or new.uid or '')[-4:]}")
        if not typed.text.strip():
            raise ServiceError("reason_missing")
        if typed.code == "block":
            return ask.block(view, typed.text)
        delta = self._points(typed.value)
        if delta == 0:
            raise UserInputError(self.tr("Points: type a number, e.g. 100 or -50."))
        room = member_summary.adjustment_room(unit)
        if abs(delta) > room.per_operation or abs(delta) > room.left_today:
            raise UserInputError(ask.room(room) + " " + self.tr("Type fewer points."))
        return ask.adjust(view, delta, room)

    def perform(self, unit: Unit, typed: Typed) -> Done:
        """Record the chosen action."""
        code = typed.code
        if code == "return":
            found = self._purchase(typed)
            recorded, quote = member_ops.return_purchase(
                unit, found, self._money_or_none(typed.text)
            )
            return Done(recorded, refund=quote.refund_money)
        card = self._need(typed.card)
        if code == "replace":
            new = self._new_card(typed.value)
            recorded = member_ops.replace_card(unit, card, new)
            return Done(recorded, card=CardKey(card_id=identify(unit, new).card_id))
        handlers: dict[str, Callable[[], Recorded]] = {
            "gift": lambda: member_ops.give_gift(unit, card, self._gift(typed)),
            "adjust": lambda: member_ops.adjust_points(
                unit, card, self._points(typed.value), typed.text
            ),
            "feedback": lambda: member_ops.record_feedback(unit, card, typed.text),
            "block": lambda: member_ops.block_card(unit, card, typed.text),
            "unblock": lambda: member_ops.unblock_card(unit, card, typed.text),
            "activate": lambda: member_ops.activate_bearer_card(unit, card),
        }
        return Done(handlers[code]())

    def receipt_code(self, text: str) -> str:
        code = text.strip()
        if not code:
            raise UserInputError(self.tr("Scan or type the receipt code."))
        return code

    def _purchase(self, typed: Typed) -> PurchaseToReturn:
        if typed.purchase is None:
            raise UserInputError(self.tr("Scan or type the receipt code."))
        return typed.purchase

    def _need(self, card: CardKey | None) -> CardKey:
        if card is None:
            raise UserInputError(self.present_card())
        return card

    def _gift(self, typed: Typed) -> str:
        if typed.gift is None:
            raise UserInputError(self.tr("Choose a gift."))
        return typed.gift

    def _money_or_none(self, text: str) -> Money | None:
        return Money.parse(text) if text.strip() else None

    def _points(self, text: str) -> Decimal:
        try:
            return parse_points(text, signed=True)
        except BadPoints:
            raise UserInputError(self.tr("Points: type a number, e.g. 100 or -50.")) from None

    def _new_card(self, text: str) -> CardKey:
        key = card_key_from_text(text)
        if key is None:
            raise UserInputError(self.tr("Type or scan the new card's number."))
        return key
