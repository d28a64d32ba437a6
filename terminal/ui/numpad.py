"""An on-screen number pad for touch screens (issue 14): digits, the locale's decimal
separator where a field takes money, backspace (⌫), clear (C) and Enter.

A key is typed into the field as the keyboard types it: the pad sends the field the key
event a keyboard would, so the field's validator, ``maxLength``, ``textEdited`` and
``returnPressed`` (Enter) run exactly as they do for the keys of a keyboard. The keys
never take the focus (``Qt.FocusPolicy.NoFocus``): the field keeps it, and the cursor
with it. The pad serves a few fields of one page: a key goes to the one that has the
focus, else to the one that had it last, else to the first that takes input.

A till with a keyboard only hides the pads (``[terminal] number_pad = false`` in the
configuration: :func:`hide_number_pads`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from terminal.ui.style import MIN_TOUCH_PX
from terminal.ui.widgets import Button

BACKSPACE = "⌫"
CLEAR = "C"


class PadKey(Button):
    """A key of the pad: finger-sized (the stylesheet's ``[pad="true"]``), never focused."""

    def __init__(self, text: str = "", objectName: str = "") -> None:
        super().__init__(text, objectName=objectName)
        self.setProperty("pad", True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(MIN_TOUCH_PX, MIN_TOUCH_PX)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)


class NumberPad(QWidget):
    """Keys 0–9, the decimal separator (``decimal``: only for the fields :meth:`serve`
    marks as money), ⌫, C and Enter, for the fields it serves."""

    def __init__(self, parent: QWidget | None = None, *, decimal: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("numpad")
        self._fields: list[QLineEdit] = []
        self._money: set[int] = set()  # id() of the fields that take a decimal separator
        self._last: QLineEdit | None = None
        self._aside = False  # hidden for a question, shown again after it
        self.digits = [PadKey(str(n)) for n in range(10)]
        self.backspace = PadKey(BACKSPACE)
        self.clear = PadKey(CLEAR)
        self.enter = PadKey(objectName="primary")
        self.decimal = PadKey() if decimal else None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for n in range(1, 10):  # 7 8 9 on top, as on a keyboard's pad
            grid.addWidget(self.digits[n], 2 - (n - 1) // 3, (n - 1) % 3)
        grid.addWidget(self.backspace, 0, 3)
        grid.addWidget(self.clear, 1, 3)
        grid.addWidget(self.enter, 2, 3, 2, 1)
        if self.decimal is None:
            grid.addWidget(self.digits[0], 3, 0, 1, 3)
        else:
            grid.addWidget(self.digits[0], 3, 0, 1, 2)
            grid.addWidget(self.decimal, 3, 2)
        for key in self.digits:
            key.clicked.connect(self._on_digit_clicked)
        if self.decimal is not None:
            self.decimal.clicked.connect(self._on_decimal_clicked)
        self.backspace.clicked.connect(self._on_backspace_clicked)
        self.clear.clicked.connect(self._on_clear_clicked)
        self.enter.clicked.connect(self._on_enter_clicked)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.retranslate()
        self._refresh()

    def keys(self) -> list[PadKey]:
        """Every key of the pad."""
        extra = [] if self.decimal is None else [self.decimal]
        return [*self.digits, *extra, self.backspace, self.clear, self.enter]

    def serve(self, field: QLineEdit, *, money: bool = False) -> None:
        """Type into ``field`` too; ``money``: the decimal separator is for it."""
        self._fields.append(field)
        if money:
            self._money.add(id(field))
        field.installEventFilter(self)
        self._refresh()

    def retranslate(self) -> None:
        self.enter.setText(self.tr("Enter"))
        self.backspace.setToolTip(self.tr("Delete the last character"))
        self.backspace.setAccessibleName(self.backspace.toolTip())
        self.clear.setToolTip(self.tr("Clear the field"))
        self.clear.setAccessibleName(self.clear.toolTip())
        if self.decimal is not None:
            self.decimal.setText(QLocale().decimalPoint())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self._last = watched
        if kind in (QEvent.Type.FocusIn, QEvent.Type.EnabledChange, QEvent.Type.Show):
            self._refresh()
        return False

    def target(self) -> QLineEdit | None:
        """The field a key goes to: the one with the focus, else the one that had it
        last, else the first that takes input (None: none does)."""
        usable = [f for f in self._fields if f.isEnabled() and not f.isHidden()]
        for field in usable:
            if field.window().focusWidget() is field:
                return field
        if self._last in usable:
            return self._last
        return usable[0] if usable else None

    def _refresh(self) -> None:
        """Keys for the field they go to: none without one, the separator for money."""
        field = self.target()
        for key in self.keys():
            key.setEnabled(field is not None)
        if self.decimal is not None:
            self.decimal.setEnabled(field is not None and id(field) in self._money)

    def type_key(self, key: Qt.Key, text: str = "") -> None:
        """``key`` typed into the target, as a keyboard types it (``text``: the
        characters it types)."""
        field = self.target()
        if field is None:
            return
        if field.window().focusWidget() is not field:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(
                field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            )
        self._refresh()

    @Slot()
    def _on_digit_clicked(self) -> None:
        key = self.sender()
        if isinstance(key, PadKey):
            digit = self.digits.index(key)
            self.type_key(Qt.Key(Qt.Key.Key_0.value + digit), str(digit))

    @Slot()
    def _on_decimal_clicked(self) -> None:
        point = QLocale().decimalPoint()
        self.type_key(Qt.Key.Key_Comma if point == "," else Qt.Key.Key_Period, point)

    @Slot()
    def _on_backspace_clicked(self) -> None:
        self.type_key(Qt.Key.Key_Backspace)

    @Slot()
    def _on_clear_clicked(self) -> None:
        field = self.target()
        if field is None or not field.text():
            return
        field.selectAll()  # then ⌫: the whole text goes, as Ctrl+A, Backspace does
        self.type_key(Qt.Key.Key_Backspace)

    @Slot()
    def _on_enter_clicked(self) -> None:
        self.type_key(Qt.Key.Key_Return, "\r")


def step_aside(pad: NumberPad, aside: bool) -> None:
    """Hide ``pad`` while a question takes its room (``aside``), and show it again after
    (unless the till hides its pads: then it stays hidden)."""
    if aside and not pad.isHidden():
        pad._aside = True
        pad.hide()
    elif not aside and pad._aside:
        pad._aside = False
        pad.show()


def hide_number_pads(window: QWidget) -> None:
    """A till with a keyboard only: no number pad on any page of ``window``."""
    for pad in window.findChildren(NumberPad):
        pad.hide()


def beside_pad(pad: NumberPad, *widgets: tuple[QWidget, int]) -> QHBoxLayout:
    """A column of ``widgets`` (each with its stretch) and ``pad`` on its right, at the
    top: the pad beside the fields it types into, its keys under the finger."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in widgets:
        column.addWidget(widget, stretch)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addLayout(column, 1)
    row.addWidget(pad, 0, Qt.AlignmentFlag.AlignTop)
    return row
