"""The cards the demo walk-through (`loyalty-terminal demo`) presents: a member's card
(one whose birthday is today first, so that the demo shows the greeting), a bearer card
and a blocked card of the demo cache."""

from __future__ import annotations

from sqlalchemy import Connection, text

# Members whose birthday is today come first; then by card id, so the demo is the same
# on every run of a day.
_FIRST = (
    "SELECT c.number FROM cards c LEFT JOIN members m ON m.id = c.member_id "
    "WHERE {where} ORDER BY substr(m.birthday, 6, 5) = :mmdd DESC, c.id LIMIT 1"
)
_PICKS = (
    ("a member (on their birthday)", "c.kind = 'personal' AND c.state = 'active'"),
    ("a bearer card", "c.kind = 'bearer' AND c.state = 'active'"),
    ("a blocked card", "c.state = 'blocked'"),
)


def demo_cards(conn: Connection, today_mmdd: str) -> list[tuple[str, str]]:
    """(what it shows, the card's number) for each card of the walk-through."""
    return [
        (title, str(conn.execute(text(_FIRST.format(where=where)), {"mmdd": today_mmdd}).scalar()))
        for title, where in _PICKS
    ]
