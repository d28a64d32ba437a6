"""The reference office that `make run` starts beside the demo till, so the demo syncs.

It runs in this process on a free loopback port, keeps its data in ``office.sqlite3``
beside the demo cache (seeded from that cache the first time), and the till is enrolled
with it once; on later runs the credential is pointed at the new port (the token stays
valid: it is the same office).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from office import admin, auth
from office.db import OfficeDB
from office.server import OfficeServer
from sync import credentials
from sync.client import OfficeClient
from terminal.store.database import Database

log = logging.getLogger(__name__)


def office_path(db_path: Path) -> Path:
    return db_path.with_name("office.sqlite3")


@contextmanager
def demo_office(db: Database) -> Iterator[OfficeServer]:
    """Serve the demo office on 127.0.0.1 while the block runs; the till enrolled."""
    path = office_path(db.path)
    fresh = not path.exists()
    odb = OfficeDB.open(str(path))
    try:
        if fresh:
            admin.seed_from_cache(odb, db.path)
        with OfficeServer(odb) as server:
            _enrol(db, odb, server.url)
            yield server
    finally:
        odb.close()


def _enrol(db: Database, odb: OfficeDB, url: str) -> None:
    try:
        creds = credentials.load(db.path)
    except credentials.NotEnrolled:
        creds = None
    if creds is not None and not creds.office_url.startswith("http://127.0.0.1:"):
        log.warning("this cache is enrolled with %s; the demo office is not used", creds)
        return
    if creds is not None:  # the demo office of an earlier run, on another port now
        creds = replace(creds, office_url=url)
    else:
        with OfficeClient(url) as client:
            body = client.enrol(auth.create_code(odb, "demo till")).body
        creds = credentials.Credentials(
            url, int(body["terminal_id"]), str(body["name"]), str(body["token"])
        )
    credentials.save(db.path, creds)
    credentials.note_in_cache(db, creds)
