"""Key codes (Linux evdev numbering, which equals PC set-1 scan codes for these keys)
and what a US keyboard makes of them. The wedge classifier reads key codes, never the
text the active layout produced, so a Russian layout changes nothing."""

from __future__ import annotations

KEY_ESC = 1
KEY_BACKSPACE = 14
KEY_TAB = 15
KEY_ENTER = 28
KEY_LEFTSHIFT = 42
KEY_RIGHTSHIFT = 54
KEY_KPENTER = 96

_ROWS: tuple[tuple[int, str, str], ...] = (
    (2, "1234567890-=", "!@#$%^&*()_+"),
    (16, "qwertyuiop[]", "QWERTYUIOP{}"),
    (30, "asdfghjkl;'`", 'ASDFGHJKL:"~'),
    (43, "\\zxcvbnm,./", "|ZXCVBNM<>?"),
)
KEYPAD: dict[int, str] = {
    71: "7",
    72: "8",
    73: "9",
    74: "-",
    75: "4",
    76: "5",
    77: "6",
    78: "+",
    79: "1",
    80: "2",
    81: "3",
    82: "0",
    83: ".",
    55: "*",
    98: "/",
}
PLAIN: dict[int, str] = {57: " ", **KEYPAD}
SHIFTED: dict[int, str] = {57: " ", **KEYPAD}
for _start, _plain, _shifted in _ROWS:
    for _i, (_p, _s) in enumerate(zip(_plain, _shifted, strict=True)):
        PLAIN[_start + _i] = _p
        SHIFTED[_start + _i] = _s

SHIFT_KEYS = frozenset({KEY_LEFTSHIFT, KEY_RIGHTSHIFT})
TERMINATOR_KEYS: dict[str, int] = {"enter": KEY_ENTER, "kp_enter": KEY_KPENTER, "tab": KEY_TAB}


def char_of(code: int, shift: bool) -> str | None:
    """The character a US layout gives key ``code``; None for keys that type nothing."""
    return (SHIFTED if shift else PLAIN).get(code)


def code_of(char: str) -> tuple[int, bool]:
    """The key code and shift state that type ``char`` on a US layout (for tests, demos)."""
    for code, c in PLAIN.items():
        if c == char and code not in KEYPAD:
            return code, False
    for code, c in SHIFTED.items():
        if c == char and code not in KEYPAD:
            return code, True
    raise ValueError(f"no key types {char!r}")
