"""The Qt key hook of the keyboard wedge: the only module of drivers/ that imports Qt.
Import it lazily, from the UI only.

Installed on the QApplication, :class:`WedgeKeyFilter` holds back each key press while it
may belong to a device's burst (at most ``max_inter_key_ms``), feeds its native scan code
to the :class:`~drivers.wedge.WedgeReader`, then either replays the keys to where they
were going (a person typed them) or drops them (a device did; the card event is out).
Scan codes, not text, so the layout (Russian included) does not matter. A receipt's code
read by a scanner is typed where its keys were going, as its text (not the layout's).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent

from drivers.wedge import Decision, KeyPress, PersonKeys, TypedBurst, WedgeReader

log = logging.getLogger(__name__)


def default_scan_code_offset() -> int:
    """X11 and Wayland give XKB key codes (evdev + 8); Windows gives set-1 scan codes."""
    return 0 if QGuiApplication.platformName() == "windows" else 8


class WedgeKeyFilter(QObject):
    """An application-wide event filter feeding the wedge classifier."""

    def __init__(
        self,
        reader: WedgeReader,
        *,
        scan_code_offset: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._offset = default_scan_code_offset() if scan_code_offset is None else scan_code_offset
        self._clock = clock
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(5, reader.config.max_inter_key_ms))
        self._timer.timeout.connect(self._on_timer_timeout)

    def install(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(event, QKeyEvent) or event.isAutoRepeat():
            return False
        code = event.nativeScanCode() - self._offset
        if code <= 0:
            return False  # a synthetic key without a scan code: not ours to judge
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        copy = event.clone()
        assert isinstance(copy, QKeyEvent)
        self._held.append((watched, copy))
        try:
            decisions = self._reader.press(KeyPress(code, self._clock(), shift))
        except Exception:
            log.exception("wedge classifier failed; passing the keys on")
            decisions = [PersonKeys(len(self._held))]
            self._reader.classifier = type(self._reader.classifier)(self._reader.config)
        self._apply(decisions)
        if self._held:
            self._timer.start()
        return True

    def settle(self) -> None:
        """Release or drop whatever the classifier has decided on by now."""
        self._apply(self._reader.tick(self._clock()))
        if not self._held:
            self._timer.stop()

    def _on_timer_timeout(self) -> None:
        self.settle()

    def _apply(self, decisions: list[Decision]) -> None:
        for decision in decisions:
            batch = self._held[: decision.count]
            del self._held[: decision.count]
            if isinstance(decision, PersonKeys):
                self._replay(batch)
            elif isinstance(decision, TypedBurst) and batch:
                self._type(batch, decision)

    def _type(self, batch: list[tuple[QObject, QKeyEvent]], burst: TypedBurst) -> None:
        """The burst's text as one key event without a scan code, then its terminator."""
        target = batch[0][0]
        text = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, burst.text
        )
        self._replay([(target, text), *(batch[-1:] if burst.terminated else [])])

    def _replay(self, batch: list[tuple[QObject, QKeyEvent]]) -> None:
        self._replaying = True
        try:
            for target, event in batch:
                QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False
