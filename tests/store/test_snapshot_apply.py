"""Pages of the office's cards that used to fail for good (the page rolled back at every
pass): a replacement named further on in the same page, and two cards with one number
meeting in a first download."""

from __future__ import annotations

import pytest
from office_rows import card, cards, snapshot

from terminal.store import sync_state
from terminal.store.database import Database


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
        assert sync_state.get_state(conn, sync_state.CURSOR) == "7"


@pytest.mark.expected_log(
    r"shares its number with card \d+: dropped", r"named a replacement card the office did not send"
)
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
        assert sync_state.get_state(conn, sync_state.INDEX_DDL) is None
    assert indexes > 0
