"""A change of the feed that used to fail for good (the page rolled back at every pass):
a card naming a replacement the office never sent."""

from __future__ import annotations

import pytest
from office_rows import card, cards, snapshot

from terminal.store import feed_apply
from terminal.store.database import Database
from terminal.store.incoming import CardChanged


@pytest.mark.expected_log(r"named a replacement card the office did not send")
def test_a_replacement_the_office_never_sent_is_forgotten(db: Database) -> None:
    snapshot(db, [[card(10, "2990000000100", 99, "replaced")]])
    assert cards(db)[10] == ("2990000000100", None)
    with db.write() as conn:
        change = CardChanged(card(11, "2990000000111", 98, "replaced"))
        feed_apply.apply_changes(conn, [change], "8")
    assert cards(db)[11] == ("2990000000111", None)
    assert db.integrity_check() == []
