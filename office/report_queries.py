"""The SQL of the admin web app's reports (office/admin_reports.py shows them): each one
aggregate query, grouped in the database, the same on SQLite and PostgreSQL.

Operations are counted by the day their till made them (the body's ``created_at``, the
till's clock: a sale recorded offline counts on its day, not on the day it reached the
office); only applied operations move points and money. What the office held or
rejected is counted by the day it was received (``received_at``). Points are hundredths
(``*_centi``) and money minor units (``*_minor``) here, as stored: the pages turn them
into Decimal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, ColumnElement, String, case, cast, func, select

from office import programs
from office.db import OfficeDB
from office.models import members, operations, staff, terminals
from sync.protocol import format_time


class _Body:
    """The fields of an operation's body (JSON text) in SQL. PostgreSQL reads the text as
    JSON by a cast; SQLite's ``json_extract`` reads the text as it is (a cast to JSON there
    is a cast to a number, which makes every body 0) and gives integers as integers."""

    def __init__(self, db: OfficeDB) -> None:
        self.sqlite = db.is_sqlite

    def text(self, field: str) -> ColumnElement[str]:
        if self.sqlite:
            return func.json_extract(operations.c.body, f'$."{field}"', type_=String)
        found: ColumnElement[str] = cast(operations.c.body, JSON)[field].as_string()
        return found

    def int(self, field: str) -> ColumnElement[int]:
        """An integer field (0 when absent), as a 64-bit integer."""
        if self.sqlite:
            number = func.json_extract(operations.c.body, f'$."{field}"', type_=BigInteger)
            return func.coalesce(number, 0)
        return func.coalesce(cast(self.text(field), BigInteger), 0)


def _total(expression: ColumnElement[int]) -> ColumnElement[int]:
    return func.coalesce(func.sum(expression), 0)


@dataclass(frozen=True, slots=True)
class Period:
    """Days ``first`` to ``last``, both included."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def each_day(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.days)]


def _made_in(db: OfficeDB, period: Period, *figures: str, staff: bool = False) -> Any:
    """The applied operations whose till made them in ``period``, with their terminal,
    kind, day, the integer fields ``figures`` of their bodies (and the staff id): a
    materialised CTE, so that each field is read from the JSON once per operation
    (reading a field parses the whole body; SQLite repeats what it is given twice).

    A day is the first ten characters of ``created_at`` (every one starts with its
    date); BETWEEN reads it once."""
    body = _Body(db)
    day = func.substr(body.text("created_at"), 1, 10)
    return (
        select(
            operations.c.terminal_id,
            operations.c.kind,
            day.label("day"),
            *([body.text("staff_id").label("staff_id")] if staff else []),
            *(body.int(name).label(name) for name in figures),
        )
        .where(
            operations.c.status == "applied",
            day.between(period.first.isoformat(), period.last.isoformat()),
        )
        .cte("made")
        .prefix_with("MATERIALIZED")
    )


@dataclass(frozen=True, slots=True)
class Liability:
    balance_centi: int  # all members' balances, the overdrawn ones' included
    point_value: Decimal | None  # money per point, None: the office has no program
    overdrawn: int  # members whose balance is below zero
    overdrawn_centi: int  # their balances, together (zero or negative)
    moved_centi: int  # what applied operations of the period moved balances by


def liability(db: OfficeDB, period: Period) -> Liability:
    below = members.c.balance_centi < 0
    made = _made_in(db, period, "points_delta_centi")
    with db.read() as conn:
        row = conn.execute(
            select(
                _total(members.c.balance_centi),
                func.count(case((below, 1))),
                _total(case((below, members.c.balance_centi), else_=0)),
            ).where(~members.c.deleted)
        ).one()
        moved = conn.execute(select(_total(made.c.points_delta_centi))).scalar_one()
        program = programs.current(conn)
    return Liability(
        int(row[0]),
        None if program is None else program.point_value,
        int(row[1]),
        int(row[2]),
        int(moved),
    )


