"""Dated program versions, after a review: a version published from the command line
while another waits would have been replaced by the older one at its date; the nightly
window job ran on the previous program when no till had pulled since the date; the
simulator and the editor answered 500 to numbers the rules cannot count; feedback points
without bound reached the tills."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from adminkit import add_admin, log_in

from common.clock import FixedClock
from office import admin, program_schedule, programs, window
from office.admin import AdminError
from office.db import OfficeDB
from office.server import OfficeServer
from terminal.loyalty import Program, ProgramError

pytestmark = pytest.mark.integration
START = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _current(db: OfficeDB) -> Program:
    with db.read() as conn:
        found = programs.current(conn)
    assert found is not None
    return found


def _wait_one(db: OfficeDB, days: int) -> int:
    draft = _current(db)
    later = Program.from_dict({**draft.to_dict(), "feedback_points": "51"})
    assert not program_schedule.save(db, (1, "owner"), later, START + timedelta(days=days))
    with db.read() as conn:
        (waiting,) = [v for v in program_schedule.history(conn) if v.published_at is None]
    return waiting.version


def test_a_version_from_the_command_line_is_refused_while_another_waits(
    office_db: OfficeDB,
) -> None:
    office_db.clock = FixedClock(START)
    _wait_one(office_db, 30)
    body = {**_current(office_db).to_dict(), "version": 99}
    with pytest.raises(AdminError, match="waits for its date"):
        admin.set_program(office_db, body)
    assert _current(office_db).version != 99


def test_the_nightly_job_publishes_a_version_whose_date_has_come(office_db: OfficeDB) -> None:
    clock = FixedClock(START)
    office_db.clock = clock
    version = _wait_one(office_db, 2)
    clock.advance(timedelta(days=2, minutes=1))  # no till has pulled since
    window.nightly(office_db)
    assert _current(office_db).version == version


def test_numbers_the_rules_cannot_count_are_refused_not_failed(office_db: OfficeDB) -> None:
    office_db.clock = FixedClock(START)
    add_admin(office_db, "viewer", "read_only")
    with OfficeServer(office_db) as server:
        web, _ = log_in(server.url, "viewer")
        for amount in ("NaN", "1e30", "Infinity"):
            page = web.get(
                f"{server.url}/admin/program",
                params={"sim_tier": "bronze", "sim_amount": amount},
                timeout=10,
            )
            assert page.status_code == 200, amount
    with pytest.raises(ProgramError, match="must be <= 100000"):
        Program.from_dict({**_current(office_db).to_dict(), "feedback_points": "1E+30"})
