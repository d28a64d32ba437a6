"""The store's columns and the protocol's fields stay equal: every field of a member, a
card or a gift on the wire is a column of the cache's table of the same name, and every
column the office does not send is one the store derives (incoming.MEMBER_DERIVED) or
the member's seq. A field added on one side only fails here, not in a till's first
download."""

from __future__ import annotations

from dataclasses import fields

import pytest

from sync import decode
from sync.protocol import CARD_FIELDS, GIFT_FIELDS, MEMBER_FIELDS
from terminal.store import feed_apply
from terminal.store.database import Database
from terminal.store.incoming import (
    CARD_ROW,
    GIFT_ROW,
    MEMBER_DERIVED,
    MEMBER_ROW,
    MEMBER_SEQ,
    MemberChanged,
)
from terminal.store.normalize import name_key
from terminal.store.records import CardRecord, MemberRecord
from terminal.store.schema import CARD_COLUMNS, GIFT_COLUMNS, MEMBER_COLUMNS, cards, members


def test_the_column_orders_are_the_tables() -> None:
    assert MEMBER_COLUMNS == tuple(c.name for c in members.columns)
    assert CARD_COLUMNS == tuple(c.name for c in cards.columns)
    assert sorted((*MEMBER_ROW, *MEMBER_DERIVED)) == sorted(MEMBER_COLUMNS)
    assert CARD_ROW == CARD_COLUMNS and GIFT_ROW == GIFT_COLUMNS


def test_every_member_field_is_a_column_and_every_other_column_is_derived() -> None:
    assert len(set(MEMBER_FIELDS)) == len(MEMBER_FIELDS)
    assert set(MEMBER_FIELDS) <= set(MEMBER_COLUMNS)
    assert set(MEMBER_COLUMNS) - set(MEMBER_FIELDS) == {*MEMBER_DERIVED, MEMBER_SEQ}
    assert not set(MEMBER_DERIVED) & set(MEMBER_FIELDS)


@pytest.mark.parametrize(
    ("wire", "columns"), [(CARD_FIELDS, CARD_COLUMNS), (GIFT_FIELDS, GIFT_COLUMNS)]
)
def test_card_and_gift_fields_are_their_tables_columns(
    wire: tuple[str, ...], columns: tuple[str, ...]
) -> None:
    assert len(set(wire)) == len(wire)
    assert set(wire) == set(columns)


def test_the_decoder_takes_each_field_to_the_column_of_its_name() -> None:
    """A wire row whose every value is its field's name decodes to a store row whose
    every value is its column's name (the member's seq: MEMBER_SEQ, office_seq)."""
    member = decode.pick_member([*MEMBER_FIELDS, MEMBER_SEQ])
    assert dict(zip(MEMBER_ROW, member, strict=True)) == {c: c for c in MEMBER_ROW}
    card = decode.pick_card(list(CARD_FIELDS))
    assert dict(zip(CARD_ROW, card, strict=True)) == {c: c for c in CARD_ROW}
    gift = decode.pick_gift(list(GIFT_FIELDS))
    assert dict(zip(GIFT_ROW, gift, strict=True)) == {c: c for c in GIFT_ROW}


def test_the_records_of_the_lookups_are_columns() -> None:
    assert tuple(f.name for f in fields(CardRecord)) == CARD_COLUMNS
    assert {f.name for f in fields(MemberRecord)} <= set(MEMBER_COLUMNS)


def test_a_member_from_the_office_lands_in_its_columns_with_the_derived_ones(
    db: Database,
) -> None:
    values = {
        "id": 5,
        "full_name": "Петрова Ольга Ивановна",
        "address_as": "Ольга Ивановна",
        "birthday": "1980-02-29",
        "phone": "79161234567",
        "segment": "gold",
        "personal_manager": "Смирнов",
        "priority_service": True,
        "consent_personal_data": True,
        "consent_marketing": True,
        "balance_centi": 12_345,
        "lifetime_spend_minor": 1_000_000,
        "window_spend_minor": 250_000,
        "purchases": 17,
        "last_gift_year": 2025,
    }
    wire = [values[f] for f in MEMBER_FIELDS]
    at = "2026-11-22T12:00:00.000000+00:00"
    with db.write() as conn:
        row = decode.pick_member((*wire, 42))
        feed_apply.apply_changes(conn, [MemberChanged(row, at)], "1")
        stored = conn.exec_driver_sql(
            f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE id = 5"
        ).one()
    assert dict(zip(MEMBER_COLUMNS, stored, strict=True)) == {
        **values,
        "name_key": name_key(values["full_name"]),
        "office_seq": 42,
        "synced_at": at,
    }
