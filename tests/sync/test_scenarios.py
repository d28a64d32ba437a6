"""Sync scenarios end to end: real tills (SQLite files), the reference office over real
HTTP on loopback, the real SyncWorker thread."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from officekit import (
    Terminal,
    cache_balances,
    checkout,
    enrolled_terminal,
    now,
    office_balances,
    office_op_count,
    result_of,
    terminal_ops,
)
from opkit import member_with_card, office_member, office_op_rows, op, text

from office import admin, auth, feed, ledger
from office.db import OfficeDB
from office.server import OfficeServer
from sync.client import OfficeClient, Timeouts
from sync.protocol import OpStatus
from sync.worker import Backoff, SyncState, SyncStatus, SyncWorker
from terminal.store import push_outcomes, sync_state

pytestmark = pytest.mark.integration

FAST = Backoff(base_s=0.02, cap_s=0.1)


def wait_for(cond: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or cond}")
        time.sleep(0.02)


@contextmanager
def worker(
    t: Terminal, client: OfficeClient | None = None, **kw: Any
) -> Iterator[tuple[SyncWorker, list[SyncStatus]]]:
    seen: list[SyncStatus] = []
    w = SyncWorker(
        t.db,
        client or t.client(),
        clock=now,
        on_status=seen.append,
        poll_s=kw.pop("poll_s", 0.05),
        backoff=kw.pop("backoff", FAST),
        **kw,
    )
    w.start()
    try:
        yield w, seen
    finally:
        w.stop()
        assert not w.is_alive()


def waiting(t: Terminal) -> int:
    with t.db.read() as conn:
        return push_outcomes.counts(conn).waiting


def state_value(t: Terminal, key: str) -> str | None:
    with t.db.read() as conn:
        return sync_state.get_state(conn, key)


def active_cards(t: Terminal, n: int, skip: int = 0) -> list[int]:
    with t.db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.id FROM cards c JOIN members m ON m.id = c.member_id "
            "WHERE c.state = 'active' AND c.kind = 'personal' ORDER BY c.id LIMIT ? OFFSET ?",
            (n, skip),
        ).all()
    return [int(r[0]) for r in rows]


def member_of_card(t: Terminal, card: int) -> int:
    with t.db.read() as conn:
        return int(
            conn.exec_driver_sql("SELECT member_id FROM cards WHERE id = ?", (card,)).scalar_one()
        )


# --- one batch in flight ----------------------------------------------------------------


def test_two_workers_on_one_till_never_push_at_once_and_apply_every_operation_once(
    terminal: Terminal, office_db: OfficeDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal.sync()
    before = office_balances(office_db)
    cards = active_cards(terminal, 40)
    ops = [checkout(terminal, cards[i % len(cards)], f"{100 + i}.00") for i in range(120)]
    in_flight, most, pushes = 0, 0, 0
    lock = threading.Lock()
    real_push = ledger.push

    def counting_push(db: OfficeDB, terminal_id: int, batch: Any) -> Any:
        nonlocal in_flight, most, pushes
        with lock:
            in_flight += 1
            pushes += 1
            most = max(most, in_flight)
        try:
            time.sleep(0.03)  # a slow office widens the window for a second push
            return real_push(db, terminal_id, batch)
        finally:
            with lock:
                in_flight -= 1

    monkeypatch.setattr(ledger, "push", counting_push)
    with terminal.client() as c1, terminal.client() as c2:
        s1 = terminal.syncer(c1, push_batch=7)
        s2 = terminal.syncer(c2, push_batch=7)
        with worker(terminal, c1, syncer=s1, name="w1"), worker(terminal, c2, syncer=s2, name="w2"):
            for _ in range(20):
                checkout(terminal, cards[0], "10.00")
            wait_for(lambda: waiting(terminal) == 0, what="the outbox to drain")
    assert most == 1
    assert pushes >= 140 // 7
    statuses = terminal_ops(terminal.db)
    assert {s for s, _, _ in statuses.values()} == {"acked"}
    assert set(ops) <= set(statuses)
    assert office_op_count(office_db) == len(statuses) == 140
    after = office_balances(office_db)
    expected = dict(before)
    for _status, delta, member in statuses.values():
        assert member is not None
        expected[member] += delta
    assert after == expected
    terminal.sync()
    assert cache_balances(terminal.db) == after


# --- the feed: a cursor too old, deletions ----------------------------------------------


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


# --- offline: two tills spending the same points ------------------------------------


def test_two_offline_tills_spending_the_same_points_are_both_applied_and_flagged(
    office: OfficeServer, office_db: OfficeDB, tmp_path: Path
) -> None:
    with (
        enrolled_terminal(office, tmp_path / "a", "till A") as a,
        enrolled_terminal(office, tmp_path / "b", "till B") as b,
    ):
        a.sync()
        b.sync()
        member, card, _ = member_with_card(office_db, skip=30)
        balance = 1000_00
        admin.add_member(
            office_db,
            id=member,
            full_name="Клиент Тестовый",
            address_as="Клиент",
            balance_centi=balance,
        )
        a.sync()
        b.sync()
        # Both offline: each spends 800 of the 1000 points it knows of.
        op_a = checkout(a, card, "3000.00", "800")
        op_b = checkout(b, card, "3000.00", "800")
        spent = [terminal_ops(t.db)[o][1] for t, o in ((a, op_a), (b, op_b))]
        with a.db.read() as conn:
            assert (
                conn.exec_driver_sql(
                    "SELECT points_spent_centi FROM operations WHERE id = ?", (op_a,)
                ).scalar_one()
                == 800_00
            )
        a.sync()
        b.sync()
        assert terminal_ops(a.db)[op_a][0] == "acked"
        assert terminal_ops(b.db)[op_b][0] == "acked"
        row = office_member(office_db, member)
        assert row["balance_centi"] == balance + sum(spent)
        assert row["balance_centi"] < 0 and row["overdrawn"]
        assert result_of(b.db, op_b)["overdrawn"] is True
        a.sync()
        assert cache_balances(a.db)[member] == cache_balances(b.db)[member] == row["balance_centi"]


# --- credentials ------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["unknown", "revoked"])
def test_a_refused_credential_stops_the_worker_and_keeps_every_operation(
    terminal: Terminal, office_db: OfficeDB, how: str
) -> None:
    terminal.sync()
    cards = active_cards(terminal, 3)
    ops = [checkout(terminal, c, "250.00") for c in cards]
    if how == "revoked":
        assert auth.revoke(office_db, terminal.creds.terminal_id)
        client = terminal.client()
        status_code = 403
    else:
        client = OfficeClient(terminal.url, "forged-token", timeouts=Timeouts(2, 5))
        status_code = 401
    with worker(terminal, client) as (w, seen):
        wait_for(lambda: not w.is_alive(), what="the worker to stop")
        final = w.status
    assert final.state is SyncState.STOPPED
    assert final.message is not None and f"HTTP {status_code}" in final.message
    assert "store IT" in final.message
    assert final.waiting == 3
    assert seen[-1].state is SyncState.STOPPED
    assert state_value(terminal, sync_state.AUTH_ERROR) == final.message
    assert [terminal_ops(terminal.db)[o][0] for o in ops] == ["pending"] * 3
    with terminal.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar_one() == 3
    assert office_op_count(office_db) == 0


# --- rejections, conflicts, held reversals ----------------------------------------------


def _corrupt(t: Terminal, op_id: str, payload: str) -> None:
    with t.db.write() as conn:
        conn.exec_driver_sql("UPDATE outbox SET payload = ? WHERE op_id = ?", (payload, op_id))


def test_operations_the_office_rejects_are_parked_and_the_ones_behind_still_apply(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    cards = active_cards(terminal, 6)
    ops = [checkout(terminal, c, "400.00") for c in cards]
    with terminal.db.read() as conn:
        payload = json.loads(
            conn.exec_driver_sql(
                "SELECT payload FROM outbox WHERE op_id = ?", (ops[1],)
            ).scalar_one()
        )
    _corrupt(terminal, ops[1], json.dumps({**payload, "kind": "teleport"}))  # answered 200
    _corrupt(terminal, ops[3], '{"v": 1, "id": "' + ops[3] + '", "seq": ')  # the batch: 400
    with worker(terminal) as (w, _seen):
        wait_for(lambda: waiting(terminal) == 0, what="the outbox to drain")
        wait_for(lambda: w.status.state is SyncState.ONLINE and w.status.parked == 2)
    statuses = terminal_ops(terminal.db)
    assert [statuses[o][0] for o in ops] == ["acked", "parked", "acked", "parked", "acked", "acked"]
    assert result_of(terminal.db, ops[1])["code"] == "unknown_kind"
    assert result_of(terminal.db, ops[3])["code"] == "http_400"
    assert office_op_rows(office_db, terminal.creds.terminal_id).keys() == {
        ops[0],
        ops[1],
        ops[2],
        ops[4],
        ops[5],
    }
    with terminal.db.read() as conn:  # parked ones keep their outbox row, for review
        kept = {r[0] for r in conn.exec_driver_sql("SELECT op_id FROM outbox")}
    assert kept == {ops[1], ops[3]}


def test_the_same_operation_id_with_another_body_is_parked_as_a_conflict(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    card = active_cards(terminal, 1)[0]
    op_id = checkout(terminal, card, "900.00")
    with terminal.db.read() as conn:
        payload = json.loads(
            conn.exec_driver_sql(
                "SELECT payload FROM outbox WHERE op_id = ?", (op_id,)
            ).scalar_one()
        )
    member = payload["member_id"]
    before = office_member(office_db, member)["balance_centi"]
    other = {**payload, "points_delta_centi": 1, "points_earned_centi": 1}
    with terminal.client() as client:  # an earlier, different body under the same id
        (first,), _ = client.push([json.dumps(other)])
    assert first.status is OpStatus.APPLIED
    terminal.sync()
    assert terminal_ops(terminal.db)[op_id][0] == "parked"
    assert result_of(terminal.db, op_id)["code"] == "conflict"
    assert office_member(office_db, member)["balance_centi"] == before + 1


def test_a_reversal_that_arrives_before_its_target_is_held_then_applied_once(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    card = active_cards(terminal, 1, skip=2)[0]
    member = member_of_card(terminal, card)
    start = office_member(office_db, member)["balance_centi"]
    target = op(member, card, 1234, kind="adjustment", seq=1)
    reversal = op(member, card, -1234, kind="adjustment", seq=2, reverses=target["id"])
    with terminal.client() as client:
        (held,), _ = client.push([text(reversal)])
        assert held.status is OpStatus.HELD
        assert office_member(office_db, member)["balance_centi"] == start
        (applied,), _ = client.push([text(target)])
        (again,), _ = client.push([text(reversal)])
    assert applied.status is OpStatus.APPLIED
    assert again.status is OpStatus.DUPLICATE
    assert office_member(office_db, member)["balance_centi"] == start
    stored = office_op_rows(office_db, terminal.creds.terminal_id)
    assert stored == {target["id"]: "applied", reversal["id"]: "applied"}


def test_a_till_keeps_a_held_return_pending_until_its_purchase_is_applied(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    card = active_cards(terminal, 1, skip=4)[0]
    member = member_of_card(terminal, card)
    start = office_member(office_db, member)["balance_centi"]
    purchase = checkout(terminal, card, "1500.00")
    with terminal.db.read() as conn:
        good = conn.exec_driver_sql(
            "SELECT payload FROM outbox WHERE op_id = ?", (purchase,)
        ).scalar_one()
    _reverse(terminal, purchase)
    _corrupt(terminal, purchase, "{not json")  # the purchase cannot go: parked (HTTP 400)
    terminal.sync()
    ops = terminal_ops(terminal.db)
    reversal = next(i for i in ops if i != purchase)
    assert ops[purchase][0] == "parked" and ops[reversal][0] == "pending"
    assert result_of(terminal.db, purchase)["code"] == "http_400"
    assert office_member(office_db, member)["balance_centi"] == start
    with terminal.db.read() as conn:
        attempts = conn.exec_driver_sql(
            "SELECT attempts, last_error FROM outbox WHERE op_id = ?", (reversal,)
        ).one()
    assert attempts[0] >= 1 and "target_missing" in attempts[1]
    # Store IT reviews it: the purchase goes again and the held return follows it.
    _corrupt(terminal, purchase, good)
    with terminal.db.write() as conn:
        assert push_outcomes.unpark(conn, purchase)
    terminal.sync()
    ops = terminal_ops(terminal.db)
    assert ops[purchase][0] == ops[reversal][0] == "acked"
    assert office_member(office_db, member)["balance_centi"] == start
    assert office_op_rows(office_db, terminal.creds.terminal_id) == {
        purchase: "applied",
        reversal: "applied",
    }
    assert cache_balances(terminal.db)[member] == start


def _reverse(t: Terminal, purchase: str) -> None:
    """A return of the whole purchase, recorded as the till records one."""
    from terminal.store import ledger as till_ledger
    from terminal.store.records import NewOperation

    with t.db.write() as conn:
        row = conn.exec_driver_sql(
            "SELECT card_id, member_id, amount_minor, points_delta_centi, spend_delta_minor "
            "FROM operations WHERE id = ?",
            (purchase,),
        ).one()
        till_ledger.record(
            conn,
            NewOperation(
                id=f"{purchase}-r",
                kind="return",
                created_at=now().isoformat(),
                card_id=row[0],
                member_id=row[1],
                amount_minor=row[2],
                points_delta_centi=-row[3],
                spend_delta_minor=-row[4],
                purchases_delta=-1,
                reverses=purchase,
            ),
        )


# --- Retry-After ------------------------------------------------------------------------


class _Busy(BaseHTTPRequestHandler):
    """An office that is always busy: 503 (or 429) with a Retry-After."""

    times: list[float]
    retry_after: str
    status: int

    def do_POST(self) -> None:
        self._busy()

    def do_GET(self) -> None:
        self._busy()

    def _busy(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.times.append(time.monotonic())
        body = b'{"error": "busy", "message": "try later"}'
        self.send_response(self.status)
        self.send_header("Retry-After", self.retry_after)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: Any) -> None:
        pass


@contextmanager
def busy_office(status: int, retry_after: Callable[[], str]) -> Iterator[tuple[str, list[float]]]:
    times: list[float] = []

    class Handler(_Busy):
        pass

    Handler.times = times
    Handler.status = status
    type.__setattr__(Handler, "retry_after", property(lambda _self: retry_after()))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="busy-office")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", times
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize(
    ("status", "form"), [(503, "seconds"), (429, "seconds"), (503, "http-date")]
)
def test_the_worker_waits_as_long_as_retry_after_says(
    terminal: Terminal, status: int, form: str
) -> None:
    terminal.sync()
    checkout(terminal, active_cards(terminal, 1)[0], "100.00")

    def retry_after() -> str:
        if form == "seconds":
            return "1"
        from datetime import timedelta

        return format_datetime(now() + timedelta(seconds=2), usegmt=True)

    with busy_office(status, retry_after) as (url, times):
        client = OfficeClient(url, terminal.creds.token, timeouts=Timeouts(1, 2))
        with worker(terminal, client) as (w, _seen):
            wait_for(lambda: len(times) >= 3, timeout=15, what="three tries")
            st = w.status
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # Without Retry-After the backoff (FAST) would retry within 0.1 s.
    assert min(gaps[:2]) >= 0.9, gaps
    assert st.state is SyncState.OFFLINE and st.retry_in_s is not None and st.retry_in_s >= 0.9
    assert waiting(terminal) == 1


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
        assert 0 < resumed_at <= 300 * 4
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
