"""The reference office over real HTTP, on SQLite and on a real PostgreSQL: the change
feed (commit order, pruning) and the snapshot, followed by real tills."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from officekit import (
    Terminal,
    cache_balances,
    checkout,
    enrolled_terminal,
    office_balances,
    terminal_ops,
)
from opkit import member_with_card, op, text

from office import admin, feed
from office.db import OfficeDB
from office.server import OfficeServer
from sync.client import CursorGone, OfficeClient, Refused
from sync.protocol import MEMBER_FIELDS, OpStatus
from terminal.loyalty.names import name_in, parse_names

pytestmark = pytest.mark.integration


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


def test_tills_pushing_at_once_leave_a_feed_in_commit_order(
    office_any: OfficeServer, office_db_any: OfficeDB, tmp_path: object
) -> None:
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


# --- gift names per language ------------------------------------------------------------


def test_a_gift_named_per_language_at_the_office_reaches_the_till(
    terminal_any: Terminal, office_db_any: OfficeDB, capsys: pytest.CaptureFixture[str]
) -> None:
    from office.__main__ import main
    from terminal.store.gift_queries import GiftRows

    url = office_db_any.engine.url.render_as_string(hide_password=False)
    terminal_any.sync()  # the snapshot first: then the gift comes as a change of the feed
    assert (
        main(
            [
                "--db",
                url,
                "gift",
                "MUG",
                "--name",
                "Mug",
                "--cost",
                "500",
                "--name-uk",
                "Фірмова чашка",
                "--name-ru",
                "Фирменная кружка",
            ]
        )
        == 0
    )
    terminal_any.sync()
    with terminal_any.db.read() as conn:
        mug = GiftRows(conn).by_code("MUG")
    assert mug is not None and mug.points_cost_centi == 50_000
    assert parse_names(json.loads(mug.names or "{}")) == (
        ("ru", "Фирменная кружка"),
        ("uk", "Фірмова чашка"),
    )
    assert name_in(parse_names(json.loads(mug.names or "{}")), "en", mug.name) == "Mug"
    # a bad name is refused in words, and nothing changes
    assert main(["--db", url, "gift", "MUG", "--name", "Mug", "--name-en", "a\x01b"]) != 0
    assert "names.en" in capsys.readouterr().err
