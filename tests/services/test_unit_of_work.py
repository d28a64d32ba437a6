"""The unit of work on a real cache file: a write is kept only when committed, its outbox
listeners hear of it only then, and a transaction cannot be used after its commit."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from terminal.store.database import Database
from terminal.store.records import NewOperation
from terminal.store.unit_of_work import SqlStore, TransactionOver

OP = NewOperation(
    id="op-1", kind="adjustment", created_at="2026-11-22T10:30:00", card_id=None, member_id=None
)


def operations(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM operations")).scalar_one())


def test_a_write_without_its_commit_leaves_nothing(db: Database) -> None:
    woken: list[int] = []
    db.outbox_listeners.append(lambda: woken.append(1))
    store = SqlStore(db)
    with store.write() as tx:
        tx.ledger.record(OP)
    assert operations(db) == 0 and woken == []
    with pytest.raises(RuntimeError), store.write() as tx:
        tx.ledger.record(OP)
        tx.ledger.audit("2026-11-22T10:30:00", "adjustment")
        raise RuntimeError("a use case that fails half-way")
    assert operations(db) == 0 and woken == []


def test_a_committed_write_is_kept_and_wakes_the_outbox_after(db: Database) -> None:
    woken: list[int] = []
    db.outbox_listeners.append(lambda: woken.append(operations(db)))
    with SqlStore(db).write() as tx:
        seq = tx.ledger.record(OP)
        tx.commit()
    assert seq == 1 and operations(db) == 1
    assert woken == [1]  # told once, and only when the row was there for others to see


def test_a_transaction_is_over_after_its_commit(db: Database) -> None:
    store = SqlStore(db)
    with store.write() as tx:
        tx.commit()
        with pytest.raises(TransactionOver):
            tx.ledger.record(OP)
    with store.read() as reads:
        assert reads.members.count() == 0
    with pytest.raises(TransactionOver):
        reads.members.count()
