"""Helpers of the sync tests: enrolling a terminal, checking out, comparing balances."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from common.clock import FixedClock
from office import auth
from office.db import OfficeDB
from office.models import members as office_members
from office.models import operations as office_operations
from office.server import OfficeServer
from sync import credentials
from sync.client import OfficeClient, Timeouts
from sync.engine import Syncer
from terminal.loyalty import Money
from terminal.services.checkout import checkout as run_checkout
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database


def now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Terminal:
    db: Database
    path: Path
    creds: credentials.Credentials
    url: str

    def client(self, url: str | None = None, read: float = 5.0) -> OfficeClient:
        return OfficeClient(
            url or self.url, self.creds.token, timeouts=Timeouts(connect=2.0, read=read)
        )

    def syncer(self, client: OfficeClient, **kw: int) -> Syncer:
        return Syncer(self.db, client, now, **kw)

    def sync(self) -> None:
        with self.client() as client:
            self.syncer(client).run_pass()


def enrol(office: OfficeServer, path: Path, name: str = "till") -> credentials.Credentials:
    code = auth.create_code(office.db, name)
    with OfficeClient(office.url) as client:
        body = client.enrol(code).body
    creds = credentials.Credentials(office.url, body["terminal_id"], body["name"], body["token"])
    credentials.save(path, creds)
    return creds


@contextmanager
def enrolled_terminal(office: OfficeServer, folder: Path, name: str = "till") -> Iterator[Terminal]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cache.sqlite3"
    creds = enrol(office, path, name)
    with Database.open(path) as db:
        yield Terminal(db, path, creds, office.url)


_ids = itertools.count(1)


def checkout(t: Terminal, card_id: int, amount: str, spend: str | None = None) -> str:
    clock = FixedClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
    prefix = t.path.parent.name
    till = Till(t.db, clock, ids=lambda: f"{prefix}-{next(_ids):08d}")
    result = run_checkout(
        till.unit(),
        CardKey(card_id=card_id),
        Money.parse(amount),
        Decimal(spend) if spend else None,
    )
    return result.operation_id


def office_balances(db: OfficeDB) -> dict[int, int]:
    with db.read() as conn:
        rows = conn.execute(select(office_members.c.id, office_members.c.balance_centi)).all()
    return {int(r[0]): int(r[1]) for r in rows}


def office_op_count(db: OfficeDB) -> int:
    with db.read() as conn:
        return len(conn.execute(select(office_operations.c.op_id)).all())


def terminal_ops(db: Database) -> dict[str, tuple[str, int, int | None]]:
    with db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, status, points_delta_centi, member_id FROM operations"
        ).all()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def cache_balances(db: Database) -> dict[int, int]:
    with db.read() as conn:
        rows = conn.exec_driver_sql("SELECT id, balance_centi FROM members").all()
    return {int(r[0]): int(r[1]) for r in rows}


def result_of(db: Database, op_id: str) -> dict[str, object]:
    with db.read() as conn:
        text = conn.exec_driver_sql(
            "SELECT result FROM operations WHERE id = ?", (op_id,)
        ).scalar_one()
    return dict(json.loads(text))
