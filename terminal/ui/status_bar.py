"""The window's bottom line: the card readers, the printer, the office, the language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStatusBar, QWidget

from drivers.events import CardEvent, ReaderAppeared, ReaderDisappeared, ReaderFailed
from drivers.printer.transport import PrinterStatus, StatusReport
from sync.worker import SyncStatus
from terminal.services.roles import Role, StaffMember
from terminal.ui.bridge import EventBridge
from terminal.ui.i18n import LANGUAGE_NAMES, current_language, switch_language
from terminal.ui.office_status import OfficeStatus

# The texts keep the context they had in the window ("MainWindow"), so that the
# catalogues (resources/i18n/*.ts) still match: translate() with a literal context.


class StatusBar(QStatusBar):
    """How many card readers are connected, the printer's state and the receipts waiting
    for it, the office (terminal.ui.office_status), and the language switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._readers: set[str] = set()
        self._printer: StatusReport | None = None
        self._staff: StaffMember | None = None
        self.staff_status = QLabel()  # who is on duty
        self.readers_status = QLabel()
        self.office_status = OfficeStatus()
        self.printer_status = QLabel()
        self.language = QComboBox()
        self.language.setAccessibleName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        # One row that wraps rather than widens the window: on a 1024-pixel screen a
        # long office status takes a second line, it never pushes the window wider.
        self.setSizeGripEnabled(False)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, stretch in (
            (self.staff_status, 2),
            (self.readers_status, 1),
            (self.printer_status, 2),
        ):
            label.setWordWrap(True)
            layout.addWidget(label, stretch)
        self.office_status.label.setWordWrap(True)
        layout.addWidget(self.office_status, 5)
        layout.addWidget(self.language, 0)
        self.addWidget(row, 1)
        self.language.activated.connect(self._on_language_activated)
        self.retranslate()

    def listen(self, bridge: EventBridge) -> None:
        """Receive the readers', the printer's and the sync worker's news from ``bridge``."""
        bridge.card_event.connect(self._on_bridge_card_event)
        bridge.printer_status.connect(self._on_bridge_printer_status)
        bridge.sync_status.connect(self._on_bridge_sync_status)

    def show_staff(self, who: StaffMember | None) -> None:
        """The person on duty (None: nobody)."""
        self._staff = who
        self._show_staff()

    def _show_staff(self) -> None:
        who = self._staff
        roles = {
            Role.CASHIER: QCoreApplication.translate("MainWindow", "cashier"),
            Role.SUPERVISOR: QCoreApplication.translate("MainWindow", "supervisor"),
            Role.STORE_ADMIN: QCoreApplication.translate("MainWindow", "store admin"),
        }
        self.staff_status.setText("" if who is None else f"{who.name} · {roles[who.role]}")
        self.staff_status.setVisible(who is not None)

    def retranslate(self) -> None:
        self._show_staff()
        self._show_readers()
        self._show_printer()
        self.language.setCurrentIndex(self.language.findData(current_language()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_card_event(self, event: CardEvent) -> None:
        """Count the readers as they come and go (other events are not the bar's)."""
        if isinstance(event, ReaderAppeared):
            self._readers.add(event.source)
            self._show_readers()
        elif isinstance(event, ReaderDisappeared | ReaderFailed):
            self._readers.discard(event.source)
            self._show_readers()

    def show_printer(self, report: StatusReport) -> None:
        self._printer = report
        self._show_printer()

    def show_office(self, status: SyncStatus | None) -> None:
        """The office's status from the sync worker (None: not enrolled)."""
        self.office_status.show_status(status)

    def _show_readers(self) -> None:
        if self._readers:
            self.readers_status.setText(
                QCoreApplication.translate("MainWindow", "Readers: %1").replace(
                    "%1", str(len(self._readers))
                )
            )
        else:
            self.readers_status.setText(QCoreApplication.translate("MainWindow", "Readers: none"))

    def _show_printer(self) -> None:
        report = self._printer
        texts = {
            PrinterStatus.OK: QCoreApplication.translate("MainWindow", "Printer: ready"),
            PrinterStatus.OFFLINE: QCoreApplication.translate("MainWindow", "Printer: OFFLINE"),
            PrinterStatus.PAPER_OUT: QCoreApplication.translate(
                "MainWindow", "Printer: OUT OF PAPER"
            ),
            PrinterStatus.COVER_OPEN: QCoreApplication.translate(
                "MainWindow", "Printer: COVER OPEN"
            ),
            PrinterStatus.TIMEOUT: QCoreApplication.translate(
                "MainWindow", "Printer: not answering"
            ),
            PrinterStatus.ERROR: QCoreApplication.translate("MainWindow", "Printer: error"),
            PrinterStatus.DISABLED: QCoreApplication.translate(
                "MainWindow", "Printer: none configured"
            ),
        }
        if report is None:
            self.printer_status.setText(QCoreApplication.translate("MainWindow", "Printer: …"))
            return
        text = texts[report.status]
        if report.waiting:
            text += " · " + QCoreApplication.translate(
                "MainWindow", "%1 receipt(s) waiting"
            ).replace("%1", str(report.waiting))
        self.printer_status.setText(text)

    @Slot(int)
    def _on_language_activated(self, index: int) -> None:
        switch_language(str(self.language.itemData(index)))

    @Slot(object)
    def _on_bridge_card_event(self, event: CardEvent) -> None:
        self.show_card_event(event)

    @Slot(object)
    def _on_bridge_printer_status(self, report: StatusReport) -> None:
        self.show_printer(report)

    @Slot(object)
    def _on_bridge_sync_status(self, status: SyncStatus | None) -> None:
        self.show_office(status)
