"""A page of the change feed applied to the cache, with the cursor after it, in the
caller's one transaction (``Database.write()``). Applying a page twice changes nothing
(member rows carry the office's sequence number).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from terminal.store.row_writes import (
    CARD_UPSERT,
    MEMBER_UPSERT,
    card_values,
    delete_card,
    delete_member,
    drop_clashing,
    known_members,
    member_values,
    put_gifts,
    put_program,
    raw_cursor,
    unlink_missing_replacements,
)
from terminal.store.sync_state import CURSOR, LIMITS, set_state

log = logging.getLogger(__name__)


def apply_changes(
    conn: Connection, items: Sequence[Sequence[Any]], next_cursor: str, now: str
) -> None:
    """Apply feed items ``[seq, entity, key, data, at]`` in order; store the cursor."""
    cur = raw_cursor(conn)
    cur.execute("PRAGMA defer_foreign_keys = ON")
    touched: list[int] = []
    for seq, entity, key, data, at in items:
        if entity == "member":
            if data is None:
                delete_member(cur, int(key), int(seq))
            else:
                cur.execute(MEMBER_UPSERT, member_values(data, int(seq), str(at)))
        elif entity == "card":
            if data is None:
                delete_card(cur, int(key))
            else:
                known = known_members(cur, [data[5]])
                drop_clashing(cur, [data])
                cur.execute(CARD_UPSERT, card_values(data, known))
                touched.append(int(data[0]))
        elif entity == "program":
            put_program(cur, data)
        elif entity == "gift":
            if data is None:
                cur.execute("DELETE FROM gifts WHERE code = ?", (key,))
            else:
                put_gifts(cur, [data])
        elif entity == "limits":
            cur.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (LIMITS, json.dumps(data, sort_keys=True)),
            )
        else:
            log.warning("a change of an unknown kind %r ignored", entity)
    unlink_missing_replacements(cur, touched)
    cur.close()
    set_state(conn, CURSOR, next_cursor)
