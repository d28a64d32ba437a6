"""Helpers of the admin web app's tests: admins made, a log-in over real HTTP, the CSRF
token read from a page, a member of the seeded office with a phone and a card."""

from __future__ import annotations

import re
from dataclasses import dataclass

import requests
from sqlalchemy import select

from office import admin_accounts
from office.db import OfficeDB
from office.models import cards, members

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf" value="([^"]*)"')


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def add_admin(db: OfficeDB, name: str, role: str) -> int:
    return admin_accounts.add(db, name, role, PASSWORD)


def log_in(url: str, name: str, password: str = PASSWORD) -> tuple[requests.Session, str]:
    """A browser-like session, logged in or not, and the log-in's answer: its status and
    where it sends the browser (``"303 /admin/"``: logged in)."""
    web = requests.Session()
    page = web.get(f"{url}/admin/login", timeout=10)
    assert page.status_code == 200
    answer = web.post(
        f"{url}/admin/login",
        data={"csrf": csrf_of(page.text), "name": name, "password": password},
        timeout=10,
        allow_redirects=False,
    )
    return web, f"{answer.status_code} {answer.headers.get('location', '')}"


@dataclass(frozen=True)
class Someone:
    id: int
    full_name: str
    phone: str
    card_number: str
    seq: int


def someone(db: OfficeDB) -> Someone:
    """A member of the seed with a phone and a numbered card."""
    query = (
        select(members.c.id, members.c.full_name, members.c.phone, cards.c.number, members.c.seq)
        .join(cards, cards.c.member_id == members.c.id)
        .where(
            ~members.c.deleted,
            members.c.phone.is_not(None),
            cards.c.number.is_not(None),
            ~cards.c.deleted,
        )
        .order_by(members.c.id)
        .limit(1)
    )
    with db.read() as conn:
        row = conn.execute(query).one()
    return Someone(int(row[0]), row[1], row[2], row[3], int(row[4]))
