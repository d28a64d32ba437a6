"""Registering a new member with the card just read, in supervisor mode: a form to fill in
from the keyboard (Enter goes to the next field, Enter on a consent or the button
registers), two separate consents, no modal dialog. The service checks the role and the
consents and records everything."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from drivers.events import CardEvent
from terminal.services.identify import CardKey
from terminal.services.registration import parse_birthday, register_member
from terminal.services.staff import StaffMember
from terminal.services.till import Till
from terminal.ui.errors import SHOWN_ERRORS, error_text
from terminal.ui.style import MIN_TOUCH_PX
from terminal.ui.supervisor_cards import card_read, same_card
from terminal.ui.widgets import Button


class RegistrationPage(QWidget):
    """Signals:
    registered(object): a member was registered (terminal.services.registration.Registered).
    """

    registered = Signal(object)
    cancelled = Signal()

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._till = till
        self._who: StaffMember | None = None
        self._card: CardKey | None = None
        self.heading = QLabel(wordWrap=True)
        self.full_name, self.address_as = QLineEdit(), QLineEdit()
        self.phone, self.birthday = QLineEdit(), QLineEdit()
        self.consent_personal_data = QCheckBox()
        self.consent_marketing = QCheckBox()
        for box in (self.consent_personal_data, self.consent_marketing):
            box.setMinimumHeight(MIN_TOUCH_PX)
            box.setStyleSheet(
                f"QCheckBox::indicator {{ width: {MIN_TOUCH_PX - 8}px; "
                f"height: {MIN_TOUCH_PX - 8}px; }}"
            )
        self.register = Button(objectName="primary")
        self.cancel = Button()  # back to the till, nothing registered
        self.error = QLabel(objectName="problem", wordWrap=True)
        self.error.hide()
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.full_name, self.address_as, self.phone, self.birthday), strict=True
        ):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        # A consent's words wrap beside its box (a check box's own text never wraps, and
        # would widen the window past a 1024-pixel screen); a tap on them ticks the box.
        self.consent_texts: list[QLabel] = []
        for box in (self.consent_personal_data, self.consent_marketing):
            words = _TickingLabel(box)
            self.consent_texts.append(words)
            row = QHBoxLayout()
            row.addWidget(box, 0)
            row.addWidget(words, 1)
            layout.addLayout(row)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addWidget(self.register)
        layout.addLayout(row)
        layout.addStretch(1)
        self._order: list[QWidget] = [
            self.full_name,
            self.address_as,
            self.phone,
            self.birthday,
            self.consent_personal_data,
            self.consent_marketing,
            self.register,
        ]
        for first, second in zip(self._order, self._order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.register.clicked.connect(self._on_register_clicked)
        self.cancel.clicked.connect(self.cancelled)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Register a member with this card"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Full name"),
                self.tr("How to address them"),
                self.tr("Phone"),
                self.tr("Birthday (DD.MM.YYYY)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.address_as.setPlaceholderText(self.tr("e.g. Anna Petrovna (empty: the full name)"))
        self.phone.setPlaceholderText("+7 916 123-45-67")
        self.birthday.setPlaceholderText("21.03.1985")
        self.consent_texts[0].setText(
            self.tr("Consents to the processing of personal data (required)")
        )
        self.consent_texts[1].setText(self.tr("Consents to receiving offers and news (optional)"))
        for box, words in zip(
            (self.consent_personal_data, self.consent_marketing), self.consent_texts, strict=True
        ):
            box.setAccessibleName(words.text())
        self.register.setText(self.tr("Register (Enter)"))
        self.cancel.setText(self.tr("Cancel (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def card(self) -> CardKey | None:
        """The card the form registers a member with (None: no form under way)."""
        return self._card

    def start(self, who: StaffMember, card: CardKey) -> None:
        """A new, empty form for ``card`` (the card read that found no member)."""
        self._who, self._card = who, card
        for field in (self.full_name, self.address_as, self.phone, self.birthday):
            field.clear()
        self.consent_personal_data.setChecked(False)
        self.consent_marketing.setChecked(False)
        self.error.hide()
        self.full_name.setFocus()

    def card_tapped(self, event: CardEvent) -> None:
        """A card read while the form is open: the form and what was typed stay. The card
        being registered, again: nothing more; another card (or a payment card): said."""
        key, refusal = card_read(self._till, event)
        if self._card is None or (key is not None and same_card(key, self._card)):
            return
        if key is not None:
            refusal = self.tr(
                "Another card was read: this form registers the card read first. Register "
                "it, or cancel (Esc) and tap the other card."
            )
        if refusal is not None:
            self.error.setText(refusal)
            self.error.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter: the next field; on a consent or the button: register. (A line edit
        passes Enter on to here.)"""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        focus = self.focusWidget()
        if isinstance(focus, QLineEdit) and focus in self._order:
            self._order[self._order.index(focus) + 1].setFocus()
        else:
            self._on_register_clicked()

    @Slot()
    def _on_register_clicked(self) -> None:
        if self._who is None or self._card is None:
            return
        unit = self._till.unit(self._who)
        try:
            done = register_member(
                unit,
                self._card,
                self.full_name.text(),
                self.address_as.text(),
                self.phone.text(),
                parse_birthday(self.birthday.text(), unit.clock.today()),
                self.consent_personal_data.isChecked(),
                self.consent_marketing.isChecked(),
            )
        except SHOWN_ERRORS as exc:  # nothing recorded: what was typed stays, to correct
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self._who = self._card = None  # one form, one member: a second Enter does nothing
        self.registered.emit(done)


class _TickingLabel(QLabel):
    """A consent's words, wrapping; a tap on them ticks (or unticks) its box."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__(wordWrap=True)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()
        self._box.setFocus()
        event.accept()
