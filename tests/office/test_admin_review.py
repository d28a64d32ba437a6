"""The admin web app's defects found by a security review, each with the test that would
have caught it: a till's member (an id above 32 bits) on PostgreSQL, a lock-out raced by
parallel attempts, a locked or unknown name told apart from a wrong password, a 400 that
let the next save undo another admin's change, tokens that answered 500, an account
that could not be deactivated, log-ins beyond what the office can hash at once, a
worker count of 0."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from adminkit import PASSWORD, add_admin, csrf_of, log_in, someone
from builders import cards
from officekit import checkout, enrolled_terminal
from sqlalchemy import insert, select

from office import admin_accounts, admin_members, admin_web
from office.admin_accounts import LoginOutcome
from office.db import OfficeDB
from office.models import admin_accounts as accounts_table
from office.models import members
from office.server import OfficeServer

pytestmark = pytest.mark.integration
LOCKED = r"office\.admin_accounts: admin \d+ locked"


@pytest.fixture
def site(office_db: OfficeDB) -> Iterator[str]:
    add_admin(office_db, "help", "support")
    with OfficeServer(office_db) as server:
        yield server.url


def test_a_tills_member_opens_on_postgresql_too(office_db_any: OfficeDB) -> None:
    db, big = office_db_any, 9_000_000_010_001  # a member registered at a till
    with db.write() as conn:
        template = dict(conn.execute(select(members).limit(1)).one()._mapping)
        template.update(id=big, full_name="Зарегистрирована На Кассе", phone=None)
        conn.execute(insert(members).values(**template))
    found = admin_members.member(db, big)
    assert found is not None and found["full_name"] == "Зарегистрирована На Кассе"


@pytest.mark.expected_log(LOCKED)
def test_parallel_wrong_passwords_cannot_outnumber_the_lock(office_db: OfficeDB) -> None:
    add_admin(office_db, "help", "support")
    outcomes: list[LoginOutcome] = []
    threads = [
        threading.Thread(
            target=lambda: outcomes.append(
                admin_accounts.log_in(office_db, "help", "wrong!").outcome
            )
        )
        for _ in range(12)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count(LoginOutcome.WRONG) == 12
    done = admin_accounts.log_in(office_db, "help", PASSWORD)  # right, but locked
    assert done.outcome is LoginOutcome.WRONG and done.account is None
    with office_db.read() as conn:
        locked = conn.execute(
            select(accounts_table.c.locked_until).where(accounts_table.c.name == "help")
        ).scalar_one()
    assert locked is not None


@pytest.mark.expected_log(LOCKED)
def test_locked_unknown_and_wrong_read_alike(site: str) -> None:
    answers = set()
    for _ in range(6):  # the sixth: locked
        _, said = log_in(site, "help", "not the password")
        answers.add(said)
    for name in ("nobody", "help"):
        web = requests.Session()
        page = web.get(f"{site}/admin/login", timeout=10)
        answer = web.post(
            f"{site}/admin/login",
            data={"csrf": csrf_of(page.text), "name": name, "password": "x" * 300},
            timeout=10,
        )
        assert answer.status_code == 401
        assert admin_web.WRONG.split(".")[0] in answer.text
    assert answers == {"401 "}


def test_tokens_that_are_no_tokens_are_refused_not_failed(office_db: OfficeDB, site: str) -> None:
    web = requests.Session()
    web.get(f"{site}/admin/login", timeout=10)
    odd = web.post(
        f"{site}/admin/login", data={"csrf": "токен", "name": "help", "password": "x"}, timeout=10
    )
    assert odd.status_code == 403
    who = someone(office_db)
    web, _ = log_in(site, "help")
    form = web.get(f"{site}/admin/members/{who.id}/edit", timeout=10)
    sent = web.post(
        f"{site}/admin/members/{who.id}/edit",
        data={"csrf": csrf_of(form.text), "seq": "²", "full_name": "Имя", "phone": ""},
        timeout=10,
    )
    assert sent.status_code == 409  # a version that is none: changed meanwhile, not a 500


def test_a_form_shown_again_for_a_typo_keeps_its_version(office_db: OfficeDB, site: str) -> None:
    who = someone(office_db)
    a, _ = log_in(site, "help")
    form = a.get(f"{site}/admin/members/{who.id}/edit", timeout=10)
    token = csrf_of(form.text)
    other = admin_members.clean_edit({"full_name": "Другое Имя", "phone": who.phone})
    admin_members.edit(office_db, (0, "other"), who.id, who.seq, other)
    typo = a.post(
        f"{site}/admin/members/{who.id}/edit",
        data={"csrf": token, "seq": str(who.seq), "full_name": "Моё Имя", "phone": "12ab"},
        timeout=10,
    )
    assert typo.status_code == 400 and f'name="seq" value="{who.seq}"' in typo.text
    again = a.post(  # the typo fixed: the other admin's change is not undone silently
        f"{site}/admin/members/{who.id}/edit",
        data={"csrf": token, "seq": str(who.seq), "full_name": "Моё Имя", "phone": ""},
        timeout=10,
    )
    assert again.status_code == 409
    assert admin_members.member(office_db, who.id)["full_name"] == "Другое Имя"  # type: ignore[index]


def test_a_deactivated_admin_is_logged_out_and_cannot_log_in(
    office_db: OfficeDB, site: str, tmp_path: Path
) -> None:
    web, said = log_in(site, "help")
    assert said == "303 /admin/"
    url = str(office_db.engine.url.database)
    done = subprocess.run(
        [sys.executable, "-m", "office", "--db", url, "admin-deactivate", "help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    gone = web.get(f"{site}/admin/", timeout=10, allow_redirects=False)
    assert gone.status_code == 303 and "/admin/login" in gone.headers["location"]
    assert log_in(site, "help")[1].startswith("401")


def test_log_ins_beyond_what_the_office_hashes_at_once_are_turned_away(site: str) -> None:
    held = 0
    while admin_web.LOG_INS.acquire(blocking=False):  # as if that many were being checked
        held += 1
    try:
        _, said = log_in(site, "help")
        assert said.startswith("503")
    finally:
        for _ in range(held):
            admin_web.LOG_INS.release()
    assert held == 3 and log_in(site, "help")[1] == "303 /admin/"


def test_zero_workers_is_refused(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "office", "--db", str(tmp_path / "o.db"), "serve", "--workers", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "--workers: at least 1" in done.stderr


def test_a_members_page_shows_their_operations_on_each_database(
    office_db_any: OfficeDB, tmp_path: Path
) -> None:
    db = office_db_any
    with OfficeServer(db) as server, enrolled_terminal(server, tmp_path / "till") as till:
        till.sync()
        (card,) = cards(till.db, limit=1, with_member=True)
        checkout(till, card.id, "100")
        till.sync()
    assert card.member_id is not None
    found = admin_members.member(db, card.member_id)
    assert found is not None
    assert [op["kind"] for op in found["operations"]] == ["purchase"]
