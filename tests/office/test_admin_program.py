"""The program's pages of the admin web app (issue 15, point 2) over real HTTP against a
real office: the program in words, a new version from the editor's fields (saved, in the
feed, audited), refused with the rules' own reason, refused to a read-only admin and
without the CSRF token; a version dated later reaches the feed only when its date has
come (the office's clock moved, no sleeps); the simulator's figures are the rules' quote;
one step in headless chromium (test_admin_browser.py's browser)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import requests
from adminkit import add_admin, csrf_of, log_in
from officekit import Terminal
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait
from test_admin_browser import _log_in, browser  # noqa: F401  (the fixture)

from common.clock import FixedClock
from office import admin, admin_program, audit, program_form, programs
from office.admin_texts import TEXTS, text
from office.db import OfficeDB
from office.server import OfficeServer
from terminal.loyalty import CardKind, CardState, CardTerms, MemberState, Money, quote
from terminal.store import queries

pytestmark = pytest.mark.integration
START = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock(office_db: OfficeDB) -> FixedClock:
    moved = FixedClock(START)
    office_db.clock = moved
    return moved


@pytest.fixture
def site(office_db: OfficeDB, clock: FixedClock) -> Iterator[OfficeServer]:
    for name, role in (("owner", "owner"), ("viewer", "read_only"), ("promo", "marketing")):
        add_admin(office_db, name, role)
    with OfficeServer(office_db) as server:
        yield server


def _current(db: OfficeDB) -> tuple[int, dict[str, object]]:
    with db.read() as conn:
        found = programs.current(conn)
    assert found is not None
    return found.version, found.to_dict()


def _form(web: requests.Session, url: str) -> dict[str, str]:
    """The editor's fields as the page fills them (the current version's)."""
    page = web.get(f"{url}/admin/program/edit", timeout=10)
    assert page.status_code == 200, page.text
    fields = dict(re.findall(r'<input name="([^"]+)" value="([^"]*)"', page.text))
    fields = {k: v.replace("&#39;", "'") for k, v in fields.items()}
    fields["csrf"] = csrf_of(page.text)
    fields["spend_basis"] = "lifetime"
    for box in ("birthday.on", "birthday.gift"):
        if f'name="{box}" id="{box.replace(".", "_")}" checked' in page.text:
            fields[box] = "on"
    return fields


def _audit_rows(db: OfficeDB) -> list[dict[str, object]]:
    return [e for e in audit.events_of(db, audit.OFFICE) if e["action"] == "program_version"]


def _program_changes(terminal: Terminal, cursor: str = "0") -> list[list[object]]:
    with terminal.client() as client:
        body = client.changes(cursor, 1000).body
    return [c for c in body["changes"] if c[1] == "program"]


def test_the_program_in_words_and_a_new_version_saved_audited_and_in_the_feed(
    office_db: OfficeDB, site: OfficeServer, terminal: Terminal
) -> None:
    version, before = _current(office_db)
    web, _ = log_in(site.url, "promo")
    page = web.get(f"{site.url}/admin/program", timeout=10)
    assert page.status_code == 200 and 'id="tiers"' in page.text
    assert "Gold" in page.text and f"version {version}" in page.text
    assert '<td class="num">10%</td>' in page.text  # platinum's, not "1E+1"
    fields = _form(web, site.url)
    assert fields["tiers[2].code"] == "gold"
    fields["tiers[2].discount_pct"] = "8"
    fields["confirm_above"] = "50000"
    answer = web.post(f"{site.url}/admin/program/edit", data=fields, timeout=10)
    assert answer.status_code == 200 and 'id="saved"' in answer.text, answer.text
    now, after = _current(office_db)
    assert now == version + 1
    assert after["confirm_above"] == "50000.00"
    assert [t["discount_pct"] for t in after["tiers"]][2] == "8"  # type: ignore[index]
    assert f'id="version-{now}"' in answer.text
    (row,) = _audit_rows(office_db)
    details = json.loads(str(row["details"]))
    assert details["admin"] == "promo" and details["before"]["version"] == version
    assert details["after"]["version"] == now and details["after"]["confirm_above"] == "50000.00"
    assert [c[3]["version"] for c in _program_changes(terminal)][-1] == now  # type: ignore[index]
    assert before["tiers"] != after["tiers"]


def test_a_tier_out_of_order_is_refused_with_the_rules_reason_in_each_language(
    office_db: OfficeDB, site: OfficeServer
) -> None:
    version, _ = _current(office_db)
    web, _ = log_in(site.url, "owner")
    fields = _form(web, site.url)
    fields["tiers[2].threshold"] = "20000"  # below silver's 30 000
    answer = web.post(f"{site.url}/admin/program/edit", data=fields, timeout=10)
    assert answer.status_code == 400
    reason = re.search(r'id="error-field">([^<]*)<', answer.text)
    assert reason and reason.group(1) == "must be greater than the tier before (30000.00)"
    # next to its own field: the gold row's threshold
    assert answer.text.index('id="error-field"') > answer.text.index('name="tiers[2].threshold"')
    assert answer.text.index('id="error-field"') < answer.text.index('name="tiers[2].discount_pct"')
    web.cookies.set("office_lang", "uk", path="/admin")
    fields["csrf"] = csrf_of(web.get(f"{site.url}/admin/program/edit", timeout=10).text)
    answer = web.post(f"{site.url}/admin/program/edit", data=fields, timeout=10)
    assert "має бути більше, ніж у попереднього рівня (30000.00)" in answer.text
    fields["tiers[2].threshold"] = "lots"
    answer = web.post(f"{site.url}/admin/program/edit", data=fields, timeout=10)
    assert answer.status_code == 400 and "має бути сумою грошей" in answer.text
    assert _current(office_db)[0] == version and _audit_rows(office_db) == []


def test_a_read_only_admin_and_a_form_without_its_token_are_refused(
    office_db: OfficeDB, site: OfficeServer
) -> None:
    version, _ = _current(office_db)
    owner, _ = log_in(site.url, "owner")
    fields = _form(owner, site.url)
    viewer, _ = log_in(site.url, "viewer")
    assert viewer.get(f"{site.url}/admin/program", timeout=10).status_code == 200
    assert viewer.get(f"{site.url}/admin/program/edit", timeout=10).status_code == 403
    fields["csrf"] = csrf_of(viewer.get(f"{site.url}/admin/", timeout=10).text)
    answer = viewer.post(f"{site.url}/admin/program/edit", data=fields, timeout=10)
    assert answer.status_code == 403 and 'id="refused"' in answer.text
    assert 'id="new-version"' not in viewer.get(f"{site.url}/admin/program", timeout=10).text
    without = {k: v for k, v in fields.items() if k != "csrf"}
    answer = owner.post(f"{site.url}/admin/program/edit", data=without, timeout=10)
    assert answer.status_code == 403 and "out of date" in answer.text
    assert _current(office_db)[0] == version and _audit_rows(office_db) == []


def test_a_version_dated_later_reaches_the_feed_only_when_its_date_has_come(
    office_db: OfficeDB, site: OfficeServer, terminal: Terminal, clock: FixedClock
) -> None:
    version, _ = _current(office_db)
    with terminal.client() as client:
        start = client.snapshot("meta").body["as_of"]
    web, _ = log_in(site.url, "promo")
    fields = _form(web, site.url)
    fields["tiers[0].earn_pct"] = "4"
    fields["effective_at"] = "2027-01-01 00:00"
    answer = web.post(f"{site.url}/admin/program/edit", data=fields, timeout=10)
    assert answer.status_code == 200 and "waiting for its date" in answer.text
    assert _current(office_db)[0] == version and len(_audit_rows(office_db)) == 1
    with pytest.raises(admin.AdminError, match="waits for its date"):  # its number is taken
        admin.set_program(office_db, {**_current(office_db)[1], "version": version + 1})
    sim = {"sim_tier": "bronze", "sim_amount": "1000", "sim_date": "2027-01-02"}
    page = web.get(f"{site.url}/admin/program", params=sim, timeout=10)
    assert "+29<" in page.text.split('id="sim-1"')[1].split("</section>")[0]  # bronze: 3% of 970
    assert "+38<" in page.text.split('id="sim-2"')[1].split("</section>")[0]  # the next: 4%
    fields["effective_at"] = "2026-12-20"  # before the one waiting: refused
    fields["csrf"] = csrf_of(page.text)
    answer = web.post(f"{site.url}/admin/program/edit", data=fields, timeout=10)
    assert answer.status_code == 400 and "already waiting" in answer.text
    clock.advance(datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC) - START)
    assert _program_changes(terminal, start) == []
    with terminal.client() as client:
        assert client.snapshot("meta").body["program"]["version"] == version
    terminal.sync()
    with terminal.db.read() as conn:
        assert queries.active_program_body(conn)["version"] == version  # type: ignore[index]
    clock.advance(timedelta(seconds=1))  # 2027-01-01 00:00, its date
    (change,) = _program_changes(terminal, start)
    assert change[3]["version"] == version + 1  # type: ignore[index]
    assert change[3]["body"]["tiers"][0]["earn_pct"] == "4"  # type: ignore[index]
    with terminal.client() as client:
        assert client.snapshot("meta").body["program"]["version"] == version + 1
    terminal.sync()  # the till itself, through the feed
    with terminal.db.read() as conn:
        assert queries.active_program_body(conn)["version"] == version + 1  # type: ignore[index]
    web, _ = log_in(site.url, "viewer")  # (the session of a month ago has ended)
    page = web.get(f"{site.url}/admin/program", timeout=10)
    assert "waiting for its date" not in page.text and "2027-01-01 00:00 UTC" in page.text


def test_the_simulator_shows_the_rules_own_quote_for_the_current_and_the_draft(
    office_db: OfficeDB, site: OfficeServer
) -> None:
    with office_db.read() as conn:
        current = programs.current(conn)
    assert current is not None
    web, _ = log_in(site.url, "owner")
    fields = _form(web, site.url)
    fields["tiers[2].discount_pct"] = "12"
    day = date(2026, 12, 3)
    sim = {"sim_tier": "gold", "sim_amount": "2500", "sim_date": day.isoformat()}
    fields.update(sim, sim_birthday="on", action="try")
    answer = web.post(f"{site.url}/admin/program/edit", data=fields, timeout=10)
    assert answer.status_code == 200 and 'id="simulation"' in answer.text
    draft = program_form.build(current, fields)
    for n, program in ((1, current), (2, draft)):
        gold = next(t for t in program.tiers if t.code == "gold")
        member = MemberState(gold.threshold, gold.threshold, 0, Decimal(0), day, None)
        card = CardTerms(CardKind.PERSONAL, CardState.ACTIVE)
        q = quote(program, card, member, Money.of(2500), day)
        column = answer.text.split(f'id="sim-{n}"')[1].split("</section>")[0]
        assert f'class="sim-discount">{q.discount} (' in column
        assert f'class="sim-paid">{q.paid}<' in column
        assert f'class="sim-points">{q.points_earned.normalize():f}<' in column
        lines = re.findall(r"<li>([^<]*)</li>", column)
        assert lines == [line.text for line in q.lines]  # the till's own words, in English
    assert "12%" in answer.text.split('id="sim-2"')[1] and _audit_rows(office_db) == []
    page = web.get(f"{site.url}/admin/program", params=sim, timeout=10)
    assert 'id="sim-1"' in page.text and 'id="sim-2"' not in page.text  # nothing waiting


def test_every_phrase_of_the_program_pages_and_every_line_is_translated() -> None:
    used = {*program_form.REASONS, *admin_program.LINE_TEXTS.values()}
    used |= {program_form.NOT_A_NUMBER, program_form.NOT_WHOLE, program_form.NOT_MONEY}
    used |= {program_form.NOT_A_DATE, program_form.TIER_UNKNOWN, admin_program.NO_PROGRAM}
    used |= {admin_program.LATER_THAN_WAITING, "Current version", "Next version", "Draft"}
    used |= {word for pair in admin_program.SOURCES.values() for word in pair}
    template = (admin_program.__file__.rsplit("/", 1)[0]) + "/templates/program_edit.html"
    with open(template, encoding="utf-8") as f:
        used |= set(re.findall(r'box\("[^"]+", "([^"]+)"\)', f.read()))
    assert sorted(p for p in used if p not in TEXTS) == []
    assert text("ru", "must be at least {n}", n="1") == "должно быть не меньше 1"


def test_a_version_made_in_the_browser_is_listed(
    office_db: OfficeDB,
    site: OfficeServer,
    browser: WebDriver,  # noqa: F811
) -> None:
    version, _ = _current(office_db)
    _log_in(browser, site.url, "promo")
    browser.get(f"{site.url}/admin/program")
    browser.find_element(By.ID, "new-version").click()
    field = browser.find_element(By.NAME, "tiers[1].discount_pct")
    field.clear()
    field.send_keys("6")
    browser.find_element(By.ID, "save").click()
    saved = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.ID, "saved"))
    )
    assert saved.text == "Saved."
    row = browser.find_element(By.ID, f"version-{version + 1}")
    assert "current" in row.text
    assert _current(office_db)[1]["tiers"][1]["discount_pct"] == "6"  # type: ignore[index]
