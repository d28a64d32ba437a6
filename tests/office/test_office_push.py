"""The reference office over real HTTP, on SQLite and on a real PostgreSQL: enrolment and
credentials, push idempotency, reversals, overdrafts, operations it cannot store."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from officekit import Terminal, enrol
from opkit import member_with_card, office_member, office_op_rows, op, purchase, return_of, text

from office import auth
from office.db import OfficeDB
from office.server import OfficeServer
from sync import credentials
from sync.client import AuthFailed, OfficeClient, Refused, Timeouts
from sync.protocol import OpStatus

pytestmark = pytest.mark.integration


# --- enrolment and credentials ------------------------------------------------------


def test_a_code_enrols_once_and_the_token_is_the_terminals_own(
    office_any: OfficeServer, tmp_path: object
) -> None:
    db = office_any.db
    code = auth.create_code(db, "Till 7")
    with OfficeClient(office_any.url) as anon:
        body = anon.enrol(code.lower().replace("-", " ")).body  # typed by a person
        assert body["name"] == "Till 7"
        with pytest.raises(AuthFailed) as again:
            anon.enrol(code)
        assert again.value.status == 403
        with pytest.raises(AuthFailed) as unknown:
            anon.hello()
        assert unknown.value.status == 401
    with OfficeClient(office_any.url, body["token"]) as client:
        assert client.hello().body["terminal_id"] == body["terminal_id"]
        assert auth.revoke(db, body["terminal_id"])
        with pytest.raises(AuthFailed) as revoked:
            client.hello()
        assert revoked.value.status == 403
    with OfficeClient(office_any.url, "not-a-token") as stranger:
        with pytest.raises(AuthFailed) as bad:
            stranger.changes("0", 10)
        assert bad.value.status == 401


def test_an_expired_code_enrols_nothing(office_any: OfficeServer) -> None:
    code = auth.create_code(office_any.db, "late", valid=timedelta(seconds=-1))
    with OfficeClient(office_any.url) as anon, pytest.raises(AuthFailed):
        anon.enrol(code)


# --- push ------------------------------------------------------------------------------


def test_a_batch_pushed_twice_applies_once_and_answers_the_original_result(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    ops = [op(member, card, 1500), op(member, card, -500), op(member, None, 250)]
    with terminal_any.client() as client:
        first, office_time = client.push([text(o) for o in ops])
        assert office_time is not None
        assert [r.status for r in first] == [OpStatus.APPLIED] * 3
        assert [r.balance_centi for r in first] == [
            balance + 1500,
            balance + 1000,
            balance + 1250,
        ]
        seqs = [r.member_seq for r in first]
        assert seqs == sorted(seqs) and len(set(seqs)) == 3
        again, _ = client.push([text(o) for o in ops])
    assert [r.status for r in again] == [OpStatus.DUPLICATE] * 3
    assert [r.balance_centi for r in again] == [r.balance_centi for r in first]
    assert [r.member_seq for r in again] == seqs
    assert office_member(office_db_any, member)["balance_centi"] == balance + 1250


def test_the_same_id_with_another_body_is_a_conflict_never_an_overwrite(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    original = op(member, card, 700)
    forged = {**original, "points_delta_centi": 70_000, "points_earned_centi": 70_000}
    with terminal_any.client() as client:
        (r1,), _ = client.push([text(original)])
        (r2,), _ = client.push([text(forged)])
        (r3,), _ = client.push([text(original)])
    assert r1.status is OpStatus.APPLIED
    assert (r2.status, r2.code) == (OpStatus.REJECTED, "conflict")
    assert r3.status is OpStatus.DUPLICATE and r3.balance_centi == balance + 700
    assert office_member(office_db_any, member)["balance_centi"] == balance + 700


def test_a_bad_operation_is_rejected_and_the_ones_behind_it_apply(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    bad_kind = op(member, card, 100, kind="teleport")
    bad_field = {**op(member, card, 100), "points_delta_centi": "lots"}
    good = op(member, card, 300)
    unknown_member = op(99_999_999, None, 100)
    with terminal_any.client() as client:
        results, _ = client.push(
            [text(bad_kind), text(bad_field), text(good), text(unknown_member)]
        )
    assert [(r.status, r.code) for r in results] == [
        (OpStatus.REJECTED, "unknown_kind"),
        (OpStatus.REJECTED, "bad_operation"),
        (OpStatus.APPLIED, None),
        (OpStatus.REJECTED, "unknown_member"),
    ]
    assert office_member(office_db_any, member)["balance_centi"] == balance + 300


def test_a_reversal_before_its_target_is_held_then_applied_once(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    target = purchase(office_db_any, member, card, 200_000)
    reversal = return_of(office_db_any, target)
    with terminal_any.client() as client:
        (held,), _ = client.push([text(reversal)])
        assert (held.status, held.code) == (OpStatus.HELD, "target_missing")
        (held_again,), _ = client.push([text(reversal)])
        assert held_again.status is OpStatus.HELD
        assert office_member(office_db_any, member)["balance_centi"] == balance
        (applied,), _ = client.push([text(target)])
        assert applied.status is OpStatus.APPLIED
        # The reversal was released with its target: its own retry is now a duplicate.
        (dup,), _ = client.push([text(reversal)])
        assert dup.status is OpStatus.DUPLICATE
        assert dup.balance_centi == balance
    row = office_member(office_db_any, member)
    assert row["balance_centi"] == balance
    stored = office_op_rows(office_db_any, terminal_any.creds.terminal_id)
    assert stored == {target["id"]: "applied", reversal["id"]: "applied"}


def test_a_second_reversal_of_the_same_operation_is_not_applied_twice(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    target = purchase(office_db_any, member, card, 100_000)
    reversal = return_of(office_db_any, target)
    with terminal_any.client() as client:
        client.push([text(target), text(reversal), text(reversal)])
    assert office_member(office_db_any, member)["balance_centi"] == balance


@pytest.mark.expected_log(r"overdrawn by an offline operation")
def test_an_overdraft_offline_is_applied_recorded_and_flagged(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    # The till saw the whole balance and spends 400 points of it; meanwhile the office
    # took all but 200 away (another till): 200 points short, within the offline limit.
    spend = purchase(office_db_any, member, card, 200_000, 40_000)
    left = balance - 20_000
    takes = [op(member, card, -(left // 2)), op(member, card, -(left - left // 2))]
    with terminal_any.client() as client:
        before, _ = client.push([text(t) for t in takes])
        assert [r.status for r in before] == [OpStatus.APPLIED] * 2
        (r,), _ = client.push([text(spend)])
    expected = 20_000 - 40_000 + spend["points_earned_centi"]
    assert expected < 0
    assert r.status is OpStatus.APPLIED and r.overdrawn, r
    assert r.balance_centi == expected
    row = office_member(office_db_any, member)
    assert row["balance_centi"] == expected and row["overdrawn"]


def test_a_batch_too_large_is_refused(terminal_any: Terminal) -> None:
    with terminal_any.client() as client, pytest.raises(Refused) as exc:
        client.push([text(op(None, None)) for _ in range(1001)])
    assert exc.value.status == 413


def test_enrolment_saves_a_credential_only_its_owner_reads(
    office_any: OfficeServer, tmp_path: object
) -> None:
    path = Path(str(tmp_path)) / "cache.sqlite3"
    creds = enrol(office_any, path)
    files = [p for p in path.parent.iterdir() if "cred" in p.name or p.suffix == ".json"]
    assert files, list(path.parent.iterdir())
    for f in files:
        assert stat.S_IMODE(os.stat(f).st_mode) & 0o077 == 0
    assert credentials.load(path) == creds
    with OfficeClient(office_any.url, creds.token, timeouts=Timeouts(1, 2)) as client:
        assert client.hello().body["terminal_id"] == creds.terminal_id
    assert json.dumps(creds.token) not in path.parent.name


@pytest.mark.parametrize(
    "poison",
    [
        {"kind": "a-kind-longer-than-the-column"},
        {"reverses": 12345},
        {"reverses": "r" * 37},
        {"card_id": 2**70},
        {"member_id": True},
        {"seq": 2**64},
        {"points_delta_centi": -(2**63)},
        {"id": "nul\x00byte"},
        {"created_at": "2026-11-22\x00"},
        {"facts": {"note": "\ud800"}},
    ],
    ids=lambda p: next(iter(p)),
)
def test_an_operation_the_database_cannot_store_is_rejected_not_a_batch_error(
    terminal_any: Terminal, office_db_any: OfficeDB, poison: dict[str, object]
) -> None:
    member, card, balance = member_with_card(office_db_any)
    bad = {**op(member, card, 100), **poison}
    good = op(member, card, 300)
    with terminal_any.client() as client:
        results, _ = client.push([json.dumps(bad), text(good)])
        again, _ = client.push([json.dumps(bad), text(good)])
    assert results[0].status is OpStatus.REJECTED
    assert results[0].code in ("bad_operation", "unknown_kind"), results[0]
    assert results[1].status is OpStatus.APPLIED
    assert again[0].status is OpStatus.REJECTED and again[1].status is OpStatus.DUPLICATE
    assert office_member(office_db_any, member)["balance_centi"] == balance + 300
