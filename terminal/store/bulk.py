"""Filling the cache fast: many members and cards in one transaction.

Used by the demo data (and, for its index rebuild, by the first download from the
office). Rows are tuples in the column orders of the tables (schema.MEMBER_COLUMNS,
schema.CARD_COLUMNS); the executemany goes straight to SQLite, in chunks, so memory stays
flat whatever the number of rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection

from terminal.store.schema import CARD_COLUMNS, MEMBER_COLUMNS, cards, members

CHUNK = 20_000


def insert_sql(table: str, columns: Sequence[str]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def _chunks(rows: Iterable[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    it = iter(rows)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


def load(
    conn: Connection,
    member_rows: Iterable[tuple[Any, ...]],
    card_rows: Iterable[tuple[Any, ...]],
) -> tuple[int, int]:
    """Insert members, then cards (dates as ISO strings); returns (members, cards) counts.

    Run inside ``Database.write()``: a failure leaves the cache as it was. Into empty
    tables (a first fill), the indexes are dropped and built again after the rows are in,
    which is several times faster than keeping them up to date row by row.
    """
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    rebuild = is_empty(cursor, members.name) and is_empty(cursor, cards.name)
    indexes = drop_indexes(cursor, (members.name, cards.name)) if rebuild else []
    counts = []
    for table, columns, rows in (
        (members.name, MEMBER_COLUMNS, member_rows),
        (cards.name, CARD_COLUMNS, card_rows),
    ):
        sql = insert_sql(table, columns)
        n = 0
        for chunk in _chunks(rows):
            cursor.executemany(sql, chunk)
            n += len(chunk)
        counts.append(n)
    for ddl in indexes:
        cursor.execute(ddl)
    cursor.close()
    return counts[0], counts[1]


def is_empty(cursor: Any, table: str) -> bool:
    return bool(cursor.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {table})").fetchone()[0])


def drop_indexes(cursor: Any, tables: tuple[str, ...]) -> list[str]:
    """Drop the named indexes of ``tables``; returns the DDL that makes them again."""
    marks = ", ".join("?" for _ in tables)
    rows = cursor.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    for name, _sql in rows:
        cursor.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]
