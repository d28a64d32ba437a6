"""The rolling spend window ages at the office, nightly (``python -m office nightly``).

A member's window spend is the spend of their operations in the program's last
``window_days`` days, today included (docs/sync-rules.md, The rolling window): the ledger
adds each purchase's spend and takes off each return's as they apply; this job takes off
what has left the window since it last ran (and adds back what a longer window takes in
again). The new figures are published in the change feed like every change of a member
(entities.publish_member), so they reach the tills with their next pull; only members
whose figure changes get a change.

An operation's day: a purchase's is the day its till quoted it (``facts.day``, else the
day of ``created_at``), never later than the office's day of receiving it (a till's clock
ahead does not keep spend in the window); a return's is its purchase's (a purchase and
what came back of it leave the window together). Spend with no operation behind it (a
member's opening figures from a seed import) has no day, and stays.

What is aged is kept in the settings (:data:`STATE_KEY`): the first day of the window at
the last run (``start``) and the office's time of that run (``through``): an operation
applied by then with a day before ``start`` is off the window. A run works out, in SQL,
each member's change for the operations applied up to its own start: off the window now
and not then (taken off), or then and not now (added back). The operations are facts that
never change, so the change is the same whenever it is applied, and adds to what a push
does meanwhile. Members go in batches of :data:`BATCH`, one transaction each, read as
one stream (1,000,000 members are never in memory); the batch's last member id is kept
with the batch, so a run killed half-way resumes after it, and a second run on the same
day finds nothing to change.

Lowering a member's window lowers the office's figures below what a till saw before it:
what was taken off is kept in ``member_returns`` (``window_minor``), so that a till's
purchase quoted on the figures it had is honest by that much (office/checks_purchase.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    case,
    cast,
    func,
    insert,
    literal,
    not_,
    or_,
    select,
    type_coerce,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB

from office import entities, program_schedule, programs
from office.db import OfficeDB, emit
from office.models import member_returns, members, operations
from sync.protocol import MEMBER_FIELDS, Entity
from terminal.loyalty import Money, Program, SpendBasis, tier_for

STATE_KEY = "window_ageing"
BATCH = 1000

_ROWS = select(*[members.c[n] for n in MEMBER_FIELDS], members.c.deleted).where(
    members.c.id.in_(bindparam("ids", expanding=True))
)
_UPDATE = (
    update(members)
    .where(members.c.id == bindparam("mid"))
    .values(window_spend_minor=bindparam("window_spend_minor"), seq=bindparam("seq"))
)


class AgeingBusy(RuntimeError):
    """Another run of the nightly job moved the ageing on while this one was running."""


@dataclass(frozen=True, slots=True)
class Run:
    """One run's bounds: operations applied up to ``through`` with a day before ``start``
    are off the window after it; before it, those applied up to ``prev_through`` with a
    day before ``prev_start`` were (empty strings: nothing was ever aged)."""

    today: str
    start: str
    through: str
    prev_start: str
    prev_through: str
    after: int = 0  # the last member id done

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today,
            "start": self.start,
            "through": self.through,
            "prev_start": self.prev_start,
            "prev_through": self.prev_through,
            "after": self.after,
        }


@dataclass(frozen=True, slots=True)
class NightlyResult:
    today: str
    start: str  # the first day in the window
    changed: int  # members whose window spend changed
    tier_down: int  # of them, members whose tier fell (a program with tiers by the window)
    tier_up: int
    resumed: bool  # it finished a run that was killed first

    def summary(self) -> str:
        text = (
            f"window from {self.start} to {self.today}: {self.changed} members' window spend "
            f"changed, {self.tier_down} down a tier, {self.tier_up} up a tier"
        )
        return text + (" (an interrupted run finished first)" if self.resumed else "")


def window_start(today: date, window_days: int) -> date:
    """The first day of a window of ``window_days`` days ending with ``today``."""
    return today - timedelta(days=window_days - 1)


def nightly(db: OfficeDB, today: date | None = None, batch: int = BATCH) -> NightlyResult | None:
    """Age every member's window to ``today`` (default: the office's day, UTC). None: the
    office has no program yet. A run that was killed is finished first."""
    program_schedule.publish_due(db)  # a version dated today ages by its own window
    day = (today or db.clock.now().date()).isoformat()
    resumed = False
    changed = down = up = 0
    while True:
        with db.write() as conn:
            program = programs.current(conn)
            if program is None:
                return None
            state = _state(db, conn)
            pending = state.get("run")
            if pending is None:
                run = Run(
                    today=day,
                    start=window_start(date.fromisoformat(day), program.window_days).isoformat(),
                    through=db.now(),  # taken under the writers' lock: every operation
                    # applied by then is committed; the ones after are the next run's
                    prev_start=str(state.get("start", "")),
                    prev_through=str(state.get("through", "")),
                )
                db.set_setting(conn, STATE_KEY, json.dumps({**state, "run": run.to_dict()}))
            else:
                run = Run(**pending)
        n, d, u = _age(db, run, program, batch)
        if pending is not None:
            resumed = True
        if pending is None or run.today == day:
            changed, down, up = n, d, u
            return NightlyResult(day, run.start, changed, down, up, resumed)
        # an interrupted run of another day was finished: now today's


def _state(db: OfficeDB, conn: Connection) -> dict[str, Any]:
    text = db.get_setting(conn, STATE_KEY)
    return {} if text is None else dict(json.loads(text))


def _age(db: OfficeDB, run: Run, program: Program, batch: int) -> tuple[int, int, int]:
    changed = down = up = 0
    after = run.after
    pending: list[tuple[int, int]] = []
    # (member id, change of their window spend), by member id, after ``run.after``: one
    # stream (a server-side cursor on PostgreSQL) while the batches are written.
    with db.read() as conn:
        stream = conn.execution_options(stream_results=True, yield_per=BATCH)
        with stream.execute(_changes(db.is_sqlite, run)) as rows:
            for member_id, delta in rows:
                pending.append((int(member_id), int(delta)))
                if len(pending) >= batch:
                    n, d, u = _write(db, run, after, pending, program)
                    changed, down, up = changed + n, down + d, up + u
                    after = pending[-1][0]
                    pending = []
    n, d, u = _write(db, run, after, pending, program, last=True)
    return changed + n, down + d, up + u


def _json(sqlite: bool, column: Any) -> Any:
    return type_coerce(column, JSON) if sqlite else cast(column, JSONB)


def _day_of(sqlite: bool, op: Any) -> ColumnElement[Any]:
    """A purchase's day (see the module's docstring), as YYYY-MM-DD text."""
    body = _json(sqlite, op.c.body)
    quoted = func.coalesce(
        func.substr(body[("facts", "day")].as_string(), 1, 10),
        func.substr(body["created_at"].as_string(), 1, 10),
    )
    received = func.substr(op.c.received_at, 1, 10)
    return case((quoted > received, received), else_=quoted)


def _candidates(sqlite: bool, run: Run, lowest: str) -> Select[Any]:
    """Every applied purchase and return that may change a window in this run: applied
    after the last run, or on or after the earlier of the two starts (one applied before
    both was off the window then and is now); none applied after this run began."""
    r = operations.alias("r")
    t = operations.alias("t")

    def bounded(op: Any) -> ColumnElement[bool]:
        return and_(
            op.c.status == "applied",
            op.c.applied_at <= run.through,
            or_(op.c.applied_at >= lowest, op.c.applied_at > run.prev_through),
        )

    def member_and_spend(op: Any) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
        body = _json(sqlite, op.c.body)
        return (
            cast(body["member_id"].as_string(), BigInteger).label("member_id"),
            cast(body["spend_delta_minor"].as_string(), BigInteger).label("spend"),
        )

    bought = select(
        *member_and_spend(operations),
        _day_of(sqlite, operations).label("day"),
        operations.c.applied_at.label("applied_at"),
    ).where(operations.c.kind == "purchase", bounded(operations))
    returned = (
        select(*member_and_spend(r), _day_of(sqlite, t).label("day"), r.c.applied_at)
        .select_from(
            r.join(
                t,
                and_(t.c.op_id == r.c.reverses, t.c.status == "applied", t.c.kind == "purchase"),
            )
        )
        .where(r.c.kind == "return", bounded(r))
    )
    return union_all(bought, returned).subquery("c")  # type: ignore[return-value]


def _changes(sqlite: bool, run: Run) -> Select[Any]:
    lowest = min(run.start, run.prev_start)
    c: Any = _candidates(sqlite, run, lowest)
    was_off = and_(c.c.day < literal(run.prev_start), c.c.applied_at <= literal(run.prev_through))
    is_off = c.c.day < literal(run.start)
    delta = func.sum(
        case(
            (and_(is_off, not_(was_off)), -c.c.spend),
            (and_(not_(is_off), was_off), c.c.spend),
            else_=0,
        )
    )
    return (
        select(c.c.member_id, delta)
        .where(c.c.member_id > run.after)
        .group_by(c.c.member_id)
        .having(delta != 0)
        .order_by(c.c.member_id)
    )


def _write(
    db: OfficeDB,
    run: Run,
    after: int,
    batch: list[tuple[int, int]],
    program: Program,
    last: bool = False,
) -> tuple[int, int, int]:
    """Apply one batch and move the run on, in one transaction (``last``: the run ends)."""
    changed = down = up = 0
    with db.write() as conn:
        state = _state(db, conn)
        mine = state.get("run")
        if mine is None or mine.get("through") != run.through or mine.get("after") != after:
            raise AgeingBusy("another run of the nightly job is ageing the window")
        at = db.now()
        by_window = program.spend_basis is SpendBasis.WINDOW
        ids = [member_id for member_id, _ in batch]
        found = {int(r.id): r._mapping for r in conn.execute(_ROWS, {"ids": ids})} if ids else {}
        updates: list[dict[str, Any]] = []
        allowances: list[dict[str, Any]] = []
        for member_id, delta in batch:
            row = found.get(member_id)
            if row is None or row["deleted"]:
                continue
            old = int(row["window_spend_minor"])
            new = old + delta
            # The member's new state published and written at once, as the ledger does
            # (entities.publish_member's work without reading the row back).
            state_after = {**row, "window_spend_minor": new}
            seq = emit(
                conn,
                at,
                Entity.MEMBER,
                member_id,
                entities.member_wire(state_after[n] for n in MEMBER_FIELDS),
            )
            updates.append({"mid": member_id, "window_spend_minor": new, "seq": seq})
            if delta < 0:  # a till's view from before it is honest by that much
                allowances.append(
                    {
                        "member_id": member_id,
                        "member_seq": seq,
                        "spend_minor": 0,
                        "purchases": 0,
                        "window_minor": -delta,
                    }
                )
            if by_window:
                before = program.tiers.index(tier_for(program, Money.from_minor(old)))
                now = program.tiers.index(tier_for(program, Money.from_minor(new)))
                down += now < before
                up += now > before
        if updates:
            conn.execute(_UPDATE, updates)
        if allowances:
            conn.execute(insert(member_returns), allowances)
        changed = len(updates)
        if last:
            state.pop("run", None)
            state.update(start=run.start, through=run.through, today=run.today)
        else:
            state["run"] = {**run.to_dict(), "after": batch[-1][0]}
        db.set_setting(conn, STATE_KEY, json.dumps(state))
    return changed, down, up
