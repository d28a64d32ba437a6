"""Languages of the app: Russian, Ukrainian and English, switchable without a restart.

Texts are English in the source (``self.tr(...)``); translations are Qt Linguist files in
resources/i18n (*.ts, filled by `make translations` from the data files
resources/i18n/<code>.toml, which people edit) compiled to terminal/ui/translations (*.qm,
shipped with the package; a test keeps them in step). Switching installs another
QTranslator: Qt then sends every widget a LanguageChange event and each one sets its
texts again. Numbers, money and dates follow the language's locale.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

QM_DIR = Path(__file__).with_name("translations")
LANGUAGE_NAMES = {"ru": "Русский", "uk": "Українська", "en": "English"}
LOCALES = {"ru": "ru_RU", "uk": "uk_UA", "en": "en_GB"}
#: Context of the texts that come from outside the UI (terminal.services.messages).
MESSAGES_CONTEXT = "messages"

_state: dict[str, object] = {"language": "en", "translator": None}


def current_language() -> str:
    return str(_state["language"])


def switch_language(code: str) -> None:
    """Make ``code`` (ru, uk, en) the language of every window, at once."""
    if code not in LANGUAGE_NAMES:
        raise ValueError(f"unknown language {code!r}")
    app = QCoreApplication.instance()
    old = _state["translator"]
    new: QTranslator | None = None
    if code != "en":
        new = QTranslator(app)
        if not new.load(str(QM_DIR / f"loyalty_{code}.qm")):
            log.error("translation for %s missing in %s; staying in English", code, QM_DIR)
            new = None
    QLocale.setDefault(QLocale(LOCALES[code]))
    _state["language"] = code
    _state["translator"] = new
    if isinstance(old, QTranslator):
        QCoreApplication.removeTranslator(old)
    if new is not None:
        QCoreApplication.installTranslator(new)
    elif old is None:
        # Nothing was installed or removed: tell the widgets anyway (locale changed).
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.allWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def translate_message(text: str) -> str:
    """A text of terminal.services.messages in the current language."""
    return QCoreApplication.translate(MESSAGES_CONTEXT, text)
