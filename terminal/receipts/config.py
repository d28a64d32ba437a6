"""The ``[receipt]`` table: the shop's header and footer, and the receipts' language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("ru", "uk", "en")


class ConfigError(ValueError):
    """The ``[receipt]`` table cannot be used; the message names the key and the value."""


#: key, default, help
OPTIONS: tuple[tuple[str, Any, str], ...] = (
    ("header", ["Магазин"], "lines at the top of every receipt (shop name, address, tax id)"),
    ("footer", ["Спасибо за покупку!"], "lines at the bottom"),
    ("language", "ru", "language of the receipts: ru, uk or en"),
    ("qr", True, "print the operation's id as a QR code (found again for a return)"),
)


def _lines(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"receipt.{key}: {value!r} is not a list of lines")
    if len(value) > 10:
        raise ConfigError(f"receipt.{key}: {len(value)} lines is more than 10")
    return tuple(value)


@dataclass(frozen=True, slots=True)
class ReceiptConfig:
    header: tuple[str, ...] = ("Магазин",)
    footer: tuple[str, ...] = ("Спасибо за покупку!",)
    language: str = "ru"
    qr: bool = True

    @classmethod
    def default(cls) -> ReceiptConfig:
        return cls()

    @classmethod
    def from_mapping(cls, m: Mapping[str, Any]) -> ReceiptConfig:
        known = {k for k, _, _ in OPTIONS}
        unknown = sorted(set(m) - known)
        if unknown:
            raise ConfigError(f"receipt.{unknown[0]}: unknown option")
        d = cls()
        language = m.get("language", d.language)
        if language not in LANGUAGES:
            raise ConfigError(
                f"receipt.language: {language!r} is not one of {', '.join(LANGUAGES)}"
            )
        qr = m.get("qr", d.qr)
        if not isinstance(qr, bool):
            raise ConfigError(f"receipt.qr: {qr!r} is not true or false")
        return cls(
            header=_lines("header", m["header"]) if "header" in m else d.header,
            footer=_lines("footer", m["footer"]) if "footer" in m else d.footer,
            language=str(language),
            qr=qr,
        )
