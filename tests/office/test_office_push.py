"""The reference office over real HTTP, on SQLite and on a real PostgreSQL: enrolment,
push idempotency, reversals, overdrafts, the change feed and the snapshot."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from officekit import Terminal, cache_balances, checkout, enrol, office_balances, terminal_ops
from opkit import member_with_card, office_member, office_op_rows, op, text

from office import admin, auth, feed
from office.db import OfficeDB
from office.server import OfficeServer
from sync.client import AuthFailed, CursorGone, OfficeClient, Refused, Timeouts
from sync.protocol import MEMBER_FIELDS, OpStatus

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
    target = op(member, card, 2000, kind="purchase", purchases_delta=1)
    reversal = op(member, card, -2000, kind="return", reverses=target["id"], purchases_delta=-1)
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
    target = op(member, card, 1000)
    reversal = op(member, card, -1000, reverses=target["id"])
    with terminal_any.client() as client:
        client.push([text(target), text(reversal), text(reversal)])
    assert office_member(office_db_any, member)["balance_centi"] == balance


def test_an_overdraft_offline_is_applied_recorded_and_flagged(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    member, card, balance = member_with_card(office_db_any)
    spend = op(member, card, -(balance + 5000), kind="purchase")
    with terminal_any.client() as client:
        (r,), _ = client.push([text(spend)])
    assert r.status is OpStatus.APPLIED and r.overdrawn
    assert r.balance_centi == -5000
    row = office_member(office_db_any, member)
    assert row["balance_centi"] == -5000 and row["overdrawn"]


def test_a_batch_too_large_is_refused(terminal_any: Terminal) -> None:
    with terminal_any.client() as client, pytest.raises(Refused) as exc:
        client.push([text(op(None, None)) for _ in range(1001)])
    assert exc.value.status == 413


# --- the change feed --------------------------------------------------------------------


def _feed(client: OfficeClient, cursor: str, limit: int = 1000) -> tuple[list[list[object]], str]:
    items: list[list[object]] = []
    while True:
        body = client.changes(cursor, limit).body
        items += body["changes"]
        cursor = body["next"]
        if not body["more"]:
            return items, cursor


def test_the_feed_pages_changes_in_commit_order_and_a_pruned_cursor_is_gone(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    db = office_db_any
    member, card, _ = member_with_card(db)
    with terminal_any.client() as client:
        start = client.snapshot("meta").body["as_of"]
        admin.add_member(db, id=3_000_001, full_name="Петренко Олена", address_as="Олена")
        admin.add_card(db, id=3_000_001, number="2990000000017", member_id=3_000_001)
        client.push([text(op(member, card, 400))])
        admin.delete_member(db, 3_000_001)
        items, head = _feed(client, start, limit=2)
        seqs = [int(str(i[0])) for i in items]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        assert [(i[1], i[2]) for i in items] == [
            ("member", "3000001"),
            ("card", "3000001"),
            ("member", str(member)),
            ("card", "3000001"),
            ("member", "3000001"),
        ]
        created = dict(zip(MEMBER_FIELDS, items[0][3], strict=True))  # type: ignore[arg-type]
        assert created["full_name"] == "Петренко Олена"
        assert items[3][3] is not None and items[3][3][5] is None  # type: ignore[index]
        assert items[4][3] is None  # deleted
        # At the head: an empty page, the same cursor.
        body = client.changes(head, 10).body
        assert body["changes"] == [] and body["next"] == head and not body["more"]
        feed.prune(db, int(head) - 1)
        with pytest.raises(CursorGone):
            client.changes(start, 10)
        kept = client.changes(str(int(head) - 1), 10).body["changes"]
        assert [i[0] for i in kept] == [int(head)]  # the horizon itself is still served
        with pytest.raises(Refused) as bad:
            client.changes("yesterday", 10)
        assert bad.value.status == 400


def test_a_terminal_follows_the_feed_to_the_office_state(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    terminal_any.sync()
    member, card, _ = member_with_card(office_db_any, skip=3)
    admin.add_member(
        db := office_db_any,
        id=member,
        full_name="Новое Имя",
        address_as="Имя",
        balance_centi=123_456,
    )
    op_id = checkout(terminal_any, card, "500.00")
    terminal_any.sync()
    assert terminal_ops(terminal_any.db)[op_id][0] == "acked"
    assert cache_balances(terminal_any.db) == office_balances(db)
    with terminal_any.db.read() as conn:
        name = conn.exec_driver_sql(
            "SELECT full_name FROM members WHERE id = ?", (member,)
        ).scalar_one()
    assert name == "Новое Имя"


# --- the snapshot ---------------------------------------------------------------------


def test_the_snapshot_pages_every_member_and_card_once(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    with terminal_any.client() as client:
        meta = client.snapshot("meta").body
        assert meta["program"] is not None and meta["limits"]["per_card_centi"] > 0
        for part in ("members", "cards"):
            ids: list[int] = []
            after = 0
            while True:
                page = client.snapshot(part, after, 333).body
                ids += [int(r[0]) for r in page["rows"]]
                after = page["next_after"]
                if page["done"]:
                    break
            assert ids == sorted(set(ids))
            assert len(ids) == meta[part]
        with pytest.raises(Refused) as exc:
            client.snapshot("passwords")
        assert exc.value.status == 404
    assert len(office_balances(office_db_any)) == meta["members"]


def test_a_first_download_reports_progress_and_matches_the_office(
    office_any: OfficeServer, office_db_any: OfficeDB, tmp_path: object
) -> None:
    from pathlib import Path

    from officekit import enrolled_terminal

    seen: list[tuple[int, int]] = []
    with enrolled_terminal(office_any, Path(str(tmp_path)) / "new") as t:
        with t.client() as client:
            syncer = t.syncer(client, snapshot_page=250)
            syncer.progress = lambda done, total: seen.append((done, total))
            result = syncer.run_pass()
        assert cache_balances(t.db) == office_balances(office_db_any)
        with t.db.read() as conn:
            n_cards = conn.exec_driver_sql("SELECT count(*) FROM cards").scalar_one()
            indexes = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='cards' "
                "AND sql IS NOT NULL"
            ).scalar_one()
    total = seen[-1][1]
    assert result.snapshot_rows == total == len(office_balances(office_db_any)) + n_cards
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) > 10  # page by page, not only at the end
    assert indexes >= 3  # the indexes dropped for the fill came back


def test_enrolment_saves_a_credential_only_its_owner_reads(
    office_any: OfficeServer, tmp_path: object
) -> None:
    import os
    import stat
    from pathlib import Path

    from sync import credentials

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


def test_tills_pushing_at_once_leave_a_feed_in_commit_order(
    office_any: OfficeServer, office_db_any: OfficeDB, tmp_path: object
) -> None:
    import threading
    from pathlib import Path

    from officekit import enrolled_terminal

    db = office_db_any
    before = office_balances(db)
    members = list(
        {m: (m, c, b) for m, c, b in (member_with_card(db, i) for i in range(9))}.values()
    )[:5]
    with db.read() as conn:
        start = feed.current_seq(conn)
    errors: list[BaseException] = []
    sent: list[dict[str, object]] = []

    def till(t: Terminal) -> None:
        try:
            with t.client() as client:
                for _ in range(6):
                    batch = [op(m, c, 100) for m, c, _b in members]
                    sent.extend(batch)
                    results, _ = client.push([text(o) for o in batch])
                    assert {r.status for r in results} == {OpStatus.APPLIED}
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    folder = Path(str(tmp_path))
    with (
        enrolled_terminal(office_any, folder / "a", "A") as a,
        enrolled_terminal(office_any, folder / "b", "B") as b,
        enrolled_terminal(office_any, folder / "c", "C") as c,
    ):
        threads = [threading.Thread(target=till, args=(t,)) for t in (a, b, c)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(60)
        assert not errors, errors
        with a.client() as client:
            items, _head = _feed(client, str(start), limit=7)
    assert len(members) == 5 and len(sent) == 90
    seqs = [int(str(i[0])) for i in items]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs) == 90
    after = office_balances(db)
    for m, _c, _b in members:
        assert after[m] == before[m] + 18 * 100
        last = [i for i in items if i[1] == "member" and i[2] == str(m)][-1]
        assert dict(zip(MEMBER_FIELDS, last[3], strict=True))["balance_centi"] == after[m]  # type: ignore[arg-type]


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


def test_pruning_beyond_the_head_never_hides_the_next_changes(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    db = office_db_any
    with db.read() as conn:
        head = feed.current_seq(conn)
    feed.prune(db, head + 1000)
    admin.add_member(db, id=3_000_002, full_name="После Очистки", address_as="После")
    with terminal_any.client() as client:
        as_of = client.snapshot("meta").body["as_of"]
        items, _ = _feed(client, str(head))
        assert [(i[1], i[2]) for i in items] == [("member", "3000002")]
        assert int(as_of) >= int(str(items[0][0]))
    terminal_any.sync()
    assert 3_000_002 in cache_balances(terminal_any.db)
