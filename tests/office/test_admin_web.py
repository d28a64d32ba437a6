"""The admin web app (issue 15, points 1 and 2) over real HTTP against a real office:
log-in, lock-out, sessions' expiry, CSRF, roles, the search, the member's edit and its
audit row, log-out. The office's clock is a FixedClock the tests move (no sleeps)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests
from adminkit import PASSWORD, add_admin, csrf_of, log_in, someone
from sqlalchemy import func, select

from common.clock import FixedClock
from office import admin, audit
from office.__main__ import main as office_main
from office.db import OfficeDB
from office.models import admin_accounts, admin_sessions, changes, members
from office.server import OfficeServer

pytestmark = pytest.mark.integration
LOCKED = r"office\.admin_accounts: admin \d+ locked"


@pytest.fixture
def clock(office_db: OfficeDB) -> FixedClock:
    moved = FixedClock(datetime(2026, 12, 3, 10, 0, tzinfo=UTC))
    office_db.clock = moved
    return moved


@pytest.fixture
def site(office_db: OfficeDB, clock: FixedClock) -> Iterator[str]:
    for name, role in (
        ("owner", "owner"),
        ("help", "support"),
        ("viewer", "read_only"),
        ("promo", "marketing"),
    ):
        add_admin(office_db, name, role)
    with OfficeServer(office_db) as server:
        yield server.url


def _member_now(db: OfficeDB, member_id: int) -> dict[str, object]:
    with db.read() as conn:
        row = conn.execute(select(members).where(members.c.id == member_id)).one()
    return dict(row._mapping)


def _office_audit(db: OfficeDB) -> list[dict[str, object]]:
    return audit.events_of(db, audit.OFFICE)


def test_a_right_password_logs_in_and_a_wrong_one_does_not(site: str) -> None:
    web, said = log_in(site, "owner")
    assert said == "303 /admin/"
    cookie = next(c for c in web.cookies if c.name == "office_admin")
    assert cookie.path == "/admin" and cookie.has_nonstandard_attr("HttpOnly")
    home = web.get(f"{site}/admin/", timeout=10)
    assert home.status_code == 200 and 'id="count-members"' in home.text
    assert "default-src 'none'" in home.headers["content-security-policy"]
    assert home.headers["cache-control"] == "no-store"

    web, said = log_in(site, "owner", "wrong password!")
    assert said.startswith("401")
    assert not any(c.name == "office_admin" for c in web.cookies)
    assert web.get(f"{site}/admin/", timeout=10, allow_redirects=False).status_code == 303
    _, said = log_in(site, "nobody", PASSWORD)  # no such name: the same answer
    assert said.startswith("401")


def test_the_set_cookie_header_is_strict_http_only_and_secure_when_configured(
    office_db: OfficeDB,
) -> None:
    from office.admin_sessions import SessionRules

    add_admin(office_db, "owner", "owner")
    for secure in (False, True):
        with OfficeServer(office_db, admin=SessionRules(secure_cookies=secure)) as server:
            page = requests.get(f"{server.url}/admin/login", timeout=10)
            token = csrf_of(page.text)  # (a Secure cookie is not sent back over HTTP)
            assert f"office_login={token}" in page.headers["set-cookie"]
            answer = requests.post(
                f"{server.url}/admin/login",
                data={"csrf": token, "name": "owner", "password": PASSWORD},
                cookies={"office_login": token},
                timeout=10,
                allow_redirects=False,
            )
        header = answer.headers["set-cookie"]
        assert "office_admin=" in header and "HttpOnly" in header
        assert "SameSite=strict" in header and "Path=/admin" in header
        assert ("Secure" in header) is secure


def test_a_log_in_without_its_form_token_is_refused(site: str) -> None:
    answer = requests.post(
        f"{site}/admin/login",
        data={"name": "owner", "password": PASSWORD},
        timeout=10,
        allow_redirects=False,
    )
    assert answer.status_code == 403 and "office_admin" not in answer.headers.get("set-cookie", "")


@pytest.mark.expected_log(LOCKED)
def test_five_wrong_passwords_lock_the_account_for_15_minutes_even_after_a_restart(
    office_db: OfficeDB, site: str, clock: FixedClock
) -> None:
    for _ in range(4):
        assert log_in(site, "help", "not the password")[1].startswith("401")
    _, said = log_in(site, "help", "not the password")
    assert said.startswith("401")  # the fifth: locked, said as a wrong password
    _, said = log_in(site, "help")  # the right password, while locked
    assert said.startswith("401")
    with office_db.read() as conn:
        locked = conn.execute(
            select(admin_accounts.c.locked_until).where(admin_accounts.c.name == "help")
        ).scalar_one()
    assert locked is not None
    # a restart of the office (a new process on the same database) keeps the lock
    again = OfficeDB.open(str(office_db.engine.url.database), clock=clock)
    try:
        with OfficeServer(again) as restarted:
            assert log_in(restarted.url, "help")[1].startswith("401")
            clock.advance(timedelta(minutes=14, seconds=59))
            assert log_in(restarted.url, "help")[1].startswith("401")
            clock.advance(timedelta(seconds=2))
            assert log_in(restarted.url, "help")[1] == "303 /admin/"
    finally:
        again.close()
    assert log_in(site, "owner")[1] == "303 /admin/"  # the others were never locked


def test_a_session_ends_after_30_idle_minutes_and_12_hours_at_most(
    office_db: OfficeDB, site: str, clock: FixedClock
) -> None:
    web, _ = log_in(site, "viewer")
    clock.advance(timedelta(minutes=29))
    assert web.get(f"{site}/admin/", timeout=10, allow_redirects=False).status_code == 200
    clock.advance(timedelta(minutes=29))  # 29 idle minutes again: still alive
    assert web.get(f"{site}/admin/", timeout=10, allow_redirects=False).status_code == 200
    clock.advance(timedelta(minutes=30, seconds=1))
    gone = web.get(f"{site}/admin/", timeout=10, allow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"] == "/admin/login?ended=1"

    web, _ = log_in(site, "viewer")
    for _ in range(12 * 3 - 1):  # busy all day: a page every 20 minutes
        clock.advance(timedelta(minutes=20))
        assert web.get(f"{site}/admin/", timeout=10, allow_redirects=False).status_code == 200
    clock.advance(timedelta(minutes=20, seconds=1))  # 12 hours and a second after log-in
    assert web.get(f"{site}/admin/", timeout=10, allow_redirects=False).status_code == 303
    with office_db.read() as conn:  # the expired sessions' rows are gone
        assert conn.execute(select(func.count()).select_from(admin_sessions)).scalar() == 0


def test_log_out_deletes_the_session(office_db: OfficeDB, site: str) -> None:
    web, _ = log_in(site, "viewer")
    token = web.cookies["office_admin"]
    page = web.get(f"{site}/admin/", timeout=10)
    out = web.post(
        f"{site}/admin/logout", data={"csrf": csrf_of(page.text)}, timeout=10, allow_redirects=False
    )
    assert out.status_code == 303 and out.headers["location"] == "/admin/login?out=1"
    with office_db.read() as conn:
        assert conn.execute(select(func.count()).select_from(admin_sessions)).scalar() == 0
    stale = requests.get(
        f"{site}/admin/", cookies={"office_admin": token}, timeout=10, allow_redirects=False
    )
    assert stale.status_code == 303  # the old cookie opens nothing


def _edit_form(web: requests.Session, site: str, member_id: int) -> tuple[str, str]:
    page = web.get(f"{site}/admin/members/{member_id}/edit", timeout=10)
    assert page.status_code == 200
    seq = re.search(r'name="seq" value="(\d+)"', page.text)
    assert seq
    return csrf_of(page.text), seq.group(1)


def test_a_form_without_the_right_csrf_token_is_refused_and_changes_nothing(
    office_db: OfficeDB, site: str
) -> None:
    who = someone(office_db)
    web, _ = log_in(site, "help")
    token, seq = _edit_form(web, site, who.id)
    before = _member_now(office_db, who.id)
    fields = {"seq": seq, "full_name": "Подменённое Имя", "phone": "380500000000"}
    for bad in ({}, {"csrf": "x" + token[1:]}, {"csrf": ""}):
        answer = web.post(f"{site}/admin/members/{who.id}/edit", data={**fields, **bad}, timeout=10)
        assert answer.status_code == 403 and 'id="refused"' in answer.text
        assert answer.headers["content-type"].startswith("text/html")
    other, _ = log_in(site, "owner")  # another session's token is not this one's
    other_token = csrf_of(other.get(f"{site}/admin/", timeout=10).text)
    answer = web.post(
        f"{site}/admin/members/{who.id}/edit", data={**fields, "csrf": other_token}, timeout=10
    )
    assert answer.status_code == 403
    assert _member_now(office_db, who.id) == before
    assert _office_audit(office_db) == []
    # the protocol's answers keep their JSON shape
    push = requests.post(f"{site}/v1/operations", json={"operations": []}, timeout=10)
    assert push.status_code == 401 and set(push.json()) == {"error", "message"}


def test_read_only_and_marketing_may_not_edit_and_marketing_sees_masked_phones(
    office_db: OfficeDB, site: str
) -> None:
    who = someone(office_db)
    before = _member_now(office_db, who.id)
    for name in ("viewer", "promo"):
        web, _ = log_in(site, name)
        page = web.get(f"{site}/admin/members/{who.id}", timeout=10)
        assert page.status_code == 200 and 'id="edit"' not in page.text
        form = web.get(f"{site}/admin/members/{who.id}/edit", timeout=10)
        assert form.status_code == 403 and 'id="refused"' in form.text
        token = csrf_of(page.text)
        answer = web.post(
            f"{site}/admin/members/{who.id}/edit",
            data={"csrf": token, "seq": str(who.seq), "full_name": "X Y", "phone": ""},
            timeout=10,
        )
        assert answer.status_code == 403 and 'id="refused"' in answer.text
        listed = web.get(f"{site}/admin/members", params={"q": who.card_number}, timeout=10)
        shown = who.phone in listed.text
        assert shown is (name == "viewer")
        if name == "promo":
            assert who.phone[:3] + "•" in listed.text and who.phone not in page.text
    assert _member_now(office_db, who.id) == before and _office_audit(office_db) == []


def test_an_edit_is_saved_published_and_audited_with_before_and_after(
    office_db_any: OfficeDB,
) -> None:
    db = office_db_any
    add_admin(db, "help", "support")
    who = someone(db)
    was = _member_now(db, who.id)
    keep_consent = {"consent_personal_data": "on"} if was["consent_personal_data"] else {}
    marketing = {} if was["consent_marketing"] else {"consent_marketing": "on"}
    with OfficeServer(db) as server:
        site = server.url
        web, _ = log_in(site, "help")
        token, seq = _edit_form(web, site, who.id)
        saved = web.post(
            f"{site}/admin/members/{who.id}/edit",
            data={
                "csrf": token,
                "seq": seq,
                "full_name": "  Новое   Имя ",
                "phone": "+380 (50) 123-45-67",
                **keep_consent,
                **marketing,
            },
            timeout=10,
        )
        assert saved.status_code == 200 and saved.url.endswith(f"/admin/members/{who.id}?saved=1")
        assert 'id="saved"' in saved.text and "Новое Имя" in saved.text
        # the same form again (its seq is old now): refused, shown as it is now
        stale = web.post(
            f"{site}/admin/members/{who.id}/edit",
            data={"csrf": token, "seq": seq, "full_name": "Третье Имя", "phone": ""},
            timeout=10,
        )
        assert stale.status_code == 409
        bad = web.post(
            f"{site}/admin/members/{who.id}/edit",
            data={"csrf": token, "seq": seq, "full_name": "Имя", "phone": "12ab"},
            timeout=10,
        )
        assert bad.status_code == 400 and 'id="error"' in bad.text
    now = _member_now(db, who.id)
    assert (now["full_name"], now["phone"], now["consent_marketing"]) == (
        "Новое Имя",
        "380501234567",
        not was["consent_marketing"],
    )
    assert now["consent_personal_data"] == was["consent_personal_data"]
    rows = _office_audit(db)
    assert len(rows) == 1
    row = rows[0]
    assert (row["action"], row["target"]) == ("member_edit", f"member:{who.id}")
    details = json.loads(str(row["details"]))
    assert details["admin"] == "help" and isinstance(details["admin_id"], int)
    assert details["before"]["full_name"] == who.full_name
    assert details["before"]["phone"] == who.phone
    assert details["after"]["full_name"] == "Новое Имя"
    assert details["after"]["phone"] == "380501234567"
    assert details["before"]["consent_marketing"] is bool(was["consent_marketing"])
    assert details["after"]["consent_marketing"] is not bool(was["consent_marketing"])
    assert "consent_personal_data" not in details["after"]  # what did not change
    with db.read() as conn:  # the tills hear of it in the feed
        last = conn.execute(
            select(changes.c.data)
            .where(changes.c.key == str(who.id))
            .order_by(changes.c.seq.desc())
        ).first()
    assert last is not None and "Новое Имя" in last[0]


def test_the_search_finds_by_name_prefix_phone_and_card_number_a_page_at_a_time(
    office_db: OfficeDB, site: str
) -> None:
    who = someone(office_db)
    web, _ = log_in(site, "viewer")
    link = f'href="/admin/members/{who.id}"'

    def found(query: str) -> str:
        page = web.get(f"{site}/admin/members", params={"q": query}, timeout=10)
        assert page.status_code == 200
        return page.text

    def found_page(query: str, page: str) -> str:
        answer = web.get(f"{site}/admin/members", params={"q": query, "page": page}, timeout=10)
        assert answer.status_code == 200
        return answer.text

    assert link in found(who.card_number)
    assert link in found(who.phone)
    assert link in found(who.phone[-9:])  # the number without its country code
    assert link in found(who.full_name[:-2].lower())  # a prefix, as typed
    assert 'id="none"' in found("Щщщщ-нет-такого")
    admin.add_member(office_db, id=990001, full_name="Ящиков Пётр", address_as="Пётр")
    assert 'href="/admin/members/990001"' in found("ящиков")
    # pages of 20, and a page number out of range is bounded, not an error
    first, second = found("Иван"), found_page("Иван", "2")
    assert first.count('href="/admin/members/') == 20 and 'id="next"' in first
    assert not set(_links(first)) & set(_links(second))
    assert 'id="results"' in found_page("Иван", "99999")  # bounded: the last page served


def _links(page: str) -> list[str]:
    return re.findall(r'href="/admin/members/(\d+)"', page)


def test_every_admin_page_needs_a_session(site: str) -> None:
    for path in ("/admin/", "/admin/members?q=a", "/admin/members/1", "/admin/members/1/edit"):
        answer = requests.get(f"{site}{path}", timeout=10, allow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/admin/login"
    answer = requests.post(f"{site}/admin/members/1/edit", data={"csrf": "x"}, timeout=10)
    assert answer.url.endswith("/admin/login")
    assert requests.get(f"{site}/admin/static/admin.css", timeout=10).status_code == 200
    for method in ("PUT", "DELETE", "PATCH"):  # no such routes: refused, nothing changed
        assert requests.request(method, f"{site}/admin/members/1", timeout=10).status_code == 405
    assert requests.get(f"{site}/admin", timeout=10).url.endswith("/admin/login")


def test_an_admin_form_too_large_is_refused_by_the_gate(site: str) -> None:
    web, _ = log_in(site, "owner")
    answer = web.post(f"{site}/admin/logout", data={"csrf": "x" * 5000}, timeout=10)
    assert answer.status_code == 413
    assert web.get(f"{site}/admin/", timeout=10, allow_redirects=False).status_code == 200


def test_each_language_on_its_own(site: str) -> None:
    web, _ = log_in(site, "owner")
    english = web.get(f"{site}/admin/", timeout=10, headers={"Accept-Language": "de, en;q=0.5"})
    assert "Operations today" in english.text and 'lang="en"' in english.text
    ukr = web.get(f"{site}/admin/", timeout=10, headers={"Accept-Language": "uk-UA,ru;q=0.8"})
    assert "Операцій сьогодні" in ukr.text and "Operations today" not in ukr.text
    chosen = web.get(f"{site}/admin/lang", params={"to": "ru", "back": "/admin/"}, timeout=10)
    assert "Операций сегодня" in chosen.text and "Операцій" not in chosen.text
    away = web.get(
        f"{site}/admin/lang",
        params={"to": "ru", "back": "//evil.example/"},
        timeout=10,
        allow_redirects=False,
    )
    assert away.headers["location"] == "/admin/"


def test_the_admin_commands_take_the_password_from_stdin_only(
    office_db: OfficeDB, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(office_db.engine.url.database)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert office_main(["--db", url, "admin-add", "Анна Офис", "--role", "support"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert office_main(["--db", url, "admin-add", "Другой", "--role", "owner"]) == 1
    with pytest.raises(SystemExit):
        office_main(["--db", url, "admin-add", "X", "--role", "root"])
    assert office_main(["--db", url, "admin-list"]) == 0
    out = capsys.readouterr()
    assert "Анна Офис\tsupport\tactive" in out.out and "Другой" not in out.out
    assert "10 to 256 characters" in out.err
    with office_db.read() as conn:
        stored = conn.execute(select(admin_accounts.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
