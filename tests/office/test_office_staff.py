"""Staff belong to the office (issue 12, points 1 and 2), on SQLite and PostgreSQL over
real HTTP: the staff commands and their feed changes, the snapshot's meta, every role
refusal at the push boundary, and the tills' audit logs kept once."""

from __future__ import annotations

import json

import pytest
from officekit import Terminal
from opkit import CASHIER_ID, SUPERVISOR_ID, member_with_card, office_member, op, purchase, text

from common.pins import pin_matches
from office import audit, staff
from office.__main__ import main as office_main
from office.admin import AdminError
from office.db import OfficeDB
from office.models import changes
from sync.protocol import STAFF_FIELDS, Entity

pytestmark = pytest.mark.integration


def _staff_changes(db: OfficeDB) -> list[tuple[str, object]]:
    with db.read() as conn:
        rows = conn.execute(
            changes.select().where(changes.c.entity == Entity.STAFF.value).order_by(changes.c.seq)
        ).all()
    return [(r.key, None if r.data is None else json.loads(r.data)) for r in rows]


def test_the_staff_commands_make_change_and_deactivate_staff_and_publish_each_change(
    office_db_any: OfficeDB, capsys: pytest.CaptureFixture[str]
) -> None:
    db = office_db_any
    url = str(db.engine.url.render_as_string(hide_password=False))
    before = len(_staff_changes(db))
    argv = ["--db", url, "staff"]
    add = ["add", "--name", "Олена Нова", "--role", "cashier", "--pin", "2468"]
    assert office_main([*argv, *add, "--tills", "3,4", "--card", "04c0ffee0000aa"]) == 0
    new_id = int(capsys.readouterr().out.strip())
    person = staff.list_staff(db)[-1]
    assert (person.id, person.name, person.role, person.tills) == (
        new_id,
        "Олена Нова",
        "cashier",
        (3, 4),
    )
    assert person.cards == ("04C0FFEE0000AA",) and person.active
    assert person.pin_hash is not None and "2468" not in person.pin_hash
    assert pin_matches("2468", person.pin_hash) and not pin_matches("2469", person.pin_hash)

    assert (
        office_main(
            [*argv, "set", str(new_id), "--role", "supervisor", "--pin", "246810", "--tills", "all"]
        )
        == 0
    )
    assert office_main([*argv, "add-card", str(new_id), "04C0FFEE0000BB"]) == 0
    assert office_main([*argv, "remove-card", str(new_id), "04C0FFEE0000AA"]) == 0
    assert office_main([*argv, "deactivate", str(new_id)]) == 0
    assert office_main([*argv, "list"]) == 0
    listed = capsys.readouterr().out
    assert "Олена Нова\tsupervisor\tall tills\tdeactivated" in listed and "2468" not in listed

    published = _staff_changes(db)[before:]
    assert [key for key, _ in published] == [str(new_id)] * 5  # add, set, 2 cards, deactivate
    last = dict(zip(STAFF_FIELDS, published[-1][1], strict=True))  # type: ignore[arg-type]
    assert last["role"] == "supervisor" and last["tills"] is None
    assert last["cards"] == ["04C0FFEE0000BB"] and last["active"] is False

    # A bad role, a PIN that is no PIN, another person's card: refused, nothing published.
    with pytest.raises(SystemExit):
        office_main([*argv, "add", "--name", "X", "--role", "it"])
    capsys.readouterr()
    with pytest.raises(AdminError, match="PIN"):
        staff.add(db, "Без Пина", "cashier", pin="12")
    with pytest.raises(AdminError, match="staff card of staff member"):
        staff.add_card(db, SUPERVISOR_ID, "04C0FFEE0000BB")
    assert len(_staff_changes(db)) == before + 5


