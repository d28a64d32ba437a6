"""The reference office that `make run` starts beside the demo till, so the demo syncs,
and the seeding that `office-demo` shares with it.

The office runs as a process of its own (terminal/cli/office_process.py) on a free
loopback port, keeps its data in ``office.sqlite3`` beside the demo cache (seeded from
that cache the first time, through a seed file), and the till is enrolled with it once;
on later runs the credential is pointed at the new port (the token stays valid: it is the
same office). The office stops when the till does.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sync import credentials
from sync.client import OfficeClient
from sync.office_url import is_loopback
from terminal.cli import office_process
from terminal.cli.office_process import RunningOffice
from terminal.cli.seed_cmd import write_seed
from terminal.store.database import Database

log = logging.getLogger(__name__)


def office_path(db_path: Path) -> Path:
    return db_path.with_name("office.sqlite3")


def seed_office(office_db: Path, cache: Database) -> str:
    """Make the office database ``office_db`` filled from ``cache`` (a seed file written
    and imported). It is made under another name and renamed when whole, so that a run
    stopped halfway seeds again the next time. Returns the office's summary line."""
    if office_db.exists():
        raise FileExistsError(f"{office_db} exists: a seed fills a new office only")
    part = office_db.with_name(office_db.name + ".part")
    _remove(part)
    _remove(office_db)  # a WAL left without its database would be nobody's
    with tempfile.TemporaryDirectory(prefix="seed-") as tmp:
        seed = Path(tmp) / "seed.jsonl"
        write_seed(cache, seed)
        done = office_process.run(part, "import-seed", str(seed)).strip()
    # The office has closed it: its WAL is checkpointed; if one is left, it goes along.
    for suffix in ("-wal", ""):
        side = part.with_name(part.name + suffix)
        if side.exists():
            side.replace(office_db.with_name(office_db.name + suffix))
    _remove(part)
    return done


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


@contextmanager
def demo_office(db: Database) -> Iterator[RunningOffice]:
    """Serve the demo office on 127.0.0.1 while the block runs; the till enrolled."""
    path = office_path(db.path)
    if not path.exists():
        log.info("seeding the demo office %s: %s", path, seed_office(path, db))
    with office_process.serving(path) as office:
        _enrol(db, path, office.url)
        yield office


def _enrol(db: Database, office_db: Path, url: str) -> None:
    try:
        creds = credentials.load(db.path)
    except credentials.NotEnrolled:
        creds = None
    if creds is not None and not is_loopback(creds.office_url):
        log.warning("this cache is enrolled with %s; the demo office is not used", creds)
        return
    if creds is not None:  # the demo office of an earlier run, on another port now
        creds = replace(creds, office_url=url)
    else:
        code = office_process.create_code(office_db, "demo till")
        with OfficeClient(url) as client:
            body = client.enrol(code).body
        creds = credentials.Credentials(
            url, int(body["terminal_id"]), str(body["name"]), str(body["token"])
        )
    credentials.save(db.path, creds)
    credentials.note_in_cache(db, creds)
