"""Code pages: which one a printer uses for a text, and letters it cannot print.

A printer profile (python-escpos' capabilities database) lists the code pages a model
has, each under the number its ``ESC t n`` takes; the same code page has different numbers
on different models (CP866 is 17 on the default profile, 59 on some). We pick, for a whole
receipt, the code page that prints the most of its letters (CP866 first, the code page
of Russian receipts; CP1125 or CP1251 when the text needs Ukrainian і ї є ґ and the
printer has one). A letter the chosen page lacks is transliterated to one that looks or
reads the same, never sent as ``?``.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from escpos.capabilities import CAPABILITIES

#: The order of preference among code pages with the same coverage.
PREFERENCE = ("CP866", "CP1251", "CP1125", "CP855", "ISO_8859-5", "CP437", "CP850", "CP1252")

#: Letters that need another one where the code page lacks them. Latin I/i look like
#: Ukrainian І/і; Ґ reads as Г where there is no Ґ.
LOOKALIKE: dict[str, str] = {
    "І": "I",
    "і": "i",
    "Ї": "Ï",
    "ї": "ï",
    "Є": "Э",
    "є": "э",
    "Ґ": "Г",
    "ґ": "г",
    "Ё": "Е",
    "ё": "е",
    "Ў": "У",
    "ў": "у",
    "«": '"',
    "»": '"',
    "„": '"',
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "ʼ": "'",
    "—": "-",
    "–": "-",
    "−": "-",
    "…": "...",
    "№": "N",
    "₽": "р.",
    "₴": "грн",
    "€": "EUR",
    "×": "x",
    "\u00a0": " ",
    "•": "*",
    "·": "*",
}

#: Russian and Ukrainian to Latin, for a printer without Cyrillic (passport-style).
LATIN: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "є": "ye",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ў": "u",
}

#: Every letter of the Russian and Ukrainian alphabets, upper and lower case.
RUSSIAN = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
UKRAINIAN = "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя"


@dataclass(frozen=True, slots=True)
class CodePage:
    name: str  # CP866
    number: int  # the n of ESC t n on this printer
    codec: str  # cp866 (Python's codec)

    def can_encode(self, ch: str) -> bool:
        return _can_encode(self.codec, ch)


@lru_cache(maxsize=4096)
def _can_encode(codec: str, ch: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=64)
def code_pages(profile: str) -> tuple[CodePage, ...]:
    """The code pages of ``profile`` that Python can encode, in order of preference."""
    pages = CAPABILITIES["profiles"][profile]["codePages"]
    encodings = CAPABILITIES["encodings"]
    # Where a model lists one code page under two numbers, the higher one is the one
    # python-escpos itself sends (POS-5890: CP866 is 17 and 59; 59 works).
    found: dict[str, CodePage] = {}
    for number, name in sorted(pages.items(), key=lambda kv: int(kv[0])):
        codec = encodings.get(name, {}).get("python_encode")
        if not codec:
            continue
        try:
            codecs.lookup(codec)
        except LookupError:
            continue
        if _can_encode(codec, "あ"):  # a multi-byte code page (CP932): not for our text
            continue
        found[name] = CodePage(name, int(number), codec)
    rank = {name: i for i, name in enumerate(PREFERENCE)}
    return tuple(sorted(found.values(), key=lambda p: rank.get(p.name, len(rank))))


def by_number(profile: str, number: int) -> CodePage | None:
    for page in code_pages(profile):
        if page.number == number:
            return page
    pages = CAPABILITIES["profiles"][profile]["codePages"]
    name = pages.get(str(number))
    codec = CAPABILITIES["encodings"].get(name, {}).get("python_encode") if name else None
    return CodePage(name, number, codec) if name and codec else None


def choose(profile: str, text: str) -> CodePage | None:
    """The code page that prints the most of ``text``'s letters (None: ASCII only)."""
    special = {ch for ch in text if ord(ch) > 0x7E}
    pages = code_pages(profile)
    if not pages:
        return None
    if not special:
        return pages[0]
    best = max(pages, key=lambda p: sum(1 for ch in special if p.can_encode(ch)))
    return best


def fallback(ch: str, page: CodePage | None) -> str:
    """What to print for ``ch``, which ``page`` lacks: a look-alike, a Latin spelling."""
    can = page.can_encode if page is not None else (lambda c: ord(c) < 0x7F)
    alt = LOOKALIKE.get(ch)
    if alt is not None and all(can(c) for c in alt):
        return alt
    lower = ch.lower()
    latin = LATIN.get(lower)
    if latin is not None:
        return latin.capitalize() if ch != lower else latin
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) < 0x7F)
    if decomposed:
        return decomposed
    if alt is not None:
        return "".join(fallback(c, page) if not can(c) else c for c in alt)
    return "_"


def encode(text: str, page: CodePage | None) -> bytes:
    """``text`` in ``page``: control characters become spaces, missing letters transliterated."""
    out: list[str] = []
    for ch in text:
        if ch < " " or ch == "\x7f":
            out.append(" ")
        elif ch <= "~" or (page is not None and page.can_encode(ch)):
            out.append(ch)
        else:
            out.append(fallback(ch, page))
    s = "".join(out)
    return s.encode(page.codec if page is not None else "ascii", errors="replace")
