"""The admin web app's reports (docs/office-guide.md, "Reports"): ``/admin/reports`` lists
them; each is a table for a period of days (at most :data:`MAX_DAYS`), on screen or as
CSV (``?format=csv``: UTF-8 with a BOM for Excel, a header row, money and points as
decimals with a dot). The SQL is office/report_queries.py; the chart office/report_chart
.py. Every role may read them (Permission.READ_REPORTS).

The office keeps no stores of its own yet: a till's store is the part of its name before
" / " ("Kyiv Central / Till 2" belongs to "Kyiv Central"); a till named without one is a
store of its own.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from fastapi import FastAPI, Request
from fastapi.responses import Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from office import report_queries as q
from office.admin_roles import Permission, may
from office.admin_sessions import Session
from office.admin_texts import VALUES, text, value
from office.admin_web import HEADERS, PREFIX, AdminSite
from office.db import OfficeDB
from office.report_chart import bar_chart
from sync.protocol import parse_time
from terminal.loyalty.money import Money, Rounding

MAX_DAYS = 366
DEFAULT_DAYS = 31
#: A till not heard from for longer than this is "not seen for a day".
SILENT = timedelta(days=1)
STORE_MARK = " / "
TOO_LONG = "A report covers at most 366 days: choose a shorter period."
BAD_DATES = (
    "Check the dates: the first and the last day as YYYY-MM-DD, the first not after the last."
)
NO_VALUE = "no money value set"
#: The reports: their path, their title (English, office/admin_report_texts.py has the rest).
TITLES = {
    "liability": "Points liability",
    "points": "Points earned and spent",
    "operations": "Operations by store, till and cashier",
    "tills": "Tills",
}
ABOUT = {
    "liability": "What the members' points are worth now, and who is overdrawn.",
    "points": "Points earned and spent per day and store, with a chart.",
    "operations": "Applied operations by store, till, cashier and kind: count and amount.",
    "tills": "When each till was last seen, and what the office held or rejected of it.",
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def store_of(till_name: str) -> str:
    """The store a till belongs to, by its name (the module's docstring)."""
    store, mark, _ = till_name.partition(STORE_MARK)
    return store.strip() if mark and store.strip() else till_name


def period_of(first: str | None, last: str | None, today: date) -> q.Period | str:
    """The period the filter asks for (by default the last 31 days), or what is wrong."""
    try:
        end = date.fromisoformat(last) if last else today
        start = date.fromisoformat(first) if first else end - timedelta(days=DEFAULT_DAYS - 1)
    except ValueError:
        return BAD_DATES
    if any(given and not _DATE.fullmatch(given) for given in (first, last)) or start > end:
        return BAD_DATES
    period = q.Period(start, end)
    return TOO_LONG if period.days > MAX_DAYS else period


def points(centi: int) -> str:
    return f"{Decimal(centi).scaleb(-2):.2f}"


def money(minor: int) -> str:
    return str(Money.from_minor(minor))


@dataclass
class Table:
    """A report as both its page and its CSV show it: every cell already text."""

    columns: list[str]
    numeric: set[int]
    rows: list[list[str]] = field(default_factory=list)
    charts: list[Markup] = field(default_factory=list)


def _liability(db: OfficeDB, period: q.Period, _now: datetime, t: Callable[[str], str]) -> Table:
    found = q.liability(db, period)
    if found.point_value is None:
        worth, rate = t(NO_VALUE), t(NO_VALUE)
    else:
        amount = Decimal(found.balance_centi).scaleb(-2) * found.point_value
        worth, rate = str(Money.of(amount, Rounding.HALF_UP)), f"{found.point_value:f}"
    table = Table([t("Figure"), t("Value")], {1})
    table.rows = [
        [t("Points balance of all members"), points(found.balance_centi)],
        [t("Money per point"), rate],
        [t("Money value of the balance"), worth],
        [t("Members overdrawn"), str(found.overdrawn)],
        [t("Their balances together"), points(found.overdrawn_centi)],
        [t("Balances moved in the period"), points(found.moved_centi)],
    ]
    return table


def _points(db: OfficeDB, period: q.Period, _now: datetime, t: Callable[[str], str]) -> Table:
    tills, _ = q.names(db)
    merged: dict[tuple[str, str], list[int]] = {}
    for line in q.points_by_day(db, period):  # one line per day and till: few
        store = store_of(tills.get(line.terminal_id, f"#{line.terminal_id}"))
        sums = merged.setdefault((line.day, store), [0, 0, 0])
        sums[0] += line.earned_centi
        sums[1] += line.spent_centi
        sums[2] += line.moved_centi
    columns = [t("Day"), t("Store"), t("Points earned"), t("Points spent"), t("Balances moved")]
    table = Table(columns, {2, 3, 4})
    stores = sorted({store for _, store in merged})
    for (day, store), (earned, spent, moved) in sorted(merged.items()):
        table.rows.append([day, store, points(earned), points(spent), points(moved)])
    days = period.each_day()
    for store in stores:
        up: dict[date, Decimal] = {}
        down: dict[date, Decimal] = {}
        for (day, where), (earned, spent, _) in merged.items():
            when = _day(day)
            if where == store and when is not None:
                up[when], down[when] = Decimal(earned).scaleb(-2), Decimal(spent).scaleb(-2)
        table.charts.append(bar_chart(store, days, up, down, (t("earned"), t("spent"))))
    return table


def _day(text: str) -> date | None:
    """A day as a till wrote it (None: not a date; its line is in the table all the same)."""
    try:
        return date.fromisoformat(text) if _DATE.fullmatch(text) else None
    except ValueError:
        return None


def _operations(db: OfficeDB, period: q.Period, _now: datetime, t: Callable[[str], str]) -> Table:
    tills, people = q.names(db)
    lines = []
    for line in q.operations_by(db, period):
        till = tills.get(line.terminal_id, f"#{line.terminal_id}")
        who = "—" if line.staff_id is None else people.get(line.staff_id, f"#{line.staff_id}")
        lines.append((store_of(till), till, who, t(line.kind), line.count, line.amount_minor))
    columns = [t("Store"), t("Till"), t("Cashier"), t("Kind"), t("Count"), t("Amount")]
    table = Table(columns, {4, 5})
    table.rows = [[*line[:4], str(line[4]), money(line[5])] for line in sorted(lines)]
    return table


def _tills(db: OfficeDB, period: q.Period, now: datetime, t: Callable[[str], str]) -> Table:
    columns = [
        t("Till"),
        t("Store"),
        t("Last seen"),
        t("Not seen for a day"),
        t("Held operations"),
        t("Rejected operations"),
    ]
    table = Table(columns, {4, 5})
    for line in q.tills(db, period):
        seen = None if line.last_seen_at is None else parse_time(line.last_seen_at)
        silent = seen is None or now - seen > SILENT
        table.rows.append(
            [
                line.name,
                store_of(line.name),
                t("never") if seen is None else seen.strftime("%Y-%m-%d %H:%M UTC"),
                t("Yes") if silent else t("No"),
                str(line.held),
                str(line.rejected),
            ]
        )
    return table


_BUILD = {"liability": _liability, "points": _points, "operations": _operations, "tills": _tills}


def build(db: OfficeDB, report: str, period: q.Period, lang: str) -> Table:
    def t(english: str) -> str:
        return value(lang, english) if english in VALUES else text(lang, english)

    return _BUILD[report](db, period, db.clock.now(), t)


def as_csv(table: Table) -> bytes:
    """The table as Excel opens it: UTF-8 with a BOM, a header row, CRLF; a text cell
    that a spreadsheet would run as a formula starts with an apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(
            [
                "'" + cell if n not in table.numeric and cell.startswith(_FORMULA) else cell
                for n, cell in enumerate(row)
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def register(app: FastAPI, site: AdminSite) -> None:
    """``/admin/reports`` and each report on ``app``."""
    db = site.db

    async def index(request: Request, session: Session) -> Response:
        if not may(session.account.role, Permission.READ_REPORTS):
            return site.refused(request, session, "role")
        return site.render(request, "reports.html", session, titles=TITLES, about=ABOUT)

    async def report(request: Request, session: Session) -> Response:
        if not may(session.account.role, Permission.READ_REPORTS):
            return site.refused(request, session, "role")
        key = str(request.path_params.get("report", ""))
        if key not in TITLES:
            return site.render(request, "not_found.html", session, 404, what="report")
        given = request.query_params
        first, last = given.get("from") or None, given.get("to") or None
        period = period_of(first, last, db.clock.now().date())
        lang = site.lang(request)
        if isinstance(period, str):
            return site.render(
                request,
                "report.html",
                session,
                400,
                key=key,
                title=TITLES[key],
                error=period,
                first=first or "",
                last=last or "",
                table=None,
            )
        table = await run_in_threadpool(build, db, key, period, lang)
        if given.get("format") == "csv":
            name = f"{key}-{period.first.isoformat()}-{period.last.isoformat()}.csv"
            headers = {**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
            return Response(as_csv(table), media_type="text/csv; charset=utf-8", headers=headers)
        return site.render(
            request,
            "report.html",
            session,
            key=key,
            title=TITLES[key],
            error=None,
            first=period.first.isoformat(),
            last=period.last.isoformat(),
            table=table,
        )

    app.add_api_route(
        f"{PREFIX}/reports", site.page(index), methods=["GET"], include_in_schema=False
    )
    app.add_api_route(
        f"{PREFIX}/reports/{{report}}", site.page(report), methods=["GET"], include_in_schema=False
    )
