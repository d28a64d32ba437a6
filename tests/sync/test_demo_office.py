"""`make run`'s office: seeded from the demo cache, the till enrolled once, the same
credential used again on the next run's port."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sync import credentials
from sync.client import OfficeClient
from sync.worker import run_once
from terminal.cli.demo_office import demo_office, office_path
from terminal.loyalty import Money
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database

pytestmark = pytest.mark.integration


def _sync(db: Database) -> str:
    creds = credentials.load(db.path)
    with OfficeClient(creds.office_url, creds.token) as client:
        return run_once(db, client, Till(db).clock.now)


def test_the_demo_office_serves_the_demo_till_across_runs(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    with Database.open(path) as db:
        with demo_office(db) as office:
            first = office.url
            assert "snapshot rows" in _sync(db)
            Till(db).checkout(CardKey(card_id=1), Money.parse("100.00"))
        assert office_path(path).exists()
        with demo_office(db) as office:
            assert credentials.load(path).office_url == office.url
            assert "acknowledged 1" in _sync(db)
        terminal_id = credentials.load(path).terminal_id
        with demo_office(db):
            assert credentials.load(path).terminal_id == terminal_id  # enrolled once
    assert first.startswith("http://127.0.0.1:")
