"""Program versions with an effective date (docs/office-guide.md, "The program").

A version saved for now is published at once (``programs``, ``program_versions`` and a
change in the feed, office/entities.py). A version saved for a later date waits in
``program_schedule``: it is not in the feed, nor in the snapshot, nor among the versions
a till may name, until its date has come. Then :func:`publish_due` publishes it; the feed
and the snapshot call it before they answer a till, so a till that pulls after the date
gets the version, and none gets it before.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from office import audit, entities
from office.db import OfficeDB
from office.models import program_schedule, program_versions, programs
from sync.protocol import format_time, parse_time
from terminal.loyalty import Program

log = logging.getLogger(__name__)


class ScheduleError(ValueError):
    """The date cannot be given: a later-dated version is waiting already."""


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the program as the history shows it."""

    code: str
    version: int
    effective_at: str  # when it took (or takes) effect
    published_at: str | None  # None: waiting for its date
    current: bool


def next_version(conn: Connection, code: str) -> int:
    highest = 0
    for table in (program_versions, program_schedule):
        found = conn.execute(select(func.max(table.c.version)).where(table.c.code == code)).scalar()
        highest = max(highest, int(found or 0))
    return highest + 1


def is_waiting(conn: Connection, code: str, version: int) -> bool:
    """Whether ``version`` of ``code`` is saved and waits for its date."""
    key = (program_schedule.c.code == code) & (program_schedule.c.version == version)
    return conn.execute(select(program_schedule.c.code).where(key)).first() is not None


def any_waiting(conn: Connection) -> bool:
    """Whether some version waits for its date (then none is published but through it)."""
    return conn.execute(select(program_schedule.c.code).limit(1)).first() is not None


def history(conn: Connection) -> list[Version]:
    """Every version, the waiting ones first, then the published ones, newest first."""
    now = conn.execute(select(programs.c.code, programs.c.version)).first()
    out = [
        Version(r.code, int(r.version), r.effective_at, None, False)
        for r in conn.execute(select(program_schedule).order_by(program_schedule.c.version.desc()))
    ]
    for r in conn.execute(select(program_versions).order_by(program_versions.c.version.desc())):
        current = now is not None and (r.code, r.version) == (now.code, now.version)
        at = r.effective_at or r.published_at
        out.append(Version(r.code, int(r.version), at, r.published_at, current))
    return out


def waiting(conn: Connection) -> Program | None:
    """The next version waiting for its date (None: none)."""
    row = conn.execute(
        select(program_schedule.c.body).order_by(program_schedule.c.effective_at).limit(1)
    ).first()
    return None if row is None else Program.from_dict(json.loads(row.body))


def save(db: OfficeDB, admin: tuple[int, str], program: Program, effective: datetime) -> bool:
    """Keep ``program`` as a new version (numbered here) taking effect at ``effective``,
    audited with the current version's body before and this one after. True: published
    now (its date has come); False: waiting for its date."""
    publish_due(db)
    with db.write() as conn:
        now = db.clock.now()
        for row in conn.execute(select(program_schedule.c.effective_at)):
            if parse_time(row.effective_at) > effective:
                raise ScheduleError(row.effective_at)
        version = next_version(conn, program.code)
        body = {**program.to_dict(), "version": version}
        Program.from_dict(body)  # the rules' own check, once more, on what is kept
        before = conn.execute(select(programs.c.body)).scalar()
        at, when = db.now(), format_time(effective)
        published = effective <= now
        if published:
            entities.set_program(conn, at, program.code, version, body, effective_at=when)
        else:
            text = json.dumps(body, sort_keys=True, ensure_ascii=False)
            conn.execute(
                insert(program_schedule),
                [
                    {
                        "code": program.code,
                        "version": version,
                        "body": text,
                        "effective_at": when,
                        "saved_at": at,
                    }
                ],
            )
        audit.record_office(
            conn,
            at,
            admin,
            "program_version",
            f"program:{program.code}:{version}",
            before=None if before is None else json.loads(str(before)),
            after=body,
            effective_at=when,
        )
    log.info("admin %d saved program %s version %d for %s", admin[0], program.code, version, when)
    return published


def _due(conn: Connection, now: datetime) -> list[Any]:
    rows = conn.execute(select(program_schedule).order_by(program_schedule.c.version)).all()
    return [r for r in rows if parse_time(r.effective_at) <= now]


def publish_due(db: OfficeDB) -> int:
    """Publish every waiting version whose date has come, in the order of their numbers
    (the last one is then the current program). How many were published."""
    now = db.clock.now()
    with db.read() as conn:
        if not _due(conn, now):
            return 0
    with db.write() as conn:
        due = _due(conn, now)  # again, in the write: another worker may have done it
        at = db.now()
        for row in due:
            body = json.loads(row.body)
            entities.set_program(conn, at, row.code, int(row.version), body, row.effective_at)
            conn.execute(
                delete(program_schedule).where(
                    (program_schedule.c.code == row.code)
                    & (program_schedule.c.version == row.version)
                )
            )
            log.info("program %s version %d published: its date has come", row.code, row.version)
    return len(due)
