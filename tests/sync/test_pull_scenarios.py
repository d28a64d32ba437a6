"""Pull scenarios end to end: real tills (SQLite files), the reference office over real
HTTP on loopback, the real SyncWorker thread: a cursor too old, deletions, the first
download."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from officekit import (
    Terminal,
    cache_balances,
    checkout,
    enrolled_terminal,
    office_balances,
    office_op_count,
    result_of,
    terminal_ops,
)
from opkit import office_member
from scenariokit import active_cards, member_of_card, state_value, wait_for, worker

from office import admin, auth, feed
from office.db import OfficeDB
from office.server import OfficeServer
from sync.worker import SyncState
from terminal.store import sync_state

pytestmark = pytest.mark.integration


# --- the feed: a cursor too old, deletions ----------------------------------------------


@pytest.mark.expected_log(r"no longer keeps changes after \d+: rebuilding")
def test_a_cursor_too_old_rebuilds_the_cache_and_keeps_unsent_operations(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    cards = active_cards(terminal, 3)
    pending = [checkout(terminal, c, "700.00") for c in cards]
    # Meanwhile at the office: a member changed, one deleted, one new, the feed pruned.
    changed = member_of_card(terminal, active_cards(terminal, 1, skip=10)[0])
    gone = member_of_card(terminal, active_cards(terminal, 1, skip=20)[0])
    admin.add_member(
        office_db, id=changed, full_name="Сменила Фамилию", address_as="Анна", balance_centi=777_00
    )
    admin.delete_member(office_db, gone)
    admin.add_member(office_db, id=5_000_000, full_name="Новый Участник", address_as="Новый")
    with office_db.read() as conn:
        head = feed.current_seq(conn)
    feed.prune(office_db, head)
    with terminal.client() as client:
        syncer = terminal.syncer(client, snapshot_page=300)
        # The pull of a pass whose operations came after its push had begun: they wait.
        _changes, rows = syncer.pull_all()
    assert rows > 0
    assert state_value(terminal, sync_state.CURSOR) == str(head)
    assert state_value(terminal, sync_state.SNAPSHOT) is None
    statuses = terminal_ops(terminal.db)
    assert [statuses[o][0] for o in pending] == ["pending"] * 3
    cache = cache_balances(terminal.db)
    assert gone not in cache and 5_000_000 in cache and cache[changed] == 777_00
    office_now = {
        m: b
        for m, b in office_balances(office_db).items()
        if not office_member(office_db, m)["deleted"]
    }
    assert cache == office_now
    terminal.sync()  # the kept operations push
    statuses = terminal_ops(terminal.db)
    assert [statuses[o][0] for o in pending] == ["acked"] * 3
    assert office_op_count(office_db) == 3
    after = office_balances(office_db)
    assert cache_balances(terminal.db) == {m: after[m] for m in office_now}


def test_a_member_deleted_at_the_office_leaves_the_till_cache_with_its_cards(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    card = active_cards(terminal, 1, skip=5)[0]
    member = member_of_card(terminal, card)
    with terminal.db.read() as conn:
        theirs = [
            r[0]
            for r in conn.exec_driver_sql("SELECT id FROM cards WHERE member_id = ?", (member,))
        ]
    op_id = checkout(terminal, card, "300.00")  # not yet sent when the deletion happens
    admin.delete_member(office_db, member)
    terminal.sync()
    assert member not in cache_balances(terminal.db)
    with terminal.db.read() as conn:
        cards_left = conn.exec_driver_sql(
            "SELECT id, member_id, state FROM cards WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(theirs),),
        ).all()
        name_hits = conn.exec_driver_sql(
            "SELECT count(*) FROM members WHERE id = ?", (member,)
        ).scalar_one()
    assert name_hits == 0
    # The cards stay known to the till as blocked cards of nobody: they lead to no one.
    assert all(m is None and s == "blocked" for _i, m, s in cards_left)
    # The purchase made before the deletion is a past fact: sent, kept, acknowledged.
    assert terminal_ops(terminal.db)[op_id][0] == "acked"
    assert result_of(terminal.db, op_id)["code"] == "member_deleted"


# --- the first download, seen from the worker -------------------------------------------


def test_the_first_download_reports_progress_through_the_worker(
    office: OfficeServer, office_db: OfficeDB, tmp_path: Path
) -> None:
    with enrolled_terminal(office, tmp_path / "new") as t, t.client() as client:
        syncer = t.syncer(client, snapshot_page=200)
        with worker(t, client, syncer=syncer) as (w, seen):
            wait_for(lambda: w.status.state is SyncState.ONLINE, what="the first download")
        downloading = [s.progress for s in seen if s.state is SyncState.DOWNLOADING]
        assert len(downloading) > 5
        done = [p[0] for p in downloading if p is not None]
        total = downloading[-1][1] if downloading[-1] else 0
        assert done == sorted(done) and done[0] == 0 and done[-1] == total > 2000
        assert cache_balances(t.db) == office_balances(office_db)
        online = next(s for s in seen if s.state is SyncState.ONLINE)
        assert online.last_sync is not None and online.clock_skew_s is not None


def test_a_first_download_cut_short_raises_in_the_pass_and_resumes_where_it_stopped(
    office: OfficeServer, office_db: OfficeDB, tmp_path: Path
) -> None:
    from sqlalchemy import update

    from office.models import terminals
    from sync.client import AuthFailed

    with enrolled_terminal(office, tmp_path / "new") as t, t.client() as client:
        pages: list[int] = []
        cut_done: list[bool] = []

        def cut(done: int, _total: int) -> None:
            pages.append(done)
            if len(pages) == 4 and not cut_done:  # refused from the next page on
                cut_done.append(True)
                auth.revoke(office_db, t.creds.terminal_id)

        syncer = t.syncer(client, snapshot_page=300)
        syncer.progress = cut
        with pytest.raises(AuthFailed):
            syncer.run_pass()
        kept = state_value(t, sync_state.SNAPSHOT)
        assert kept is not None
        resumed_at = json.loads(kept)["done_rows"]
        # Cut after 3 pages: the 4th waits in the prefetch queue, and the 5th may have
        # been asked for before the revocation (the prefetch is one page ahead of it).
        assert 0 < resumed_at <= 300 * 5
        with office_db.write() as conn:
            conn.execute(update(terminals).values(revoked_at=None))
        pages.clear()
        syncer.run_pass()
        assert pages[0] == resumed_at
        assert state_value(t, sync_state.SNAPSHOT) is None
        assert cache_balances(t.db) == office_balances(office_db)
        with t.db.read() as conn:
            n_cards = conn.exec_driver_sql("SELECT count(*) FROM cards").scalar_one()
        assert pages[-1] == len(office_balances(office_db)) + n_cards
