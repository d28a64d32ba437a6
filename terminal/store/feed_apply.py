"""A page of the change feed applied to the cache, with the cursor after it, in the
caller's one transaction (``Database.write()``). Applying a page twice changes nothing
(member rows carry the office's sequence number: an older state never overwrites a
newer one). The changes come decoded (:mod:`terminal.store.incoming`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from sqlalchemy import Connection

from terminal.store.incoming import (
    CardChanged,
    CardGone,
    Change,
    GiftChanged,
    GiftGone,
    LimitsChanged,
    MemberChanged,
    MemberGone,
    ProgramChanged,
    StaffChanged,
    StaffGone,
)
from terminal.store.row_writes import (
    CARD_ID,
    CARD_MEMBER,
    CARD_UPSERT,
    MEMBER_UPSERT,
    card_values,
    delete_card,
    drop_clashing,
    known_members,
    limits_text,
    member_values,
    put_gifts,
    put_program,
    raw_cursor,
    unlink_missing_replacements,
)
from terminal.store.staff_queries import put_staff, staff_gone
from terminal.store.sync_state import CURSOR, LIMITS, set_state


def apply_changes(conn: Connection, changes: Sequence[Change], next_cursor: str) -> None:
    """Apply ``changes`` in order; store the cursor after them."""
    cur = raw_cursor(conn)
    cur.execute("PRAGMA defer_foreign_keys = ON")
    touched: list[int] = []
    for change in changes:
        match change:
            case MemberChanged(row=row, synced_at=synced_at):
                cur.execute(MEMBER_UPSERT, member_values([row], synced_at)[0])
            case MemberGone(member_id=member_id, office_seq=seq):
                cur.execute("DELETE FROM members WHERE id = ? AND office_seq < ?", (member_id, seq))
            case CardChanged(row=row):
                known = known_members(cur, [row[CARD_MEMBER]])
                drop_clashing(cur, [row])
                cur.execute(CARD_UPSERT, card_values(row, known))
                touched.append(int(row[CARD_ID]))
            case CardGone(card_id=card_id):
                delete_card(cur, card_id)
            case ProgramChanged(program=program):
                put_program(cur, program)
            case GiftChanged(row=row):
                put_gifts(cur, [row])
            case GiftGone(code=code):
                cur.execute("DELETE FROM gifts WHERE code = ?", (code,))
            case LimitsChanged(limits=limits):
                set_state(conn, LIMITS, limits_text(limits))
            case StaffChanged(staff=person):
                put_staff(conn, [person])
            case StaffGone(staff_id=staff_id):
                staff_gone(conn, staff_id)
            case _:
                assert_never(change)
    unlink_missing_replacements(cur, touched)
    cur.close()
    set_state(conn, CURSOR, next_cursor)