@dataclass(frozen=True, slots=True)
class PointsDay:
    day: str  # ISO date
    terminal_id: int
    earned_centi: int  # purchases' points, less what returns took back
    spent_centi: int  # points given for goods (less what returns gave back) and gifts
    moved_centi: int  # what the balances moved by (adjustments and feedback included)


def points_by_day(db: OfficeDB, period: Period) -> list[PointsDay]:
    made = _made_in(db, period, "points_earned_centi", "points_spent_centi", "points_delta_centi")
    gift = made.c.kind == "gift"
    spent = case((gift, -made.c.points_delta_centi), else_=made.c.points_spent_centi)
    query = (
        select(
            made.c.day,
            made.c.terminal_id,
            _total(made.c.points_earned_centi),
            _total(spent),
            _total(made.c.points_delta_centi),
        )
        .group_by(made.c.day, made.c.terminal_id)
        .order_by(made.c.day, made.c.terminal_id)
    )
    with db.read() as conn:
        return [
            PointsDay(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]))
            for r in conn.execute(query)
        ]


@dataclass(frozen=True, slots=True)
class OperationsLine:
    terminal_id: int
    staff_id: int | None
    kind: str
    count: int
    amount_minor: int  # the purchases' amounts before discount; returns negative


def operations_by(db: OfficeDB, period: Period) -> list[OperationsLine]:
    made = _made_in(db, period, "amount_minor", staff=True)
    query = select(
        made.c.terminal_id,
        made.c.staff_id,
        made.c.kind,
        func.count(),
        _total(made.c.amount_minor),
    ).group_by(made.c.terminal_id, made.c.staff_id, made.c.kind)
    with db.read() as conn:
        return [
            OperationsLine(
                int(r[0]), None if r[1] is None else int(r[1]), str(r[2]), int(r[3]), int(r[4])
            )
            for r in conn.execute(query)
        ]


@dataclass(frozen=True, slots=True)
class TillLine:
    terminal_id: int
    name: str
    last_seen_at: str | None
    held: int  # received in the period and still held (a return waiting for its sale)
    rejected: int  # received in the period and refused (parked at the till)


def _midnight(day: date) -> str:
    return format_time(datetime.combine(day, time(), UTC))


def tills(db: OfficeDB, period: Period) -> list[TillLine]:
    """Every till not revoked, the longest silent first, with what of theirs the office
    held or rejected in the period."""
    received = operations.c.received_at
    counted = (
        select(
            operations.c.terminal_id.label("tid"),
            func.count(case((operations.c.status == "held", 1))).label("held"),
            func.count(case((operations.c.status == "rejected", 1))).label("rejected"),
        )
        .where(
            operations.c.status.in_(("held", "rejected")),
            received >= _midnight(period.first),
            received < _midnight(period.last + timedelta(days=1)),
        )
        .group_by(operations.c.terminal_id)
        .subquery()
    )
    query = (
        select(
            terminals.c.id,
            terminals.c.name,
            terminals.c.last_seen_at,
            func.coalesce(counted.c.held, 0),
            func.coalesce(counted.c.rejected, 0),
        )
        .outerjoin(counted, counted.c.tid == terminals.c.id)
        .where(terminals.c.revoked_at.is_(None))
        .order_by(terminals.c.last_seen_at.is_not(None), terminals.c.last_seen_at, terminals.c.id)
    )
    with db.read() as conn:
        return [
            TillLine(int(r[0]), str(r[1]), r[2], int(r[3]), int(r[4])) for r in conn.execute(query)
        ]


def names(db: OfficeDB) -> tuple[dict[int, str], dict[int, str]]:
    """The tills' and the staff's names by id (small tables: the chain's tills and
    people), for the reports' lines."""
    with db.read() as conn:
        tills_named = {
            int(i): str(n) for i, n in conn.execute(select(terminals.c.id, terminals.c.name))
        }
        staff_named = {int(i): str(n) for i, n in conn.execute(select(staff.c.id, staff.c.name))}
    return tills_named, staff_named
