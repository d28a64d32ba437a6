"""Ids a till gives the members and cards it registers itself, before the office knows them.

Member and card ids are the office's. A till registering a member offline cannot ask the
office for ids, so each till has a block of its own, far above the office's ids:
terminal T owns ``[LOCAL_ID_BASE + T * BLOCK + 1, LOCAL_ID_BASE + (T + 1) * BLOCK - 1]``
(T is the till's office terminal id; 0 for a till not enrolled, the demo). The office
takes such ids as they are (``member_register``), and refuses an id outside the pushing
till's block (``id_not_yours``). ``sync.protocol`` re-exports these for the office.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, select

LOCAL_ID_BASE = 9_000_000_000_000
BLOCK = 10_000_000


def block_of(terminal_id: int) -> tuple[int, int]:
    """The first and last id terminal ``terminal_id`` may give (inclusive)."""
    if terminal_id < 0:
        raise ValueError(f"terminal id {terminal_id} is negative")
    low = LOCAL_ID_BASE + terminal_id * BLOCK
    return low + 1, low + BLOCK - 1


def in_block(terminal_id: int, value: int) -> bool:
    low, high = block_of(terminal_id)
    return low <= value <= high


def is_local(value: int) -> bool:
    """An id some till made (not one the office made)."""
    return value >= LOCAL_ID_BASE


def next_id(conn: Connection, table: Table, terminal_id: int) -> int:
    """The next free id of ``table`` (members or cards) in the till's block: the largest
    one in the cache plus one. Call inside the write transaction that inserts it."""
    low, high = block_of(terminal_id)
    top = conn.execute(
        select(func.max(table.c.id)).where(table.c.id >= low, table.c.id <= high)
    ).scalar()
    value = low if top is None else int(top) + 1
    if value > high:
        raise OverflowError(f"terminal {terminal_id} has used every id of its block")
    return value
