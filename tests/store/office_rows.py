"""Rows as the store takes them from the office (terminal.store.incoming), built by
column name, and a snapshot applied page by page, as sync.engine applies one."""

from __future__ import annotations

from typing import Any

from terminal.store import snapshot_apply
from terminal.store.database import Database
from terminal.store.incoming import CARD_ROW, MEMBER_ROW, Part, SnapshotMeta, SnapshotRows

AT = "2026-11-22T12:00:00.000000+00:00"

_MEMBER = {
    "full_name": "Иванова Анна",
    "address_as": "Анна",
    "birthday": None,
    "phone": None,
    "segment": None,
    "personal_manager": None,
    "priority_service": False,
    "consent_personal_data": True,
    "consent_marketing": False,
    "balance_centi": 0,
    "lifetime_spend_minor": 0,
    "window_spend_minor": 0,
    "purchases": 0,
    "last_gift_year": None,
    "office_seq": 1,
}


def member(member_id: int, **values: Any) -> tuple[Any, ...]:
    row = {**_MEMBER, "id": member_id, **values}
    return tuple(row[c] for c in MEMBER_ROW)


def card(
    card_id: int, number: str, replaced_by: int | None = None, state: str = "active"
) -> tuple[Any, ...]:
    row = {
        "id": card_id,
        "uid": None,
        "number": number,
        "kind": "personal",
        "state": state,
        "member_id": 1,
        "fixed_discount_bp": 0,
        "expires": None,
        "replaced_by": replaced_by,
    }
    return tuple(row[c] for c in CARD_ROW)


def snapshot(db: Database, card_pages: list[list[tuple[Any, ...]]]) -> None:
    """Member 1, then ``card_pages``: a whole snapshot as of cursor 7."""
    meta = SnapshotMeta(
        as_of="7",
        as_of_time=AT,
        program=None,
        gifts=[],
        limits=None,
        members=1,
        cards=sum(len(p) for p in card_pages),
    )
    with db.write() as conn:
        state = snapshot_apply.snapshot_start(conn, meta)
    with db.write() as conn:
        page = SnapshotRows(Part.MEMBERS, [member(1)], 1, True)
        state = snapshot_apply.snapshot_page(conn, state, page)
    for i, rows in enumerate(card_pages):
        assert state is not None
        last = i == len(card_pages) - 1
        with db.write() as conn:
            page = SnapshotRows(Part.CARDS, rows, rows[-1][CARD_ROW.index("id")], last)
            state = snapshot_apply.snapshot_page(conn, state, page)
    assert state is None


def cards(db: Database) -> dict[int, tuple[str, int | None]]:
    with db.read() as conn:
        rows = conn.exec_driver_sql("SELECT id, number, replaced_by FROM cards").all()
    return {int(r[0]): (str(r[1]), r[2]) for r in rows}
