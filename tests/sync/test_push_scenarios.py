"""Push scenarios end to end: real tills (SQLite files), the reference office over real
HTTP on loopback, the real SyncWorker thread: one batch in flight, rejections,
conflicts, held reversals."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import pytest
from officekit import (
    Terminal,
    cache_balances,
    checkout,
    now,
    office_balances,
    office_op_count,
    result_of,
    terminal_ops,
)
from opkit import SUPERVISOR_ID, office_member, office_op_rows, return_of, text
from opkit import purchase as purchase_op
from scenariokit import active_cards, member_of_card, wait_for, waiting, worker

from office import ledger
from office.db import OfficeDB
from sync.protocol import OpStatus
from sync.worker import SyncState
from terminal.store import push_outcomes

pytestmark = pytest.mark.integration


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


# --- rejections, conflicts, held reversals ----------------------------------------------


def _corrupt(t: Terminal, op_id: str, payload: str) -> None:
    with t.db.write() as conn:
        conn.exec_driver_sql("UPDATE outbox SET payload = ? WHERE op_id = ?", (payload, op_id))


@pytest.mark.expected_log(r"rejected by the office: (http_400|unknown_kind)")
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


@pytest.mark.expected_log(r"rejected by the office: conflict")
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
    other = {**payload, "created_at": payload["created_at"][:10] + "T12:30:00+00:00"}
    with terminal.client() as client:  # an earlier, different body under the same id
        (first,), _ = client.push([json.dumps(other)])
    assert first.status is OpStatus.APPLIED
    terminal.sync()
    assert terminal_ops(terminal.db)[op_id][0] == "parked"
    assert result_of(terminal.db, op_id)["code"] == "conflict"
    assert office_member(office_db, member)["balance_centi"] == (
        before + payload["points_delta_centi"]
    )


def test_a_reversal_that_arrives_before_its_target_is_held_then_applied_once(
    terminal: Terminal, office_db: OfficeDB
) -> None:
    terminal.sync()
    card = active_cards(terminal, 1, skip=2)[0]
    member = member_of_card(terminal, card)
    start = office_member(office_db, member)["balance_centi"]
    target = purchase_op(office_db, member, card, 123_400, seq=1)
    reversal = {**return_of(office_db, target), "seq": 2}
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


@pytest.mark.expected_log(r"rejected by the office: http_400")
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
    _reverse(terminal, json.loads(good), office_db)
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


def _reverse(t: Terminal, purchase: dict[str, object], office_db: OfficeDB) -> None:
    """A return of the whole purchase, recorded as the till records one."""
    from terminal.store import ledger as till_ledger
    from terminal.store.records import NewOperation

    back = return_of(office_db, purchase)
    names = (
        "kind",
        "card_id",
        "member_id",
        "amount_minor",
        "paid_minor",
        "points_spent_centi",
        "points_earned_centi",
        "points_delta_centi",
        "spend_delta_minor",
        "purchases_delta",
        "reverses",
    )
    with t.db.write() as conn:
        till_ledger.record(
            conn,
            NewOperation(
                id=f"{purchase['id']}-r",
                staff_id=SUPERVISOR_ID,  # the office's (the demo's) supervisor
                created_at=now().isoformat(),
                facts=json.dumps(back["facts"]),
                **{n: back[n] for n in names},
            ),
        )
