"""The till's audit log on its way to the office (``POST /v1/audit``): the rows after
the last one the office took, in id order, and the mark moved on once it has.

Call inside ``Database.read()`` / ``write()``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from terminal.store.schema import audit_log
from terminal.store.sync_state import get_state, set_state

AUDIT_SENT = "sync.audit_sent"  # the highest audit_log id the office has taken


def sent_upto(conn: Connection) -> int:
    return int(get_state(conn, AUDIT_SENT) or 0)


def unsent(conn: Connection, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` audit rows the office has not taken, oldest first, as the wire
    carries them (sync.protocol.AUDIT_FIELDS)."""
    rows = conn.execute(
        select(audit_log)
        .where(audit_log.c.id > sent_upto(conn))
        .order_by(audit_log.c.id)
        .limit(limit)
    ).all()
    out = []
    for r in rows:
        try:
            details = json.loads(r.details or "{}")
        except ValueError:
            details = {"unreadable": True}
        out.append(
            {
                "id": int(r.id),
                "at": str(r.at),
                "staff_id": r.staff_id,
                "action": str(r.action),
                "target": r.target,
                "details": details if isinstance(details, dict) else {"value": details},
            }
        )
    return out


def mark_sent(conn: Connection, upto: int) -> None:
    if upto > sent_upto(conn):
        set_state(conn, AUDIT_SENT, str(upto))
