"""The admin web app's gifts and staff (issue 15, point 2) over real HTTP against a real
office, followed by a real till: a gift added or changed in the browser's forms reaches
the till's catalogue through the feed; staff added there log in at the till with their
PIN, a new PIN replaces the old one; per-field errors; roles and CSRF refused; the audit
rows name the change and never the PIN."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from adminkit import add_admin, csrf_of, log_in
from officekit import Terminal, enrolled_terminal
from sqlalchemy import select

from common import pins
from common.clock import FixedClock
from office import admin, admin_gifts, audit, staff
from office import admin_staff_changes as admin_staff
from office.admin_texts import TEXTS
from office.db import OfficeDB
from office.server import OfficeServer
from sync import credentials
from terminal.services.errors import ServiceError
from terminal.services.staff import Role, StaffMember
from terminal.services.staff import log_in as till_log_in
from terminal.services.till import Till
from terminal.store.schema import gifts as till_gifts

pytestmark = pytest.mark.integration
CLOCK = FixedClock(datetime(2026, 12, 3, 10, 0, tzinfo=UTC))
PIN_A, PIN_B = "2468", "97531"


@pytest.fixture
def server(office_db: OfficeDB) -> Iterator[OfficeServer]:
    for name, role in (
        ("owner", "owner"),
        ("help", "support"),
        ("viewer", "read_only"),
        ("promo", "marketing"),
    ):
        add_admin(office_db, name, role)
    with OfficeServer(office_db) as office:
        yield office


@pytest.fixture
def till(server: OfficeServer, tmp_path: Path) -> Iterator[Terminal]:
    with enrolled_terminal(server, tmp_path / "till") as t:
        credentials.note_in_cache(t.db, t.creds)
        t.sync()
        yield t


def _post(web: requests.Session, url: str, page: str, **fields: str) -> requests.Response:
    """A form sent as a browser would: its CSRF token from the page it is on."""
    token = csrf_of(web.get(page, timeout=10).text)
    return web.post(url, data={"csrf": token, **fields}, timeout=10, allow_redirects=False)


def _gift(**fields: str) -> dict[str, str]:
    form = {
        "code": "COFFEE",
        "name_ru": "Кофе",
        "name_uk": "Кава",
        "name_en": "Coffee",
        "kind": "reward",
        "cost": "150.50",
        "active": "on",
    }
    return {k: v for k, v in {**form, **fields}.items() if v is not None}


def _till_gift(t: Terminal, code: str) -> dict[str, object] | None:
    with t.db.read() as conn:
        row = conn.execute(select(till_gifts).where(till_gifts.c.code == code)).first()
    return None if row is None else dict(row._mapping)


def _office_audit(db: OfficeDB, action_prefix: str) -> list[dict[str, object]]:
    rows = audit.events_of(db, audit.OFFICE)
    return [r for r in rows if str(r["action"]).startswith(action_prefix)]


def test_a_gift_added_and_changed_in_the_web_app_reaches_the_till_and_is_audited(
    server: OfficeServer, till: Terminal
) -> None:
    url, db = server.url, server.db
    web, _ = log_in(url, "promo")
    answer = _post(web, f"{url}/admin/gifts/new", f"{url}/admin/gifts/new", **_gift())
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == "/admin/gifts?saved=COFFEE"
    listed = web.get(f"{url}/admin/gifts", timeout=10).text
    assert 'id="gift-COFFEE"' in listed and "Coffee" in listed and "150.50" in listed
    till.sync()
    got = _till_gift(till, "COFFEE")
    assert got is not None
    assert (got["name"], got["kind"], got["points_cost_centi"], got["active"]) == (
        "Coffee",
        "reward",
        15050,
        True,
    )
    assert json.loads(str(got["names"])) == {"en": "Coffee", "ru": "Кофе", "uk": "Кава"}

    # the edit: a new cost, a new Ukrainian name, withdrawn (the code stays)
    page = f"{url}/admin/gifts/COFFEE"
    form = web.get(page, timeout=10).text
    assert 'value="Кава"' in form and 'value="150.50"' in form
    edited = _gift(code="IGNORED", name_uk="Кава з молоком", cost="99", active="")
    del edited["active"]
    answer = _post(web, page, page, **edited)
    assert answer.status_code == 303, answer.text
    till.sync()
    got = _till_gift(till, "COFFEE")
    assert got is not None and got["points_cost_centi"] == 9900 and got["active"] is False
    assert json.loads(str(got["names"]))["uk"] == "Кава з молоком"
    assert _till_gift(till, "IGNORED") is None

    added, changed = _office_audit(db, "gift_add"), _office_audit(db, "gift_edit")
    assert [r["target"] for r in added] == ["gift:COFFEE"]
    assert [r["target"] for r in changed] == ["gift:COFFEE"]
    details = json.loads(str(changed[0]["details"]))
    assert details["admin"] == "promo"
    assert details["before"]["points_cost_centi"] == 15050 and details["before"]["active"]
    assert details["after"]["points_cost_centi"] == 9900 and not details["after"]["active"]
    # saved again unchanged: no audit row
    again = _post(web, page, page, **edited)
    assert again.status_code == 303
    assert len(_office_audit(db, "gift_edit")) == 1


def test_a_gift_with_a_missing_name_or_a_bad_cost_is_refused_field_by_field(
    server: OfficeServer,
) -> None:
    url, db = server.url, server.db
    web, _ = log_in(url, "owner")
    web.cookies.set("office_lang", "uk", path="/admin")
    page = f"{url}/admin/gifts/new"
    answer = _post(web, page, page, **_gift(name_uk="  ", cost="1.234"))
    assert answer.status_code == 400
    assert 'id="error-name_uk"' in answer.text and 'id="error-cost"' in answer.text
    assert 'id="error-name_ru"' not in answer.text
    assert TEXTS[admin_gifts.FIELD_ERRORS["name"]]["uk"] in answer.text
    assert 'value="Кофе"' in answer.text  # what was typed is kept
    answer = _post(web, page, page, **_gift(code="кава"))
    assert answer.status_code == 400 and 'id="error-code"' in answer.text
    with db.read() as conn:
        assert admin.gift_row(conn, "COFFEE") is None
    assert _office_audit(db, "gift") == []
    # a code that is taken: refused, the gift unchanged
    assert _post(web, page, page, **_gift()).status_code == 303
    answer = _post(web, page, page, **_gift(cost="1"))
    assert answer.status_code == 400 and 'id="error-code"' in answer.text
    with db.read() as conn:
        kept = admin.gift_row(conn, "COFFEE")
    assert kept is not None and kept["points_cost_centi"] == 15050


def _staff_id(answer: requests.Response) -> int:
    assert answer.status_code == 303, answer.text
    found = re.fullmatch(r"/admin/staff/(\d+)\?saved=added", answer.headers["location"])
    assert found, answer.headers["location"]
    return int(found.group(1))


def test_staff_added_in_the_web_app_log_in_at_a_till_and_a_new_pin_replaces_the_old(
    server: OfficeServer, till: Terminal
) -> None:
    url, db = server.url, server.db
    web, _ = log_in(url, "help")
    page = f"{url}/admin/staff/new"
    fields = {"name": "Олена Касирка", "role": "cashier", "tills": "all", "card": ""}
    answer = _post(web, page, page, **fields, pin=PIN_A, pin2="2469")
    assert answer.status_code == 400 and 'id="error-pin2"' in answer.text
    assert PIN_A not in answer.text  # a PIN typed is never sent back
    answer = _post(web, page, page, **fields, pin="12", pin2="12")
    assert answer.status_code == 400 and 'id="error-pin"' in answer.text
    olena = _staff_id(_post(web, page, page, **fields, pin=PIN_A, pin2=PIN_A))
    listed = web.get(f"{url}/admin/staff", timeout=10).text
    assert f'id="staff-{olena}"' in listed and "Олена Касирка" in listed

    till.sync()
    unit = Till(till.db, CLOCK).unit()
    assert till_log_in(unit, olena, PIN_A) == StaffMember(olena, "Олена Касирка", Role.CASHIER)

    # a new PIN, a staff card, made a supervisor (with a supervisor's PIN)
    member = f"{url}/admin/staff/{olena}"
    answer = _post(web, f"{member}/pin", member, pin=PIN_B, pin2=PIN_B)
    assert answer.headers["location"] == f"/admin/staff/{olena}?saved=pin"
    answer = _post(web, f"{member}/cards/add", member, uid="04c0ffee000002")
    assert answer.status_code == 303
    shown = web.get(member, timeout=10)
    assert "04C0FFEE000002" in shown.text and PIN_B not in shown.text
    assert "$argon2" not in shown.text
    refused = _post(web, f"{member}/edit", member, name="Олена", role="supervisor", tills="all")
    assert refused.status_code == 400 and 'id="error-pin"' in refused.text
    done = _post(
        web,
        f"{member}/edit",
        member,
        name="Олена",
        role="supervisor",
        tills="all",
        active="on",
        pin="135791",
        pin2="135791",
    )
    assert done.status_code == 303
    till.sync()
    unit = Till(till.db, CLOCK).unit()
    with pytest.raises(ServiceError):
        till_log_in(unit, olena, PIN_A)
    assert till_log_in(unit, olena, "135791") == StaffMember(olena, "Олена", Role.SUPERVISOR)
    with db.read() as conn:
        stored = staff.get(conn, olena)
    assert stored is not None and stored.cards == ("04C0FFEE000002",)
    assert stored.pin_hash is not None and pins.pin_matches("135791", stored.pin_hash)

    # deactivated: no more log-ins at the till
    assert _post(web, f"{member}/deactivate", member).status_code == 303
    till.sync()
    with pytest.raises(ServiceError):
        till_log_in(Till(till.db, CLOCK).unit(), olena, "135791")

    rows = _office_audit(db, "staff_")
    assert [r["action"] for r in rows] == [
        "staff_add",
        "staff_pin_reset",
        "staff_card_add",
        "staff_edit",
        "staff_deactivate",
    ]
    assert all(r["target"] == f"staff:{olena}" for r in rows)
    for row in rows:
        text = str(row["details"])
        for secret in (PIN_A, PIN_B, "135791", "argon2", "pin_hash"):
            assert secret not in text, (row["action"], secret)
    reset = json.loads(str(rows[1]["details"]))
    assert reset["pin_changed"] is True and reset["admin"] == "help"
    assert json.loads(str(rows[4]["details"]))["after"]["active"] is False


def test_roles_that_may_not_are_refused_and_a_form_without_its_token_changes_nothing(
    server: OfficeServer,
) -> None:
    url, db = server.url, server.db
    before = staff.list_staff(db)
    viewer, _ = log_in(url, "viewer")
    for page in ("/admin/gifts/new", "/admin/staff/new"):
        assert viewer.get(f"{url}{page}", timeout=10).status_code == 403
    home = f"{url}/admin/gifts"  # a page they may see, for a CSRF token
    assert viewer.get(home, timeout=10).status_code == 200
    refused = _post(viewer, f"{url}/admin/gifts/new", home, **_gift())
    assert refused.status_code == 403 and 'id="refused"' in refused.text
    refused = _post(
        viewer, f"{url}/admin/staff/new", home, name="X", role="cashier", tills="all", pin=PIN_A
    )
    assert refused.status_code == 403
    # marketing may change gifts, not staff; support staff, not gifts
    promo, _ = log_in(url, "promo")
    assert promo.get(f"{url}/admin/staff/new", timeout=10).status_code == 403
    someone = before[0].id
    answer = _post(promo, f"{url}/admin/staff/{someone}/deactivate", home)
    assert answer.status_code == 403
    help_, _ = log_in(url, "help")
    assert help_.get(f"{url}/admin/gifts/new", timeout=10).status_code == 403

    owner, _ = log_in(url, "owner")
    no_token = owner.post(f"{url}/admin/gifts/new", data=_gift(), timeout=10, allow_redirects=False)
    assert no_token.status_code == 403 and "out of date" in no_token.text
    wrong = owner.post(
        f"{url}/admin/staff/{someone}/deactivate",
        data={"csrf": "not the token"},
        timeout=10,
        allow_redirects=False,
    )
    assert wrong.status_code == 403
    with db.read() as conn:
        assert admin.gift_row(conn, "COFFEE") is None
    assert staff.list_staff(db) == before
    assert _office_audit(db, "gift") == [] and _office_audit(db, "staff") == []


def test_every_message_of_the_gift_and_staff_forms_is_translated() -> None:
    used = {*admin_gifts.FIELD_ERRORS.values(), admin_gifts.REFUSED, admin_staff.REFUSED}
    used |= {*admin_staff.FIELD_ERRORS.values(), *admin_staff.SAVED.values()}
    assert sorted(p for p in used if p not in TEXTS) == []


def test_a_staff_card_is_given_refused_when_taken_and_taken_back_and_unknowns_are_404(
    server: OfficeServer, till: Terminal
) -> None:
    url, db = server.url, server.db
    anna = staff.add(db, "Анна", "cashier", pin=PIN_A, tills=(till.creds.terminal_id,))
    petro = staff.add(db, "Петро", "cashier", pin=PIN_A, cards=["04AA00000000BB"])
    web, _ = log_in(url, "owner")
    member = f"{url}/admin/staff/{anna}"
    page = web.get(member, timeout=10).text
    assert 'id="known-tills"' in page and f"{till.creds.terminal_id} (till)" in page
    taken = _post(web, f"{member}/cards/add", member, uid="04aa00000000bb")
    assert taken.status_code == 400 and 'id="error-uid"' in taken.text
    bad = _post(web, f"{member}/cards/add", member, uid="not hex")
    assert bad.status_code == 400 and 'id="error-uid"' in bad.text
    assert _post(web, f"{member}/cards/add", member, uid="04BB00000000CC").status_code == 303
    till.sync()
    with db.read() as conn:
        assert staff.get(conn, anna).cards == ("04BB00000000CC",)  # type: ignore[union-attr]
        assert staff.get(conn, petro).cards == ("04AA00000000BB",)  # type: ignore[union-attr]
    gone = _post(web, f"{member}/cards/remove", member, uid="04BB00000000CC")
    assert gone.status_code == 303
    with db.read() as conn:
        assert staff.get(conn, anna).cards == ()  # type: ignore[union-attr]
    actions = [r["action"] for r in _office_audit(db, "staff_")]
    assert actions == ["staff_card_add", "staff_card_remove"]  # the refusals left none
    assert web.get(f"{url}/admin/staff/999999", timeout=10).status_code == 404
    assert web.get(f"{url}/admin/staff/abc", timeout=10).status_code == 404
    missing = web.get(f"{url}/admin/gifts/NO-SUCH", timeout=10)
    assert missing.status_code == 404 and "no gift with this code" in missing.text
