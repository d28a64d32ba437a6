"""The office's answers decoded into the store's records (sync.decode): by field name,
whatever the order; what the till does not know left out; what it cannot read refused
as a protocol error (retried, never half applied)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from sync import decode
from sync.client import ProtocolError
from sync.protocol import CARD_FIELDS, GIFT_FIELDS, MEMBER_FIELDS, OpResult, OpStatus
from terminal.store import incoming
from terminal.store.incoming import CARD_ROW, GIFT_ROW, MEMBER_ROW, Part
from terminal.store.push_outcomes import MemberFigures, OutcomeStatus

AT = "2026-11-22T12:00:00.000000+00:00"
MEMBER = {
    "id": 7,
    "full_name": "Иванова Анна",
    "address_as": "Анна",
    "birthday": "1990-05-17",
    "phone": "79161234567",
    "segment": None,
    "personal_manager": None,
    "priority_service": False,
    "consent_personal_data": True,
    "consent_marketing": False,
    "balance_centi": 150_00,
    "lifetime_spend_minor": 1000_00,
    "window_spend_minor": 500_00,
    "purchases": 3,
    "last_gift_year": None,
}
CARD = {
    "id": 70,
    "uid": "04A1B2C3",
    "number": "2990000000700",
    "kind": "personal",
    "state": "active",
    "member_id": 7,
    "fixed_discount_bp": 0,
    "expires": None,
    "replaced_by": None,
}
GIFT = {
    "code": "mug",
    "name": "Кружка",
    "kind": "reward",
    "points_cost_centi": 500_00,
    "active": True,
    "names": '{"en": "Mug", "uk": "Кружка"}',
}


def wire(values: dict[str, Any], fields: tuple[str, ...]) -> list[Any]:
    return [values[f] for f in fields]


def by_column(row: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    return dict(zip(columns, row, strict=True))


def page(*changes: list[Any], more: bool = False) -> dict[str, Any]:
    return {"changes": list(changes), "next": "99", "more": more, "head": 99}


def test_every_entity_of_the_feed_becomes_its_record() -> None:
    program = {"code": "club", "version": 3, "body": {"code": "club"}}
    limits = {"offline_after_s": 60, "gifts_offline": False}
    body = page(
        [11, "member", "7", wire(MEMBER, MEMBER_FIELDS), AT],
        [12, "member", "8", None, AT],
        [13, "card", "70", wire(CARD, CARD_FIELDS), AT],
        [14, "card", "71", None, AT],
        [15, "program", "club", program, AT],
        [16, "gift", "mug", wire(GIFT, GIFT_FIELDS), AT],
        [17, "gift", "pen", None, AT],
        [18, "limits", "terminal", limits, AT],
    )
    decoded = decode.changes_page(body)
    assert (decoded.next, decoded.more, len(decoded.changes)) == ("99", False, 8)
    (member, gone, card, card_gone, prog, gift, gift_gone, lim) = decode.changes(decoded.changes)
    assert isinstance(member, incoming.MemberChanged) and member.synced_at == AT
    assert by_column(member.row, MEMBER_ROW) == {**MEMBER, "office_seq": 11}
    assert gone == incoming.MemberGone(8, 12)
    assert isinstance(card, incoming.CardChanged) and by_column(card.row, CARD_ROW) == CARD
    assert card_gone == incoming.CardGone(71)
    assert prog == incoming.ProgramChanged(incoming.ProgramRecord("club", 3, {"code": "club"}))
    assert isinstance(gift, incoming.GiftChanged) and by_column(gift.row, GIFT_ROW) == GIFT
    assert gift_gone == incoming.GiftGone("pen")
    assert isinstance(lim, incoming.LimitsChanged)
    assert lim.limits["offline_after_s"] == 60 and lim.limits["gifts_offline"] is False
    assert lim.limits["per_card_centi"] == 100_000  # the protocol's default


@pytest.mark.expected_log(r"a change of an unknown kind 'lottery' ignored")
def test_what_the_till_does_not_know_is_left_out(caplog: pytest.LogCaptureFixture) -> None:
    longer = [*wire(MEMBER, MEMBER_FIELDS), "a field of a later office"]
    body = page(
        [1, "lottery", "x", {"a": 1}, AT],  # an entity of a later office
        [2, "program", "club", None, AT],  # a program withdrawn: the till keeps its own
        [3, "member", "7", longer, AT],
    )
    with caplog.at_level(logging.WARNING, "sync.decode"):
        decoded = decode.changes(decode.changes_page(body).changes)
    assert [r.getMessage() for r in caplog.records] == [
        "a change of an unknown kind 'lottery' ignored"
    ]
    (member,) = decoded
    assert isinstance(member, incoming.MemberChanged)
    assert by_column(member.row, MEMBER_ROW) == {**MEMBER, "office_seq": 3}


@pytest.mark.parametrize(
    "body",
    [
        {"changes": [], "more": False},  # no cursor
        {"changes": [[1, "member", "7"]], "next": "1", "more": False},  # a short change
        {"changes": [[1, "card", "7", [7, None], AT]], "next": "1", "more": False},
        {"changes": [[1, "program", "c", {"code": "c"}, AT]], "next": "1", "more": False},
        [],
    ],
)
def test_a_change_page_it_cannot_read_is_a_protocol_error(body: Any) -> None:
    with pytest.raises(ProtocolError):
        decode.changes(decode.changes_page(body).changes)


def test_snapshot_pages_come_in_the_store_order_the_seq_last() -> None:
    members = {
        "part": "members",
        "rows": [[*wire(MEMBER, MEMBER_FIELDS), 41], [*wire(MEMBER, MEMBER_FIELDS), 42]],
        "next_after": 7,
        "done": False,
    }
    rows = decode.snapshot_rows(Part.MEMBERS, members)
    assert (rows.part, rows.next_after, rows.done) == (Part.MEMBERS, 7, False)
    assert [by_column(r, MEMBER_ROW)["office_seq"] for r in rows.rows] == [41, 42]
    assert by_column(rows.rows[0], MEMBER_ROW) == {**MEMBER, "office_seq": 41}
    # A field of a later office, before the seq: left out, the seq still taken last.
    later = {**members, "rows": [[*wire(MEMBER, MEMBER_FIELDS), "later", 43]]}
    (row,) = decode.snapshot_rows(Part.MEMBERS, later).rows
    assert by_column(row, MEMBER_ROW) == {**MEMBER, "office_seq": 43}
    cards = {"part": "cards", "rows": [wire(CARD, CARD_FIELDS)], "next_after": 70, "done": True}
    (card,) = decode.snapshot_rows(Part.CARDS, cards).rows
    assert by_column(card, CARD_ROW) == CARD
    with pytest.raises(ProtocolError):  # a page of another part than asked for
        decode.snapshot_rows(Part.MEMBERS, cards)
    with pytest.raises(ProtocolError):
        decode.snapshot_rows(Part.CARDS, {**cards, "rows": [[70, "04A1B2C3"]]})


def test_the_snapshot_meta() -> None:
    meta = decode.snapshot_meta(
        {
            "as_of": "123",
            "as_of_time": AT,
            "program": {"code": "club", "version": 3, "body": {}},
            "gifts": [wire(GIFT, GIFT_FIELDS)],
            "limits": {"offline_after_s": 60},
            "members": 10,
            "cards": 12,
        }
    )
    assert (meta.as_of, meta.as_of_time, meta.members, meta.cards) == ("123", AT, 10, 12)
    assert meta.program == incoming.ProgramRecord("club", 3, {})
    assert [by_column(g, GIFT_ROW) for g in meta.gifts] == [GIFT]
    assert meta.limits is not None and meta.limits["offline_after_s"] == 60
    bare = decode.snapshot_meta({"as_of": "0", "as_of_time": AT, "program": None})
    assert (bare.program, bare.gifts, bare.limits, bare.members) == (None, [], None, 0)
    with pytest.raises(ProtocolError):
        decode.snapshot_meta({"as_of_time": AT})


@pytest.mark.expected_log(r"rejected by the office: conflict")
def test_push_answers_become_outcomes() -> None:
    applied = OpResult(
        "a",
        OpStatus.APPLIED,
        member_id=7,
        member_seq=12,
        balance_centi=100,
        lifetime_spend_minor=2,
        window_spend_minor=3,
        purchases=4,
    )
    acked = decode.outcome("a", applied)
    assert (acked.status, acked.member_id) == (OutcomeStatus.ACKED, 7)
    assert acked.member == MemberFigures(100, 2, 3, 4, None, 12)
    assert decode.outcome("d", OpResult("d", OpStatus.DUPLICATE)).member is None
    assert decode.outcome("h", OpResult("h", OpStatus.HELD)).status is OutcomeStatus.HELD
    rejected = decode.outcome("r", OpResult("r", OpStatus.REJECTED, "conflict", "no"))
    assert rejected.status is OutcomeStatus.PARKED
    assert '"code": "conflict"' in rejected.result
    with pytest.raises(ProtocolError):
        decode.outcome("a", OpResult("b", OpStatus.APPLIED))
