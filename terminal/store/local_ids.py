"""The next id of a member or card a till registers, from its own block
(the blocks are a rule of the chain: ``terminal.loyalty.id_blocks``)."""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, select

from terminal.loyalty.id_blocks import BLOCK, LOCAL_ID_BASE, block_of, in_block, is_local
from terminal.store import sync_state

__all__ = ["BLOCK", "LOCAL_ID_BASE", "block_of", "in_block", "is_local", "next_id"]


def next_id(conn: Connection, table: Table, terminal_id: int) -> int:
    """The next free id of ``table`` (members or cards) in the till's block: the largest
    one in the cache, or the largest the office said it holds from the block (its id
    floor: a cache restored from a backup has forgotten some), plus one. Call inside the
    write transaction that inserts it."""
    low, high = block_of(terminal_id)
    top = conn.execute(
        select(func.max(table.c.id)).where(table.c.id >= low, table.c.id <= high)
    ).scalar()
    key = sync_state.FLOOR_MEMBER if table.name == "members" else sync_state.FLOOR_CARD
    office_top = sync_state.floor(conn, key)
    if office_top is not None and low <= office_top <= high:
        top = office_top if top is None else max(int(top), office_top)
    value = low if top is None else int(top) + 1
    if value > high:
        raise OverflowError(f"terminal {terminal_id} has used every id of its block")
    return value
