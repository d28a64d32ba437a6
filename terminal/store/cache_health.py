"""The figures ``loyalty-terminal doctor`` judges the cache by: how many members, how
fresh, what waits for the office, what the office refused."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection


@dataclass(frozen=True, slots=True)
class CacheFigures:
    members: int
    newest_sync: str | None  # the latest members.synced_at (ISO 8601)
    pending: int  # operations not yet acknowledged by the office
    oldest_pending: str | None  # the created_at of the oldest of them
    parked: int  # operations the office refused
    staff: int = 0  # active staff (who may log in somewhere)
    supervisors: int = 0  # of them, supervisors and store admins


def figures(conn: Connection) -> CacheFigures:
    members = conn.exec_driver_sql("SELECT count(*) FROM members").scalar_one()
    newest = conn.exec_driver_sql("SELECT max(synced_at) FROM members").scalar()
    pending, oldest = conn.exec_driver_sql(
        "SELECT count(*), min(created_at) FROM operations WHERE status = 'pending'"
    ).one()
    parked = conn.exec_driver_sql(
        "SELECT count(*) FROM operations WHERE status = 'parked'"
    ).scalar_one()
    staff, supervisors = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(role != 'cashier'), 0) FROM staff WHERE active"
    ).one()
    return CacheFigures(
        int(members), newest, int(pending), oldest, int(parked), int(staff), int(supervisors)
    )
