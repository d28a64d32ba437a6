"""The supervisor's actions on the member on screen (or on a receipt): pick one, fill in
what it needs, Enter. Whose card it acts on stays on top (terminal.ui.whose_card); a
block, an adjustment, a replacement and a return ask first with the figures
(terminal.ui.member_questions): Enter again (or Confirm) records it, Esc (or Cancel) goes
back with what was typed. The services check the role and record everything."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from drivers.events import CardEvent
from terminal.services import member_summary, return_lookup
from terminal.services.errors import UnknownCard
from terminal.services.identify import CardKey, identify
from terminal.services.return_lookup import PurchaseToReturn
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.ui.errors import SHOWN_ERRORS, error_text
from terminal.ui.formats import money_text
from terminal.ui.member_action_run import (
    ACTIONS,
    ASKED,
    Action,
    ActionRunner,
    Typed,
    UserInputError,
    fill_gifts,
    mark_card_actions,
)
from terminal.ui.member_questions import Question
from terminal.ui.supervisor_cards import card_read
from terminal.ui.waiting import waiting_for_the_office
from terminal.ui.whose_card import WhoseCard
from terminal.ui.widgets import Button, set_tone


class MemberActions(QWidget):
    """Signals:
    performed(): an action was recorded (the receipts' and the office's lists change).
    """

    performed = Signal()

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._till = till
        self._who: StaffMember | None = None
        self._card: CardKey | None = None
        self._purchase: PurchaseToReturn | None = None  # found by its code, not returned yet
        self._runner = ActionRunner(self)
        self.whose = WhoseCard()
        self.action_list = QListWidget()
        self.value_label, self.value = QLabel(wordWrap=True), QLineEdit()
        self.text_label, self.text = QLabel(wordWrap=True), QLineEdit()
        self.choices = QListWidget(wordWrap=True)
        self.run = Button(objectName="primary")
        self.question = Question()  # hidden; the question before a block, a return, ...
        self.result = QLabel(wordWrap=True)
        self.refund = QLabel(objectName="total", wordWrap=True)  # after a return
        self.refund.hide()
        form = QVBoxLayout()
        for w in (self.value_label, self.value, self.text_label, self.text, self.choices):
            form.addWidget(w)
        form.addWidget(self.run)
        form.addWidget(self.question)
        form.addWidget(self.refund)
        form.addWidget(self.result)
        form.addStretch(1)
        row = QHBoxLayout()
        # long actions wrap (the list is narrow on an 800×600 screen), no scroll bar
        self.action_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.action_list.setMinimumWidth(260)
        self.action_list.setWordWrap(True)
        row.addWidget(self.action_list, 1)
        row.addLayout(form, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.whose)
        layout.addLayout(row, 1)
        self.action_list.currentRowChanged.connect(self._on_actions_current_row_changed)
        self.action_list.viewport().installEventFilter(self)  # a tap on a greyed action
        self.value.textEdited.connect(self._on_value_text_edited)
        self.run.clicked.connect(self._on_run)
        self.question.confirmed.connect(self._on_question_confirmed)
        self.question.cancelled.connect(self._on_question_cancelled)
        self.retranslate()

    def retranslate(self) -> None:
        row = max(0, self.action_list.currentRow())
        self.action_list.blockSignals(True)  # the same action: what was typed stays
        self.action_list.clear()
        for action in ACTIONS:
            self.action_list.addItem(self._runner.labels()[action.code])
        self._mark_card_actions()
        self.action_list.setCurrentRow(row)
        self.action_list.blockSignals(False)
        self.run.setText(self.tr("Do it (Enter)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if not self.asking:  # the question keeps the fields hidden
                self._show_fields()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A tap on an action that waits for a card (not chosen): say what to do."""
        if isinstance(event, QMouseEvent) and self._card is None:
            item = self.action_list.itemAt(event.position().toPoint())
            if item is not None and not item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self._problem(self._runner.present_card())
        return super().eventFilter(watched, event)

    def stop(self) -> None:
        """Supervisor mode closed: no question, no supervisor, no card, nothing typed."""
        self._end_question()
        self._who = None
        self._set_card(None)
        self._purchase = None
        self.value.clear()
        self.text.clear()
        self._say("")
        self.refund.hide()

    def start(self, who: StaffMember, card: CardKey | None) -> None:
        self._who = who
        self._fill_gifts()
        self._set_card(card)
        self.action_list.setCurrentRow(0 if card is not None else 1)
        self._on_actions_current_row_changed(self.action_list.currentRow())

    def _set_card(self, card: CardKey | None) -> None:
        self._card = card
        self._mark_card_actions()
        self._refresh_panel()

    def _mark_card_actions(self) -> None:
        """Without a card, the actions that need one are greyed and cannot be chosen."""
        hint = self._runner.present_card()
        mark_card_actions(self.action_list, self._card is not None, self.palette().text(), hint)

    def _refresh_panel(self) -> None:
        if self._card is None or self._who is None:
            self.whose.show_summary(None)
            return
        try:
            self.whose.show_summary(member_summary.card_summary(self._till.unit(), self._card))
        except SHOWN_ERRORS as exc:
            self.whose.show_summary(None)
            self._problem(error_text(exc))

    def _fill_gifts(self) -> None:
        try:
            fill_gifts(self.choices, self._till.unit(self._who))
        except SHOWN_ERRORS as exc:
            self._problem(error_text(exc))

    @property
    def action(self) -> Action:
        return ACTIONS[max(0, self.action_list.currentRow())]

    @property
    def asking(self) -> bool:
        """A question is on screen: Enter confirms it, Esc goes back."""
        return self.question.isVisibleTo(self)

    # --- messages ------------------------------------------------------------------------
    def _say(self, text: str, tone: str = "") -> None:
        self.result.setText(text)
        set_tone(self.result, tone)

    def _problem(self, text: str) -> None:
        """A refusal, in red: what happened and what to do."""
        self._say(text, "problem")

    @Slot(int)
    def _on_actions_current_row_changed(self, _row: int) -> None:
        """Another action: an empty form, no message of the last one, no question."""
        self._end_question()
        self._say("")
        self.refund.hide()
        self._purchase = None
        self.value.clear()
        self.text.clear()
        self._show_fields()

    def _show_fields(self) -> None:
        a = self.action
        prompts = self._runner.prompts(a.code)
        self.value_label.setText(prompts[0])
        self.text_label.setText(prompts[1])
        usable = self._card is not None or not a.needs_card
        for w, on in (
            (self.value_label, a.value),
            (self.value, a.value),
            (self.text_label, a.text),
            (self.text, a.text),
            (self.choices, a.choices),
        ):
            w.setVisible(on and usable)
        self.run.setEnabled(usable)
        if not usable:
            self._problem(self._runner.present_card())
        focus = self.value if a.value else self.choices if a.choices else self.text
        if self.isVisible():  # a language switched from behind: the focus stays where it is
            (focus if usable and focus.isVisibleTo(self) else self.action_list).setFocus()

    # --- Enter ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter, wherever it is pressed in the form (a field, the list, a button): the
        scanned receipt code is looked up, the question confirmed, or the action done."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        event.accept()
        if self.asking:  # the button with the focus: Cancel's Enter does not confirm
            cancel = self.focusWidget() is self.question.cancel
            (self._on_question_cancelled if cancel else self._on_question_confirmed)()
        elif self.focusWidget() is self.value and self.action.code == "return":
            self._find_purchase()  # a scanned code ends with Enter: show it only
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
                    self._till.unit(self._who), self._runner.receipt_code(self.value.text())
                )
        except UserInputError as exc:
            return self._problem(str(exc))
        except SHOWN_ERRORS as exc:
            return self._problem(error_text(exc))
        self._purchase = found
        self._say(self._runner.found_text(found))
        self.text.setFocus()

    # --- the action, its question --------------------------------------------------------
    @Slot()
    def _on_run(self) -> None:
        if self._who is None or self.asking:  # a question is answered by its buttons
            return
        if self.action.needs_card and self._card is None:
            return self._problem(self._runner.present_card())
        if self.action.code == "return" and self._purchase is None:
            self._find_purchase()  # shown first; the next Enter (or the button) returns
            return
        self.refund.hide()
        if self.action.code not in ASKED:
            return self._perform_now()
        try:
            text = self._runner.question(
                self._till.unit(self._who), self._typed(), self.whose.summary, self.question
            )
        except UserInputError as exc:
            return self._problem(str(exc))
        except SHOWN_ERRORS as exc:
            if getattr(exc, "code", "") == "bank_card_refused":
                self.value.clear()  # a payment card's number is not kept, not even here
            return self._problem(error_text(exc))
        self._ask(text)

    def _typed(self) -> Typed:
        gift = self.choices.currentItem()
        return Typed(
            code=self.action.code,
            card=self._card,
            value=self.value.text(),
            text=self.text.text(),
            gift=None if gift is None else str(gift.data(Qt.ItemDataRole.UserRole)),
            purchase=self._purchase,
        )

    def _ask(self, text: str) -> None:
        form = (self.value_label, self.value, self.text_label, self.text, self.choices)
        self.question.ask(text, over=form)
        self.run.hide()
        self._say("")
        self.action_list.setEnabled(False)
        self.question.confirm.setFocus()

    def _end_question(self) -> None:
        if not self.question.isVisibleTo(self):
            return
        self.question.end()
        self.run.show()
        self.action_list.setEnabled(True)

    def cancel_question(self) -> bool:
        """Esc: back to the form as it was typed (False: nothing was asked)."""
        if not self.asking:
            return False
        self._on_question_cancelled()
        return True

    @Slot()
    def _on_question_cancelled(self) -> None:
        self._end_question()
        self._show_fields_focus()

    def _show_fields_focus(self) -> None:
        a = self.action
        if self.isVisible():
            (self.value if a.value else self.text if a.text else self.action_list).setFocus()

    @Slot()
    def _on_question_confirmed(self) -> None:
        self._end_question()
        self._perform_now()

    def _perform_now(self) -> None:
        assert self._who is not None
        typed = self._typed()
        if typed.code == "return":
            self._purchase = None  # one Enter, one return: the code is read again for more
        try:
            with waiting_for_the_office():  # a gift: at most the office's deadline
                done = self._runner.perform(self._till.unit(self._who), typed)
        except UserInputError as exc:
            self._problem(str(exc))
            return self._show_fields_focus()
        except SHOWN_ERRORS as exc:  # rolled back: what was typed stays, to try again
            self._problem(error_text(exc))
            return self._show_fields_focus()
        self._say(
            self.tr("Done: operation %1 recorded.").replace("%1", str(done.recorded.seq)),
            "done",
        )
        if done.refund is not None:  # large, until the next action
            text = self.tr("Give back %1").replace("%1", money_text(done.refund.amount))
            self.refund.setText(text)
            self.refund.show()
        if done.card is not None:
            self._card = done.card
        self.value.clear()
        self.text.clear()
        # Nothing chosen any more: a second Enter (a double press, a key repeat) cannot
        # give the same gift again; another gift is chosen anew.
        self.choices.setCurrentRow(-1)
        self.choices.clearSelection()
        self._refresh_panel()
        self._show_fields_focus()
        self.performed.emit()

    # --- a card read in supervisor mode --------------------------------------------------
    def card_tapped(self, event: CardEvent) -> None:
        """A reader's card: with "replace" chosen, the new card (then the question); with
        no card yet, the card to act on; the card shown again, nothing; another card: a
        word that the actions stay with the card shown. A payment card: only refused."""
        key, refusal = card_read(self._till, event)
        if key is None:
            if refusal is not None:
                self._problem(refusal)
            return
        if self.asking or self._who is None:
            return
        try:
            view = identify(self._till.unit(), key)
        except UnknownCard:
            view = None
        except SHOWN_ERRORS as exc:
            return self._problem(error_text(exc))
        current = self.whose.summary
        if self.action.code == "replace" and current is not None:
            if view is not None and view.card_id == current.view.card_id:
                return  # the card being replaced, read again
            number = view.card_number if view is not None else None
            self.value.setText(number or key.number or key.uid or "")
            self._on_run()  # the question, with the new card
            return
        if view is None:
            return self._problem(self._runner.unknown_card())
        if current is None:  # the card to act on; what was typed (a return) stays
            self._set_card(CardKey(card_id=view.card_id))
            self._show_fields()
            return
        if view.card_id != current.view.card_id:
            self._problem(self._runner.other_card(view, current.view))
