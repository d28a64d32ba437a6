"""The admin web app's reports (issue 15, point 5) over real HTTP against a real office on
SQLite and on PostgreSQL: real enrolled tills check out and push, then each report's
figures are the ones the tills recorded, the CSV is the table, the period is bounded, a
read-only admin reads them, and the chart has a bar per day with its store's name
escaped. The office's clock is a FixedClock the tests move (no sleeps)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests
from adminkit import add_admin, log_in
from officekit import Terminal, checkout, enrolled_terminal
from opkit import member_with_card, op, text
from sqlalchemy import select

from common.clock import FixedClock
from office import admin, admin_reports, programs
from office.admin_texts import TEXTS
from office.admin_texts import text as said_in
from office.db import OfficeDB
from office.models import members
from office.report_queries import Period
from office.server import OfficeServer
from sync.protocol import OpStatus
from terminal.loyalty.money import Money, Rounding

pytestmark = pytest.mark.integration
STORE = "Main <St> & Co"
#: The checkouts' day (officekit.checkout's clock), inside a period of five days.
DAY = "2026-11-22"
PERIOD = "from=2026-11-20&to=2026-11-24"


@dataclass
class Shop:
    url: str
    db: OfficeDB
    clock: FixedClock
    busy: Terminal  # "Main <St> & Co / Till 1": checks out
    quiet: Terminal  # "Quiet till": sends what the office holds and rejects
    web: requests.Session  # a read-only admin, logged in


@pytest.fixture
def shop(office_db_any: OfficeDB, tmp_path: Path) -> Iterator[Shop]:
    db = office_db_any
    clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    db.clock = clock
    add_admin(db, "viewer", "read_only")
    with (
        OfficeServer(db) as server,
        enrolled_terminal(server, tmp_path / "a", f"{STORE} / Till 1") as busy,
        enrolled_terminal(server, tmp_path / "b", "Quiet till") as quiet,
    ):
        web, said = log_in(server.url, "viewer")
        assert said == "303 /admin/"
        yield Shop(server.url, db, clock, busy, quiet, web)


def _trade(shop: Shop) -> None:
    """Three checkouts at the busy till, one of them spending points; the quiet till
    sends a return of a sale the office never saw (held) and an unknown kind (rejected)."""
    shop.busy.sync()  # the program and the members first
    for skip, amount, spend in ((0, "500.00", None), (1, "1234.56", None), (2, "800.00", "5")):
        _, card, _ = member_with_card(shop.db, skip=skip)
        checkout(shop.busy, card, amount, spend)
    shop.busy.sync()
    member, card, _ = member_with_card(shop.db, skip=4)
    with shop.quiet.client() as client:
        results, _ = client.push(
            [
                text(op(member, card, -100, kind="return", reverses="never-sent")),
                text(op(member, card, 0, kind="teleport")),
            ]
        )
    assert [r.status for r in results] == [OpStatus.HELD, OpStatus.REJECTED]


def _till_ops(t: Terminal) -> list[dict[str, object]]:
    with t.db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT kind, status, staff_id, amount_minor, points_earned_centi, "
            "points_spent_centi, points_delta_centi FROM operations"
        ).all()
    return [dict(r._mapping) for r in rows]


class _Tables(HTMLParser):
    """The cells of the page's table ``#report``, header row first."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("id", "report") in attrs:
            self._in = True
        elif self._in and tag == "tr":
            self.rows.append([])
        elif self._in and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in = False
        elif self._in and tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _report(shop: Shop, key: str, query: str = PERIOD) -> tuple[list[list[str]], str]:
    """The report's table as the page shows it (and checked equal to its CSV), and the
    page."""
    page = shop.web.get(f"{shop.url}/admin/reports/{key}?{query}", timeout=10)
    assert page.status_code == 200, page.text
    parsed = _Tables()
    parsed.feed(page.text)
    got = shop.web.get(f"{shop.url}/admin/reports/{key}?{query}&format=csv", timeout=10)
    assert got.status_code == 200
    assert got.headers["content-type"] == "text/csv; charset=utf-8"
    assert got.headers["content-disposition"].startswith(f'attachment; filename="{key}-')
    assert got.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel reads UTF-8 by
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig"), newline="")))
    if parsed.rows:
        assert rows == parsed.rows
    else:
        assert len(rows) == 1  # the header alone
    return parsed.rows, page.text


