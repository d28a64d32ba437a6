"""Pages of the office's cards that used to fail for good (the page rolled back at every
pass): a replacement named further on in the same page, a replacement the office never
sent, and two cards with one number meeting in a first download."""

from __future__ import annotations

from typing import Any

from terminal.store import sync_apply
from terminal.store.database import Database

AT = "2026-11-22T12:00:00.000000+00:00"


def member(member_id: int) -> list[Any]:
    return [
        member_id,
        "Иванова Анна",
        "Анна",
        None,
        None,
        None,
        None,
        False,
        True,
        False,
        0,
        0,
        0,
        0,
        None,
        1,
    ]


def card(
    card_id: int, number: str, replaced_by: int | None = None, state: str = "active"
) -> list[Any]:
    return [card_id, None, number, "personal", state, 1, 0, None, replaced_by]


def snapshot(db: Database, card_pages: list[list[list[Any]]]) -> None:
    meta = {
        "as_of": "7",
        "as_of_time": AT,
        "program": None,
        "gifts": [],
        "limits": None,
        "members": 1,
        "cards": sum(len(p) for p in card_pages),
    }
    with db.write() as conn:
        state = sync_apply.snapshot_start(conn, meta)
    with db.write() as conn:
        state = sync_apply.snapshot_page(conn, state, [member(1)], 1, True)
    for i, page in enumerate(card_pages):
        assert state is not None
        last = i == len(card_pages) - 1
        with db.write() as conn:
            state = sync_apply.snapshot_page(conn, state, page, int(page[-1][0]), last)
    assert state is None


def cards(db: Database) -> dict[int, tuple[str, int | None]]:
    with db.read() as conn:
        rows = conn.exec_driver_sql("SELECT id, number, replaced_by FROM cards").all()
    return {int(r[0]): (str(r[1]), r[2]) for r in rows}


def test_a_replacement_further_on_in_the_same_page(db: Database) -> None:
    snapshot(
        db,
        [
            [card(10, "2990000000100", 20, "replaced"), card(20, "2990000000200")],
            [card(30, "2990000000300")],
        ],
    )
    assert cards(db)[10] == ("2990000000100", 20)
    with db.read() as conn:
        assert sync_apply.get_state(conn, sync_apply.CURSOR) == "7"


def test_a_replacement_the_office_never_sent_is_forgotten(db: Database) -> None:
    snapshot(db, [[card(10, "2990000000100", 99, "replaced")]])
    assert cards(db)[10] == ("2990000000100", None)
    with db.write() as conn:
        sync_apply.apply_changes(
            conn, [[8, "card", "11", card(11, "2990000000111", 98, "replaced"), AT]], "8", AT
        )
    assert cards(db)[11] == ("2990000000111", None)
    assert db.integrity_check() == []


def test_two_cards_with_one_number_in_a_first_download(db: Database) -> None:
    """The office moved card 10 to id 30 while the pages were fetched: both arrive."""
    snapshot(
        db, [[card(10, "2990000000100"), card(20, "2990000000200")], [card(30, "2990000000100")]]
    )
    assert sorted(cards(db)) == [20, 30]
    with db.read() as conn:
        indexes = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards' "
            "AND sql IS NOT NULL"
        ).scalar_one()
        assert sync_apply.get_state(conn, sync_apply.INDEX_DDL) is None
    assert indexes > 0
