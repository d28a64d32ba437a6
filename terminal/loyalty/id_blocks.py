"""Ids a till gives the members and cards it registers itself, before the office knows them.

Member and card ids are the office's. A till registering a member offline cannot ask the
office for ids, so each till has a block of its own, far above the office's ids:
terminal T owns ``[LOCAL_ID_BASE + T * BLOCK + 1, LOCAL_ID_BASE + (T + 1) * BLOCK - 1]``
(T is the till's office terminal id; 0 for a till not enrolled, the demo). The office
takes such ids as they are (``member_register``), and refuses an id outside the pushing
till's block (``id_not_yours``).

A rule of the whole chain, so it lives with the rules: the till's cache
(``terminal.store.local_ids``), the wire (``sync.protocol``) and the office all read it here.
"""

from __future__ import annotations

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