def test_the_reports_show_what_the_tills_recorded(shop: Shop) -> None:
    _trade(shop)
    till = [o for o in _till_ops(shop.busy) if o["kind"] == "purchase"]
    assert len(till) == 3 and all(o["status"] == "acked" for o in till)
    assert any(int(str(o["points_spent_centi"])) > 0 for o in till)
    admin.add_member(
        shop.db, id=990_001, full_name="Over Drawn", address_as="O", balance_centi=-1234
    )

    index = shop.web.get(f"{shop.url}/admin/reports", timeout=10)
    assert index.status_code == 200
    assert all(f'href="/admin/reports/{k}"' in index.text for k in admin_reports.TITLES)
    missing = shop.web.get(f"{shop.url}/admin/reports/nothing", timeout=10)
    assert missing.status_code == 404 and "There is no such report." in missing.text

    # 1. the points liability
    with shop.db.read() as conn:
        balances = [
            int(b)
            for (b,) in conn.execute(select(members.c.balance_centi).where(~members.c.deleted))
        ]
        program = programs.current(conn)
    assert program is not None
    total = sum(balances)
    worth = Money.of(Decimal(total) / 100 * program.point_value, Rounding.HALF_UP)
    moved = sum(int(str(o["points_delta_centi"])) for o in till)
    rows, _ = _report(shop, "liability")
    assert rows[1:] == [
        ["Points balance of all members", f"{Decimal(total) / 100:.2f}"],
        ["Money per point", f"{program.point_value:f}"],
        ["Money value of the balance", str(worth)],
        ["Members overdrawn", str(sum(1 for b in balances if b < 0))],
        ["Their balances together", f"{Decimal(sum(b for b in balances if b < 0)) / 100:.2f}"],
        ["Balances moved in the period", f"{Decimal(moved) / 100:.2f}"],
    ]
    assert int(rows[4][1]) >= 1

    # 2. points earned and spent, per day and store
    earned = sum(int(str(o["points_earned_centi"])) for o in till)
    spent = sum(int(str(o["points_spent_centi"])) for o in till)
    rows, _ = _report(shop, "points")
    assert rows == [
        ["Day", "Store", "Points earned", "Points spent", "Balances moved"],
        [DAY, STORE, f"{Decimal(earned) / 100:.2f}", f"{Decimal(spent) / 100:.2f}",
         f"{Decimal(moved) / 100:.2f}"],
    ]  # fmt: skip

    # 3. operations by store, till, cashier and kind (only what was applied)
    staff_ids = {o["staff_id"] for o in till}
    assert len(staff_ids) == 1
    amount = sum(int(str(o["amount_minor"])) for o in till)
    rows, _ = _report(shop, "operations")
    assert rows[0] == ["Store", "Till", "Cashier", "Kind", "Count", "Amount"]
    assert [r[:2] + r[3:] for r in rows[1:]] == [
        [STORE, f"{STORE} / Till 1", "Purchase", "3", str(Money.from_minor(amount))]
    ]
    assert rows[1][2] != ""

    # 4. the tills: both seen now, what of the quiet one was held and rejected
    rows, _ = _report(shop, "tills")
    assert rows[0][:4] == ["Till", "Store", "Last seen", "Not seen for a day"]
    assert sorted(rows[1:]) == [
        [f"{STORE} / Till 1", STORE, "2026-11-23 09:00 UTC", "No", "0", "0"],
        ["Quiet till", "Quiet till", "2026-11-23 09:00 UTC", "No", "1", "1"],
    ]
    shop.clock.advance(timedelta(seconds=59))
    shop.quiet.sync()  # seen within the minute: not written again
    rows, _ = _report(shop, "tills")
    assert {r[0]: r[2] for r in rows[1:]}["Quiet till"] == "2026-11-23 09:00 UTC"
    shop.clock.advance(timedelta(days=1, seconds=1))
    shop.quiet.sync()  # seen again; the busy one is silent for more than a day
    shop.web, _ = log_in(shop.url, "viewer")  # (the session was idle for a day)
    rows, _ = _report(shop, "tills")
    assert rows[1:] == [
        [f"{STORE} / Till 1", STORE, "2026-11-23 09:00 UTC", "Yes", "0", "0"],
        ["Quiet till", "Quiet till", "2026-11-24 09:01 UTC", "No", "1", "1"],
    ]
    # a period that ends before the trade: nothing counted
    rows, page = _report(shop, "points", "from=2026-11-01&to=2026-11-21")
    assert rows == [] and 'id="empty"' in page