def test_the_snapshot_meta_carries_every_member_of_staff(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    gone = staff.add(office_db_any, "Ушедший", "cashier", pin="1357")
    staff.deactivate(office_db_any, gone)
    with terminal_any.client() as client:
        meta = client.snapshot("meta").body
    rows = {r[0]: dict(zip(STAFF_FIELDS, r, strict=True)) for r in meta["staff"]}
    assert rows[SUPERVISOR_ID]["role"] == "supervisor" and rows[CASHIER_ID]["role"] == "cashier"
    assert rows[gone]["active"] is False


# --- every role checked at the office ---------------------------------------------------


def _push(t: Terminal, body: dict[str, object]) -> tuple[str, str | None]:
    with t.client() as client:
        [result], _ = client.push([text(body)])
    return result.status.value, result.code


def test_an_adjustment_of_ten_trillion_points_with_no_staff_id_is_rejected(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    attack = op(member, card, 10**15, staff_id=None)  # +10^13 points, in hundredths
    assert _push(terminal_any, attack) == ("rejected", "role_required")
    assert office_member(office_db_any, member)["balance_centi"] == balance


@pytest.mark.parametrize(
    ("who", "code"),
    [
        ("unknown", "unknown_staff"),
        ("inactive", "staff_inactive"),
        ("elsewhere", "staff_not_here"),
        ("cashier", "role_required"),
    ],
)
def test_an_operation_in_the_name_of_staff_who_may_not_do_it_is_rejected(
    terminal_any: Terminal, office_db_any: OfficeDB, who: str, code: str
) -> None:
    db = office_db_any
    member, card, balance = member_with_card(db)
    here = terminal_any.creds.terminal_id
    staff_id = {
        "unknown": 999_999,
        "inactive": staff.deactivate(db, staff.add(db, "Был", "supervisor", pin="123456")).id,
        "elsewhere": staff.add(db, "Не тут", "supervisor", pin="123456", tills=(here + 1,)),
        "cashier": CASHIER_ID,
    }[who]
    assert _push(terminal_any, op(member, card, 500, staff_id=staff_id)) == ("rejected", code)
    assert office_member(db, member)["balance_centi"] == balance
    # The same operation by a supervisor who may work here applies.
    allowed = staff.add(db, "Можно", "supervisor", pin="123456", tills=(here,))
    assert _push(terminal_any, op(member, card, 500, staff_id=allowed))[0] == "applied"
    assert office_member(db, member)["balance_centi"] == balance + 500


def test_a_purchase_needs_no_staff_id_but_one_it_names_is_checked(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, _ = member_with_card(office_db_any)
    assert _push(terminal_any, purchase(office_db_any, member, card, 100_00, staff_id=None)) == (
        "applied",
        None,
    )
    assert _push(terminal_any, purchase(office_db_any, member, card, 100_00, staff_id=4242)) == (
        "rejected",
        "unknown_staff",
    )
    assert _push(
        terminal_any, purchase(office_db_any, member, card, 100_00, staff_id=CASHIER_ID)
    ) == (
        "applied",
        None,
    )


# --- the tills' audit logs ------------------------------------------------------------


@pytest.mark.expected_log(r"audit events refused")
def test_audit_events_are_kept_once_by_terminal_and_id(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    at = "2026-12-02T10:00:00"
    login = {"id": 1, "at": at, "staff_id": 1, "action": "login", "target": None, "details": {}}
    lifted = {"id": 2, "at": at, "staff_id": 2, "action": "lockout_lifted", "target": "1"}
    lifted["details"] = {"failed_pins": 5}
    too_long = {"id": 3, "at": at, "action": "x" * 100}  # refused alone
    events = [login, lifted, too_long]
    with terminal_any.client() as client:
        first = client.push_audit(events).body
        again = client.push_audit(events[:2]).body
    assert (first["stored"], first["duplicates"], first["last"]) == (2, 0, 3)
    assert [r["id"] for r in first["refused"]] == [3]
    assert (again["stored"], again["duplicates"]) == (0, 2)
    kept = audit.events_of(office_db_any, terminal_any.creds.terminal_id)
    assert [(e["event_id"], e["action"]) for e in kept] == [(1, "login"), (2, "lockout_lifted")]
    assert json.loads(kept[1]["details"]) == {"failed_pins": 5}
