"""The next id of a member or card a till registers, from its own block
(the blocks are a rule of the chain: ``terminal.loyalty.id_blocks``)."""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, select

from terminal.loyalty.id_blocks import BLOCK, LOCAL_ID_BASE, block_of, in_block, is_local

__all__ = ["BLOCK", "LOCAL_ID_BASE", "block_of", "in_block", "is_local", "next_id"]


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
