"""The office's part of the status bar: online or offline, operations not yet sent, the
last successful sync, and a progress bar while the cache is being downloaded.

It shows :class:`sync.worker.SyncStatus` values delivered in the GUI thread (the
bridge's ``sync_status`` signal); None means the till is not enrolled with an office.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from sync.worker import SyncState, SyncStatus

SKEW_WARN_S = 120.0  # a till clock this far from the office's is worth telling IT


def when_text(at: datetime) -> str:
    """A moment in the locale's short format: the time if today, else date and time."""
    local = at.astimezone()
    qtime = QTime(local.hour, local.minute, local.second)
    fmt = QLocale.FormatType.ShortFormat
    if local.date() == datetime.now().astimezone().date():
        return QLocale().toString(qtime, fmt)
    qdate = QDate(local.year, local.month, local.day)
    return QLocale().toString(QDateTime(qdate, qtime), fmt)


class OfficeStatus(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="office_status")
        self.label.setAccessibleName("office status")
        self.progress = QProgressBar(objectName="office_progress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        self._status: SyncStatus | None = None
        self._shown()

    def show_status(self, status: SyncStatus | None) -> None:
        self._status = status
        self._shown()

    def text(self) -> str:
        return str(self.label.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._shown()
        super().changeEvent(event)

    def _shown(self) -> None:
        st = self._status
        self.progress.setVisible(
            st is not None and st.state is SyncState.DOWNLOADING and st.progress is not None
        )
        if st is None:
            self.label.setText(self.tr("Office: not enrolled"))
            self.label.setProperty("alert", False)
            return
        heads = {
            SyncState.STARTING: self.tr("Office: connecting…"),
            SyncState.ONLINE: self.tr("Office: online"),
            SyncState.DOWNLOADING: self.tr("Office: downloading members"),
            SyncState.OFFLINE: self.tr("Office: OFFLINE"),
            SyncState.STOPPED: self.tr("Office: SYNC STOPPED, call store IT"),
        }
        parts = [heads[st.state]]
        if st.waiting:
            parts.append(self.tr("%1 to send").replace("%1", QLocale().toString(st.waiting)))
        if st.parked:
            parts.append(self.tr("%1 for review").replace("%1", QLocale().toString(st.parked)))
        if st.last_sync is not None and st.state is not SyncState.ONLINE:
            parts.append(self.tr("last sync %1").replace("%1", when_text(st.last_sync)))
        if st.clock_skew_s is not None and abs(st.clock_skew_s) > SKEW_WARN_S:
            parts.append(self.tr("clock is off"))
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(st.message or "")
        if st.progress is not None:
            done, total = st.progress
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))
        self.label.setProperty("alert", st.state in (SyncState.OFFLINE, SyncState.STOPPED))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
