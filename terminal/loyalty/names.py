"""Names in each of the till's languages: a tier's (in the program) and a gift's (in the
catalogue). A gift's names travel and are kept as one JSON object, ``{"ru": "Кружка",
"uk": "Кружка", "en": "Mug"}``, beside its ``name`` (shown in any language it lacks);
the JSON text itself is the store's and the wire's (the rules do no I/O, not even JSON)."""

from __future__ import annotations

from collections.abc import Mapping

#: The languages a name may be given in (the till's).
NAME_LANGUAGES = frozenset({"ru", "uk", "en"})
#: The longest name in any language.
MAX_NAME = 200

Names = tuple[tuple[str, str], ...]  # (language, name) pairs, by language


def name_in(names: Names, language: str, fallback: str) -> str:
    """The name in ``language``, else ``fallback``."""
    for code, text in names:
        if code == language:
            return text
    return fallback


def parse_names(found: object) -> Names:
    """The names a decoded JSON object holds, as kept in a cache. Whatever is not a name
    in one of :data:`NAME_LANGUAGES` is left out (the plain name is shown instead): a
    display never fails on a catalogue entry."""
    if not isinstance(found, dict):
        return ()
    return tuple(
        (code, value)
        for code, value in sorted(found.items())
        if code in NAME_LANGUAGES and isinstance(value, str) and value.strip()
    )


def checked_names(names: Mapping[str, object] | None) -> dict[str, str] | None:
    """``names`` as they are kept and sent (by language; None for none). Raises
    ValueError, naming the language, for a language not in
    :data:`NAME_LANGUAGES` or a name that is not text, empty, too long or holds a
    control character."""
    if not names:
        return None
    for code, value in names.items():
        if code not in NAME_LANGUAGES:
            raise ValueError(f"names: {code!r} is not one of ru, uk, en")
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"names.{code}: must be text, not empty")
        if len(value) > MAX_NAME or any(ord(ch) < 32 for ch in value):
            raise ValueError(f"names.{code}: at most {MAX_NAME} printable characters")
    return {code: str(value) for code, value in sorted(names.items())}
