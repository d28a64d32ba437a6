"""The page between customers: tap or swipe the club card, or find the member by phone,
card number or surname (Enter, then the member from the list)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from terminal.services.card_input import typed_card, typed_payment_card
from terminal.services.errors import UnknownCard
from terminal.services.identify import member_view, search
from terminal.services.till import Till
from terminal.ui.card_routing import bank_card_screen, card_screen
from terminal.ui.errors import SHOWN_ERRORS
from terminal.ui.screens import MemberScreen, MessageKind, MessageScreen, problem_screen
from terminal.ui.widgets import Button

# The texts keep the context they had in the window ("MainWindow"), so that the
# catalogues (resources/i18n/*.ts) still match: translate() with a literal context.


class SearchPage(QWidget):
    """The waiting page and its manual search.

    Signals:
    found(object): the Screen to show for what was typed or chosen (terminal.ui.screens).
    reprint_requested(), break_requested(), end_of_shift_requested(): the shift's buttons
        (F10, F11, F12 do the same from anywhere in the till).
    """

    found = Signal(object)
    reprint_requested = Signal()
    break_requested = Signal()
    end_of_shift_requested = Signal()

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._till = till
        self.prompt = QLabel(objectName="prompt", wordWrap=True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.search = QLineEdit()
        self.results = QListWidget(wordWrap=True)
        self.reprint = Button()
        self.take_break = Button()
        self.end_shift = Button()
        self.shift_buttons = QWidget()
        row = QHBoxLayout(self.shift_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.reprint, self.take_break, self.end_shift):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search keeps the keyboard
            row.addWidget(button)
        self.reprint.clicked.connect(self.reprint_requested)
        self.take_break.clicked.connect(self.break_requested)
        self.end_shift.clicked.connect(self.end_of_shift_requested)
        self.nobody = QLabel(objectName="problem", wordWrap=True)  # a search found no one
        self.nobody.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.search)
        layout.addWidget(self.nobody)
        layout.addWidget(self.results, 1)  # the results take the room, not the prompt
        layout.addWidget(self.shift_buttons)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(QCoreApplication.translate("MainWindow", "Tap or swipe the club card"))
        self.search.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "Phone, card number or surname")
        )
        self.reprint.setText(
            QCoreApplication.translate("MainWindow", "Reprint the last receipt (F10)")
        )
        self.take_break.setText(
            QCoreApplication.translate("MainWindow", "Break: lock the till (F11)")
        )
        self.end_shift.setText(QCoreApplication.translate("MainWindow", "End of shift (F12)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        """Forget the last search."""
        self.search.clear()
        self.results.clear()
        self.nobody.hide()

    @Slot()
    def _on_search_return_pressed(self) -> None:
        text = self.search.text()
        self.results.clear()
        self.nobody.hide()
        if typed_payment_card(text):
            self.search.clear()  # a payment card's number stays nowhere, not even here
            self.found.emit(bank_card_screen())
            return
        key = typed_card(text)
        if key is not None:
            self.found.emit(card_screen(self._till, key))
            return
        try:
            found = search(self._till.unit(), text)
        except SHOWN_ERRORS as exc:
            self.found.emit(problem_screen(exc))
            return
        for m in found:
            item = QListWidgetItem(f"{m.full_name} · {m.phone or ''}")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()
        elif text.strip():
            self.nobody.setText(
                QCoreApplication.translate(
                    "MainWindow",
                    "Nobody found for «%1». Check the phone number or the surname, or ask "
                    "for the card.",
                ).replace("%1", text.strip()[:40])
            )
            self.nobody.show()

    @Slot(QListWidgetItem)
    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        try:
            view = member_view(self._till.unit(), int(item.data(Qt.ItemDataRole.UserRole)))
        except UnknownCard:
            self.found.emit(
                MessageScreen(
                    lambda: QCoreApplication.translate("MainWindow", "This member has no card."),
                    MessageKind.PROBLEM,
                )
            )
            return
        except SHOWN_ERRORS as exc:
            self.found.emit(problem_screen(exc))
            return
        self.found.emit(MemberScreen(view))
