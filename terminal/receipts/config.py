"""The ``[receipt]`` table: the shop's header and footer, and the receipts' language.

Every option is declared once, below (common.config); a bad value gives the one
:class:`~common.errors.ConfigError`, naming the key and the value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from common.config import about, read_table
from common.errors import ConfigError

__all__ = ["LANGUAGES", "ConfigError", "ReceiptConfig"]

LANGUAGES = ("ru", "uk", "en")
#: The header and footer of a till that configured none, in each receipt language.
_OWN = {
    "ru": ("Магазин", "Спасибо за покупку!"),
    "uk": ("Магазин", "Дякуємо за покупку!"),
    "en": ("Shop", "Thank you for shopping with us!"),
}
MAX_LINES = 10


def _lines(raw: object) -> tuple[str, ...]:
    value = [raw] if isinstance(raw, str) else raw
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{raw!r} is not a list of lines")
    if len(value) > MAX_LINES:
        raise ConfigError(f"{len(value)} lines is more than {MAX_LINES}")
    return tuple(value)


def _language(value: str) -> str | None:
    return None if value in LANGUAGES else f"is not one of {', '.join(LANGUAGES)}"


@dataclass(frozen=True, slots=True)
class ReceiptConfig:
    header: tuple[str, ...] = field(
        default=(),
        metadata=about(
            "lines at the top of every receipt (shop name, address, tax id); "
            "none: the receipt language's word for a shop",
            read=_lines,
        ),
    )
    footer: tuple[str, ...] = field(
        default=(),
        metadata=about(
            "lines at the bottom; none: a thank-you in the receipt's language", read=_lines
        ),
    )
    language: str = field(
        default="ru", metadata=about("language of the receipts: ru, uk or en", check=_language)
    )
    qr: bool = field(
        default=True,
        metadata=about("print the operation's id as a QR code (found again for a return)"),
    )

    @property
    def header_lines(self) -> tuple[str, ...]:
        """The header as printed: the configured lines, else the language's own."""
        return self.header or (_OWN[self.language][0],)

    @property
    def footer_lines(self) -> tuple[str, ...]:
        """The footer as printed: the configured lines, else the language's thank-you."""
        return self.footer or (_OWN[self.language][1],)

    @classmethod
    def default(cls) -> ReceiptConfig:
        return cls()

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any]) -> ReceiptConfig:
        return read_table(cls, "receipt", m)
