"""The rolling spend window ages at the office, nightly (office/window.py), on SQLite and
on a real PostgreSQL, with real tills over HTTP: a member whose purchases leave the window
drops a tier and the till pulling the feed sees it; a return goes with its purchase; a
second run changes nothing; a run killed half-way resumes; the job's figure is the sum
over the window. And the overdrawn members' listing."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from officekit import Terminal, checkout, result_of
from opkit import office_member, purchase, return_of, text

from office import __main__ as office_cli
from office import admin, entities, feed, ledger, programs, window
from office.db import OfficeDB
from office.overdrawn import mask_name, overdrawn
from sync.protocol import OpStatus
from terminal.loyalty import Money, SpendBasis, standard_program, tier_for

pytestmark = pytest.mark.integration

_ids = itertools.count(900_000_001)


def window_program(db: OfficeDB, days: int = 30) -> None:
    """The standard program's tiers by a rolling window of ``days`` days, a new version."""
    with db.read() as conn:
        current = programs.current(conn)
    version = (current.version if current else 0) + 1
    program = dataclasses.replace(
        standard_program(), version=version, spend_basis=SpendBasis.WINDOW, window_days=days
    )
    admin.set_program(db, program.to_dict())


def new_member(db: OfficeDB) -> tuple[int, int]:
    """A member of the office with no spend and one card: (member id, card id)."""
    member = next(_ids)
    admin.add_member(db, id=member, full_name="Окно Тестовое", address_as="Тест")
    admin.add_card(db, id=member, uid=f"{member:014X}", member_id=member)
    return member, member


def push(t: Terminal, *ops: dict[str, Any]) -> list[Any]:
    with t.client() as client:
        results, _ = client.push([text(o) for o in ops])
    assert [r.status for r in results] == [OpStatus.APPLIED] * len(ops), results
    return results


def window_of(db: OfficeDB, member: int) -> int:
    return int(office_member(db, member)["window_spend_minor"])


def cached_window(t: Terminal, member: int) -> int:
    with t.db.read() as conn:
        return int(
            conn.exec_driver_sql(
                "SELECT window_spend_minor FROM members WHERE id = ?", (member,)
            ).scalar_one()
        )


def tier_code(db: OfficeDB, spend_minor: int) -> str:
    with db.read() as conn:
        program = programs.current(conn)
    assert program is not None
    return tier_for(program, Money.from_minor(spend_minor)).code


def head(db: OfficeDB) -> int:
    with db.read() as conn:
        return feed.current_seq(conn)


