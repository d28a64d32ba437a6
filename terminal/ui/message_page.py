"""The message page: a refusal, a problem or "done" in big letters; for an unknown card
the way to register a member with it; after a checkout, the receipt as printed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from terminal.services.identify import CardKey
from terminal.ui.screens import MessageScreen
from terminal.ui.widgets import Button

# The texts keep the context they had in the window ("MainWindow"), so that the
# catalogues (resources/i18n/*.ts) still match: translate() with a literal context.


class MessagePage(QWidget):
    """Shows a :class:`~terminal.ui.screens.MessageScreen`, in the current language.

    Signals:
    register_requested(): the cashier asked a supervisor to register a member with the
        unknown card on screen.
    """

    register_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._screen: MessageScreen | None = None
        self.message = QLabel(wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt = QLabel()  # the receipt as printed, drawn from the printer's bytes
        self.receipt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.register_member = Button(objectName="primary")  # for an unknown card
        self.register_member.clicked.connect(self.register_requested)
        self.register_member.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.register_member)
        layout.addWidget(self.receipt, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.register_member.setText(
            QCoreApplication.translate(
                "MainWindow", "Supervisor: register a member with this card (F9)"
            )
        )
        if self._screen is not None:
            self.message.setText(self._screen.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def unknown(self) -> CardKey | None:
        """The card the club does not know, if that is the message on the page."""
        return None if self._screen is None else self._screen.unknown

    def show_screen(self, screen: MessageScreen) -> None:
        self._screen = screen
        self.register_member.setVisible(screen.unknown is not None)
        self.receipt.clear()
        self.message.setObjectName(screen.kind.value)
        self.message.setStyleSheet("")  # re-apply the object-name rule
        self.message.setText(screen.text())

    def show_receipt(self, picture: QPixmap) -> None:
        self.receipt.setPixmap(picture)
