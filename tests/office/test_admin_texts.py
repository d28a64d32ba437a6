"""The admin web app's words (office/admin_texts.py): every phrase a page shows is in the
catalogue in Russian and Ukrainian, so that a page is never half in English; the page's
language from the cookie or Accept-Language. No office process needed."""

from __future__ import annotations

import re

import pytest

from office import admin_pages, admin_web
from office.admin_roles import ROLE_NAMES, Permission, Role, mask_phone, may
from office.admin_texts import LANGUAGES, TEXTS, VALUES, choose, text, value
from sync.protocol import OPERATION_KINDS
from terminal.loyalty.cards import CardKind, CardState

_CALL = re.compile(r"""\bt\(\s*(?:"([^"]+)"|'([^']+)')""")


def _template_phrases() -> set[str]:
    found: set[str] = set()
    for path in admin_web.TEMPLATES.glob("*.html"):
        for double, single in _CALL.findall(path.read_text(encoding="utf-8")):
            found.add(double or single)
    return found


def test_every_phrase_of_the_pages_is_translated() -> None:
    used = _template_phrases()
    used |= {admin_web.EXPIRED, admin_web.WRONG}
    used |= {admin_pages.CHANGED_MEANWHILE, *admin_pages._FIELD_ERRORS.values()}
    used |= set(VALUES.values())
    assert len(used) > 60
    missing = sorted(p for p in used if p not in TEXTS)
    assert missing == []
    for english, said in TEXTS.items():
        assert set(said) == {"ru", "uk"}, english
        assert all(s.strip() for s in said.values()), english
        # the same named parameters in every language
        params = set(re.findall(r"\{(\w+)\}", english))
        assert all(set(re.findall(r"\{(\w+)\}", s)) == params for s in said.values()), english


def test_every_stored_word_has_a_label() -> None:
    stored = {*OPERATION_KINDS, *(k.value for k in CardKind), *(s.value for s in CardState)}
    stored |= {"applied", "held", "rejected", *ROLE_NAMES}
    assert stored <= set(VALUES)
    assert value("uk", "blocked") == "Заблокована" and value("en", "member_register")
    assert value("ru", "something new") == "something new"


@pytest.mark.parametrize(
    ("cookie", "accept", "lang"),
    [
        ("uk", "ru", "uk"),
        (None, "ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        (None, "de, uk;q=0.3, ru;q=0.2", "uk"),
        (None, "de", "en"),
        ("fr", None, "en"),
        (None, "ru;q=bad, uk;q=0.1", "uk"),
    ],
)
def test_the_language_of_a_page(cookie: str | None, accept: str | None, lang: str) -> None:
    assert choose(cookie, accept) == lang and lang in LANGUAGES


def test_a_phrase_in_each_language() -> None:
    assert text("en", "Page {n}", n=3) == "Page 3"
    assert text("uk", "Page {n}", n=3) == "Сторінка 3"
    assert text("ru", "Log out") == "Выйти"


def test_the_permission_table() -> None:
    assert all(may(Role.OWNER, p) for p in Permission)
    assert may(Role.SUPPORT, Permission.EDIT_MEMBERS)
    assert not may(Role.READ_ONLY, Permission.EDIT_MEMBERS)
    assert not may(Role.MARKETING, Permission.EDIT_MEMBERS)
    assert may(Role.MARKETING, Permission.EDIT_PROGRAM)
    assert not may(Role.MARKETING, Permission.SEE_PHONES)
    assert all(may(r, Permission.READ_MEMBERS) for r in Role)
    assert [r for r in Role if may(r, Permission.MANAGE_ADMINS)] == [Role.OWNER]
    assert mask_phone("380671234567") == "380•••••••67" and mask_phone(None) == ""