def test_purchases_leave_the_window_the_member_drops_a_tier_and_the_till_sees_it(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    db, till = office_db_any, terminal_any
    window_program(db, days=30)
    member, card = new_member(db)
    old = purchase(db, member, card, 4_000_000, day="2026-10-01")  # 40,000.00: silver
    push(till, old)
    recent = purchase(db, member, card, 100_000, day="2026-11-20")
    push(till, recent)
    kept, total = (
        recent["spend_delta_minor"],
        old["spend_delta_minor"] + recent["spend_delta_minor"],
    )
    assert window_of(db, member) == total
    till.sync()
    assert cached_window(till, member) == total
    assert tier_code(db, total) == "silver"

    done = window.nightly(db, date(2026, 11, 25))  # the window: 2026-10-27 to 11-25
    assert done is not None and done.start == "2026-10-27"
    assert (done.changed, done.tier_down, done.tier_up) == (1, 1, 0)
    assert window_of(db, member) == kept
    assert office_member(db, member)["lifetime_spend_minor"] == total  # never ages

    # The till has not pulled yet: it quotes on the silver figures it had. An honest
    # past view: the office applies it (what the ageing took off is its allowance).
    sale = checkout(till, card, "500")
    till.sync()
    assert result_of(till.db, sale)["status"] == "applied", result_of(till.db, sale)
    office_now = window_of(db, member)
    assert office_now > kept  # the sale's spend, on the aged window
    assert cached_window(till, member) == office_now  # the feed brought the new figures
    assert tier_code(db, cached_window(till, member)) == "bronze"

    # The same day again: nothing changes, nothing is published.
    before = head(db)
    again = window.nightly(db, date(2026, 11, 25))
    assert again is not None and again.changed == 0
    assert head(db) == before and window_of(db, member) == office_now


def test_a_return_inside_the_window_subtracts_and_leaves_with_its_purchase(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    db, till = office_db_any, terminal_any
    window_program(db, days=30)
    member, card = new_member(db)
    early = purchase(db, member, card, 1_000_000, day="2026-10-01")
    push(till, early)
    late = purchase(db, member, card, 600_000, day="2026-11-10")
    push(till, late)
    back = return_of(db, late, 200_000)  # 2,000.00 of the 6,000.00 back
    push(till, back)
    push(till, return_of(db, early))  # all of the early one back, weeks later
    taken = -back["spend_delta_minor"]
    assert 0 < taken <= 200_000
    bought = late["spend_delta_minor"]
    assert window_of(db, member) == bought - taken  # the ledger took both returns off

    assert window.nightly(db, date(2026, 11, 25)) is not None  # the early purchase out:
    # with its return, so the window is the late purchase less what came back of it
    assert window_of(db, member) == bought - taken
    window.nightly(db, date(2026, 12, 31))  # now the late one is out too, with its return
    assert window_of(db, member) == 0
    window.nightly(db, date(2026, 11, 12))  # an earlier day (a run by hand): back again
    assert window_of(db, member) == bought - taken
    till.sync()
    assert cached_window(till, member) == bought - taken


def test_a_run_killed_half_way_resumes_and_ages_each_member_once(
    terminal_any: Terminal, office_db_any: OfficeDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, till = office_db_any, terminal_any
    window_program(db, days=10)
    people = [new_member(db) for _ in range(3)]
    for member, card in people:
        push(till, purchase(db, member, card, 300_000, day="2026-11-01"))
    spent = window_of(db, people[0][0])
    real = window._write
    writes: list[int] = []

    def dies_after_one(*args: Any, **kw: Any) -> tuple[int, int, int]:
        if writes:
            raise KeyboardInterrupt  # killed between two batches
        writes.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(window, "_write", dies_after_one)
    with pytest.raises(KeyboardInterrupt):
        window.nightly(db, date(2026, 11, 20), batch=1)
    assert [window_of(db, m) for m, _ in people] == [0, spent, spent]
    monkeypatch.setattr(window, "_write", real)
    before = head(db)
    done = window.nightly(db, date(2026, 11, 20), batch=1)
    assert done is not None and done.resumed and done.changed == 2
    assert [window_of(db, m) for m, _ in people] == [0, 0, 0]
    assert head(db) == before + 2  # one change for each member not done before


_days = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 3))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    sales=st.lists(
        st.tuples(_days, st.integers(1, 500_000), st.integers(0, 100)), min_size=1, max_size=6
    ),
    runs=st.lists(st.tuples(_days, st.integers(1, 120)), min_size=1, max_size=4),
)
def test_the_figure_after_each_run_is_the_sum_over_the_window(
    office_db: OfficeDB,
    sales: list[tuple[date, int, int]],
    runs: list[tuple[date, int]],
) -> None:
    """Purchases on random days, some partly returned; runs on random days (in any
    order) with random windows: the window spend is what the operations with a day in
    the window add up to, a return counted on its purchase's day."""
    db = office_db
    tid = _terminal(db)
    member, card = new_member(db)
    spend_by_day: list[tuple[date, int]] = []
    window_program(db, days=runs[0][1])
    for day, amount, back_pct in sales:
        sale = purchase(db, member, card, amount, day=day.isoformat())
        ops = [sale]
        spend = int(sale["spend_delta_minor"])
        if back_pct and amount * back_pct // 100:
            back = return_of(db, sale, amount * back_pct // 100)
            ops.append(back)
            spend += int(back["spend_delta_minor"])
        results = ledger.push(db, tid, ops)
        assert all(r.status is OpStatus.APPLIED for r in results), results
        spend_by_day.append((day, spend))
    for today, days in runs:
        window_program(db, days=days)
        window.nightly(db, today)
        start = window.window_start(today, days)
        assert window_of(db, member) == sum(s for d, s in spend_by_day if d >= start)


def _terminal(db: OfficeDB) -> int:
    from office import auth

    found = getattr(db, "_test_terminal", None)
    if found is None:
        code = auth.create_code(db, "property till")
        found = auth.enrol(db, code)[0].id
        db._test_terminal = found  # type: ignore[attr-defined]
    return int(found)


# --- overdrawn members --------------------------------------------------------------------


def test_overdrawn_members_are_listed_with_their_names_masked(
    office_db_any: OfficeDB, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    db = office_db_any
    before = {m.member_id for m in overdrawn(db)}
    member = next(_ids)
    admin.add_member(db, id=member, full_name="Петренко Олена", address_as="Олена")
    admin.add_member(db, id=member + 1, full_name="Коваль Ігор", address_as="Ігор")
    admin.add_card(db, id=member, number="2990000012349", member_id=member)
    with db.write() as conn:  # what an offline overdraft leaves
        row = entities.member_row(conn, member)
        assert row is not None
        entities.upsert_member(conn, db.now(), {**row, "balance_centi": -1_250})
    found = [m for m in overdrawn(db, page=2) if m.member_id not in before]
    assert [(m.member_id, m.name, m.balance_centi, m.cards) for m in found] == [
        (member, "П… (14)", -1_250, ("…2349",))
    ]
    assert mask_name("") == "—"


def test_the_commands_age_the_window_and_list_the_overdrawn(
    office_db: OfficeDB, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(office_db.engine.url)
    window_program(office_db, days=30)
    assert office_cli.main(["--db", url, "nightly", "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "window from 2026-10-27 to 2026-11-25: 0 members' window spend changed" in out
    assert office_cli.main(["--db", url, "overdrawn"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("members overdrawn")
