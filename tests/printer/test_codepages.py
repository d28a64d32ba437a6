"""Every Russian and Ukrainian letter prints as itself, or transliterated, never as '?'."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.printer import codepages
from drivers.printer.codepages import RUSSIAN, UKRAINIAN
from drivers.printer.decoder import decode
from drivers.printer.document import Document, Line
from drivers.printer.encoder import encode

PROFILES = ["default", "POS-5890", "TM-T20II", "TM-T88IV", "ZJ-5870", "simple", "TEP-200M"]


def roundtrip(text: str, profile: str) -> str:
    return decode(encode(Document((Line(text),)), profile), profile).lines()[0]


@pytest.mark.parametrize("profile", ["default", "TM-T20II", "TEP-200M", "POS-5890", "KR-306"])
@pytest.mark.parametrize("alphabet", [RUSSIAN, UKRAINIAN])
def test_every_letter_prints_as_itself_where_the_printer_has_a_page(profile, alphabet):
    assert roundtrip(alphabet, profile) == alphabet


def test_russian_alone_uses_cp866_with_the_profiles_own_number():
    assert encode(Document((Line("Ёлка"),)), "default")[:5] == b"\x1b@\x1bt\x11"
    assert encode(Document((Line("Ёлка"),)), "POS-5890")[:5] == b"\x1b@\x1bt;"  # 59
    assert decode(encode(Document((Line("Ёлка"),)), "POS-5890"), "POS-5890").code_pages() == [
        "CP866"
    ]


def test_ukrainian_letters_choose_a_page_that_has_them():
    data = encode(Document((Line("Ґанна, їжак, єнот, ірис"),)), "default")
    assert decode(data).code_pages() == ["CP1251"]
    assert decode(data).lines() == ["Ґанна, їжак, єнот, ірис"]


def test_a_cp866_only_printer_transliterates_the_missing_letters():
    assert roundtrip("Ґанна і Ірина", "TM-T88IV") == "Ганна i Ирина".replace("И", "I")


def test_a_printer_without_cyrillic_gets_latin():
    assert roundtrip("Щука, Юлія, Ґанна", "simple") == "Shchuka, Yuliya, Ganna"


@pytest.mark.parametrize("profile", PROFILES)
@given(text=st.text(max_size=40))
def test_nothing_becomes_a_question_mark_or_a_command(profile, text):
    data = encode(Document((Line(text),)), profile)
    decoded = decode(data, profile)
    assert decoded.lines()[0].count("?") == text.count("?")
    assert decoded.unknown() == []
    assert not decoded.truncated
    assert len(decoded.lines()) == 1


def test_control_characters_in_names_cannot_inject_commands():
    text = "Анна\x1bp\x00\x19\x19\x1dV\x00\nИванова"
    decoded = decode(encode(Document((Line(text),))))
    assert decoded.cuts() == 0
    assert decoded.lines() == ["Анна p    V  Иванова"]


def test_the_preference_order_is_cp866_first():
    pages = codepages.code_pages("default")
    assert pages[0].name == "CP866"
    assert all(p.name != "CP932" for p in pages)
    assert codepages.choose("default", "abc") == pages[0]