def test_the_chart_has_a_bar_per_day_and_escapes_the_store(shop: Shop) -> None:
    _trade(shop)
    _, page = _report(shop, "points")
    assert page.count("<svg") == 1  # one store traded
    assert page.count('<g class="day">') == 5
    assert "Main &lt;St&gt; &amp; Co" in page and STORE not in page
    assert "<script" not in page


def test_a_period_above_366_days_is_refused(shop: Shop) -> None:
    url = f"{shop.url}/admin/reports/operations"
    leap_year = shop.web.get(url, params={"from": "2024-01-01", "to": "2024-12-31"}, timeout=10)
    assert leap_year.status_code == 200
    for csv_too in ({}, {"format": "csv"}):
        long = shop.web.get(
            url, params={"from": "2024-01-01", "to": "2025-01-01", **csv_too}, timeout=10
        )
        assert long.status_code == 400
        assert "A report covers at most 366 days: choose a shorter period." in long.text
    backwards = shop.web.get(url, params={"from": "2026-02-02", "to": "2026-02-01"}, timeout=10)
    assert backwards.status_code == 400 and "Check the dates" in backwards.text
    said = shop.web.get(
        url, params={"from": "2024-01-01", "to": "2025-01-01"}, timeout=10,
        headers={"Accept-Language": "uk"},
    )  # fmt: skip
    assert "Звіт охоплює щонайбільше 366 днів" in said.text


# --- without an office ----------------------------------------------------------------


def test_the_period_and_the_store_are_read_strictly() -> None:
    today = date(2026, 12, 3)
    assert admin_reports.period_of(None, None, today) == Period(date(2026, 11, 3), today)
    assert admin_reports.period_of("2026-01-01", "2026-12-31", today) == Period(
        date(2026, 1, 1), date(2026, 12, 31)
    )
    for first, last in (("20260101", "2026-01-02"), ("2026-13-01", None), ("x", "y")):
        assert admin_reports.period_of(first, last, today) == admin_reports.BAD_DATES
    assert admin_reports.period_of("2025-01-01", "2026-01-02", today) == admin_reports.TOO_LONG
    assert admin_reports.store_of("Kyiv Central / Till 2") == "Kyiv Central"
    assert admin_reports.store_of("Till 3") == "Till 3"
    assert admin_reports.store_of(" / Till 3") == " / Till 3"


def test_a_csv_cell_a_spreadsheet_would_run_is_quoted() -> None:
    table = admin_reports.Table(["Till", "Amount"], {1}, [["=HYPERLINK(1)", "-5.00"]])
    body = admin_reports.as_csv(table).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body))) == [["Till", "Amount"], ["'=HYPERLINK(1)", "-5.00"]]


def test_every_phrase_of_the_reports_is_translated() -> None:
    source = Path(admin_reports.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r"""\bt\("([^"]+)"\)""", source))
    used |= {*admin_reports.TITLES.values(), *admin_reports.ABOUT.values()}
    used |= {admin_reports.TOO_LONG, admin_reports.BAD_DATES, admin_reports.NO_VALUE}
    assert len(used) > 30
    assert sorted(p for p in used if p not in TEXTS) == []
    assert said_in("ru", "Points liability") == "Обязательства по баллам"
