"""Writing demo data into a cache, and telling a demo cache from a real one.

The rows themselves are made by ``terminal.services.demo_data`` (deterministic names,
birthdays, cards); this module only puts them in, and answers the questions the demo
commands ask before they write: is the cache blank, was it made by the demo fill, does
it hold operations the office has not received. Every function takes a Connection of a
transaction the caller holds (``Database.write()`` / ``read()``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from terminal.store import bulk
from terminal.store.schema import gifts, members, operations, programs, staff, sync_state

#: sync_state key that marks a cache made by the demo fill (its value: the seed).
DEMO_MARK = "demo.seed"


def put_program(conn: Connection, code: str, version: int, body: dict[str, Any]) -> None:
    """Make this program the cache's only one, active."""
    conn.execute(delete(programs))
    conn.execute(
        insert(programs),
        [
            {
                "code": code,
                "version": version,
                "body": json.dumps(body, sort_keys=True),
                "active": True,
            }
        ],
    )


def load(
    conn: Connection,
    *,
    seed: int,
    gift_rows: Iterable[tuple[str, str, str, int, str | None]],
    staff_rows: Iterable[tuple[str, str, str]],
    member_rows: Iterable[tuple[Any, ...]],
    card_rows: Iterable[tuple[Any, ...]],
) -> tuple[int, int]:
    """Mark the cache as a demo of ``seed``; add the gifts (code, name, kind, cost in
    hundredths, names per language as JSON), the staff (name, role, PIN hash), then the
    members and the cards (:mod:`terminal.store.bulk` rows).
    Returns the numbers of members and cards."""
    conn.execute(insert(sync_state), [{"key": DEMO_MARK, "value": str(seed)}])
    conn.execute(
        insert(gifts),
        [
            {"code": c, "name": n, "kind": k, "points_cost_centi": p, "names": names}
            for c, n, k, p, names in gift_rows
        ],
    )
    for name, role, pin_hash in staff_rows:
        conn.execute(insert(staff).values(name=name, role=role, pin_hash=pin_hash, card_uid=None))
    n_members, _ = bulk.load(conn, member_rows, ())
    _, n_cards = bulk.load(conn, (), card_rows)
    return n_members, n_cards


def is_demo_cache(conn: Connection) -> bool:
    """Whether this cache was made by the demo fill (and so may take demo purchases)."""
    query = select(sync_state.c.value).where(sync_state.c.key == DEMO_MARK)
    return conn.execute(query).first() is not None


def is_blank(conn: Connection) -> bool:
    """Nothing in it yet: no members, no operations, no sync state (never enrolled)."""
    return not any(
        conn.execute(select(table).limit(1)).first() is not None
        for table in (members, operations, sync_state)
    )


def unsent_operations(conn: Connection) -> int:
    """Operations of this terminal the office has not acknowledged (their only copy)."""
    query = select(func.count()).select_from(operations).where(operations.c.status == "pending")
    return int(conn.execute(query).scalar_one())
