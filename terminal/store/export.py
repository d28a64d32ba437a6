"""The cache's member data read out in bulk, for a seed file (``loyalty-terminal
export-seed``, terminal/cli/seed_cmd.py): members, cards and gifts in the columns the
caller names, in id order, a chunk of rows at a time; and the active program.

Values come as the wire carries them: booleans as ``bool``, dates as ISO text
(``YYYY-MM-DD``), everything else as stored. Call inside one ``Database.read()`` so that
every part is of the same moment.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, Date, String, Table, select, type_coerce

from terminal.store.schema import cards, gifts, members, programs, staff, staff_cards

CHUNK = 20_000


@dataclass(frozen=True, slots=True)
class ProgramBody:
    """The active program as the cache keeps it: ``body`` is Program.to_dict() as JSON."""

    code: str
    version: int
    body: str


def _columns(table: Table, names: Sequence[str]) -> list[Any]:
    missing = [n for n in names if n not in table.c]
    if missing:
        raise KeyError(f"the cache's {table.name} table has no column {', '.join(missing)}")
    out: list[Any] = []
    for name in names:
        col: Column[Any] = table.c[name]
        # a date as its ISO text, not a datetime.date (SQLite stores it so)
        out.append(type_coerce(col, String).label(name) if isinstance(col.type, Date) else col)
    return out


def _rows(
    conn: Connection, table: Table, names: Sequence[str], order: str, chunk: int
) -> Iterator[list[tuple[Any, ...]]]:
    result = conn.execute(select(*_columns(table, names)).order_by(table.c[order]))
    while rows := result.fetchmany(chunk):
        yield [tuple(r) for r in rows]


def member_rows(
    conn: Connection, names: Sequence[str], chunk: int = CHUNK
) -> Iterator[list[tuple[Any, ...]]]:
    """Every member, by id, as tuples of the columns ``names``."""
    return _rows(conn, members, names, "id", chunk)


def card_rows(
    conn: Connection, names: Sequence[str], chunk: int = CHUNK
) -> Iterator[list[tuple[Any, ...]]]:
    """Every card, by id, as tuples of the columns ``names``."""
    return _rows(conn, cards, names, "id", chunk)


def gift_rows(conn: Connection, names: Sequence[str]) -> list[tuple[Any, ...]]:
    """Every gift, by code."""
    return [row for part in _rows(conn, gifts, names, "code", CHUNK) for row in part]


def active_program(conn: Connection) -> ProgramBody | None:
    row = conn.execute(
        select(programs.c.code, programs.c.version, programs.c.body).where(
            programs.c.active.is_(True)
        )
    ).first()
    return None if row is None else ProgramBody(str(row[0]), int(row[1]), str(row[2]))


def staff_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every member of staff, by id, by column name (with ``cards``: their staff cards'
    UIDs, and ``tills`` decoded): a demo's staff for its office."""
    cards_of: dict[int, list[str]] = {}
    for uid, staff_id in conn.execute(select(staff_cards.c.uid, staff_cards.c.staff_id)):
        cards_of.setdefault(int(staff_id), []).append(str(uid))
    out = []
    for r in conn.execute(select(staff).order_by(staff.c.id)):
        row = dict(r._mapping)
        row["tills"] = None if row["tills"] is None else json.loads(row["tills"])
        row["cards"] = sorted(cards_of.get(int(row["id"]), []))
        row["active"] = bool(row["active"])
        out.append(row)
    return out
