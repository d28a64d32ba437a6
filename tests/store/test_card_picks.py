"""Cards of a described kind (terminal.store.card_picks), checked against the same
question asked in SQL of the demo cache; and the tests' builders on top of it."""

from __future__ import annotations

from datetime import date

import pytest
from builders import a_card, a_member, cards, new_member
from sqlalchemy import text

from terminal.loyalty import CardKind, CardState
from terminal.store import queries
from terminal.store.card_picks import CardWanted, card_ids
from terminal.store.database import Database

JOINED = "SELECT c.id FROM cards c LEFT JOIN members m ON m.id = c.member_id"


@pytest.mark.parametrize(
    ("wanted", "where"),
    [
        (CardWanted(), "1"),
        (CardWanted(kind="personal", state="active"), "c.kind = 'personal' AND c.state = 'active'"),
        (CardWanted(state="blocked"), "c.state = 'blocked'"),
        (
            CardWanted(kind="bearer", state="not_activated"),
            "c.kind='bearer' AND c.state='not_activated'",
        ),
        (CardWanted(with_member=False), "c.member_id IS NULL"),
        (CardWanted(fixed_discount=False, with_member=True), "c.fixed_discount_bp = 0 AND m.id"),
        (CardWanted(fixed_discount=True), "c.fixed_discount_bp > 0"),
        (CardWanted(with_number=True, id_above=10), "c.number IS NOT NULL AND c.id > 10"),
        (CardWanted(balance_at_least_centi=150_000), "m.balance_centi >= 150000"),
        (CardWanted(balance_below_centi=50_000), "m.balance_centi < 50000"),
        (
            CardWanted(birthday="11-22", no_gift_in=2026),
            "substr(m.birthday, 6, 5) = '11-22'"
            " AND (m.last_gift_year IS NULL OR m.last_gift_year < 2026)",
        ),
        (CardWanted(priority_service=True), "m.priority_service"),
        (CardWanted(with_phone=True), "m.id AND m.phone IS NOT NULL"),
        (CardWanted(priority_service=False), "m.id AND NOT m.priority_service"),  # not a bearer's
    ],
)
def test_a_description_finds_what_the_sql_finds(
    demo_db: Database, wanted: CardWanted, where: str
) -> None:
    with demo_db.read() as conn:
        expected = [r[0] for r in conn.execute(text(f"{JOINED} WHERE {where} ORDER BY c.id"))]
        assert card_ids(conn, wanted, limit=10**6) == expected
        assert card_ids(conn, wanted) == expected[:1]
    assert expected, "the demo cache has such cards: the comparison says something"


def test_birthdays_first(demo_db: Database) -> None:
    wanted = CardWanted(kind="personal", state="active")
    with demo_db.read() as conn:
        born = card_ids(conn, CardWanted(kind="personal", state="active", birthday="11-22"))
        assert born and card_ids(conn, wanted, birthday_first="11-22") == born
        assert card_ids(conn, wanted, birthday_first="11-22") != card_ids(conn, wanted)


def test_the_builders_pick_what_they_describe(demo_db: Database) -> None:
    rich = a_card(demo_db, balance_at_least=1500)
    assert (rich.kind, rich.state) == ("personal", "active") and rich.member_id is not None
    with demo_db.read() as conn:
        member = queries.member_by_id(conn, rich.member_id)
    assert member is not None and member.balance_centi >= 150_000
    blocked = a_card(demo_db, None, CardState.BLOCKED)
    assert blocked.state == "blocked"
    bearer = cards(demo_db, CardKind.BEARER, CardState.NOT_ACTIVATED, limit=3)
    assert len(bearer) == 3 and {(c.kind, c.state) for c in bearer} == {("bearer", "not_activated")}
    born = a_member(demo_db, birthday=date(1990, 11, 22)).birthday
    assert born is not None and (born.month, born.day) == (11, 22)
    with pytest.raises(LookupError):
        a_card(demo_db, balance_at_least=10**9)


def test_a_new_member_is_added_as_a_till_registers_one(demo_db: Database) -> None:
    alone = new_member(demo_db, phone="380501110001", card=False)
    carded = new_member(demo_db, full_name="Нова Ганна", phone="380501110002")
    with demo_db.read() as conn:
        assert queries.cards_of_member(conn, alone.id) == []
        (card,) = queries.cards_of_member(conn, carded.id)
        assert queries.members_by_phone(conn, "380501110001") == [alone]
    assert (card.kind, card.state, card.member_id) == ("personal", "active", carded.id)
    assert carded.full_name == "Нова Ганна" and carded.balance_centi == 0
