"""demo-data --replace deletes only one of our caches; the demo walk-through records its
purchase only on a demo cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import card_key

from terminal.cli.main import main
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.till import Till
from terminal.store.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def office_cache(demo_db: Database) -> str:
    """A cache as the office fills it: real members, no demo mark, a sale not yet sent."""
    with demo_db.write() as conn:
        conn.exec_driver_sql("DELETE FROM sync_state WHERE key = 'demo.seed'")
    checkout(Till(demo_db).unit(), card_key(demo_db, kind=None), Money.parse("100"))
    demo_db.close()
    return str(demo_db.path)


def operations(path: str) -> int:
    with sqlite3.connect(path) as raw:
        return int(raw.execute("SELECT count(*) FROM operations").fetchone()[0])


@pytest.mark.parametrize("kind", ["text", "garbage", "foreign", "directory"])
def test_replace_deletes_only_our_caches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = tmp_path / "precious"
    if kind == "text":
        path.write_text("the shop's accounts\n")
    elif kind == "garbage":
        path.write_bytes(b"\x13\x37" * 4096)
    elif kind == "foreign":
        with sqlite3.connect(path) as raw:
            raw.execute("CREATE TABLE accounts (id)")
    else:
        path.mkdir()
    before = path.read_bytes() if path.is_file() else None
    code, _out, err = run(capsys, "demo-data", "--members", "5", "--db", str(path), "--replace")
    assert code == 1 and err.count("\n") == 1, err
    assert path.exists() and (before is None or path.read_bytes() == before)


def test_replace_keeps_a_cache_with_unsent_operations(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = office_cache(demo_db)
    code, _out, err = run(capsys, "demo-data", "--members", "5", "--db", path, "--replace")
    assert code == 1 and "not received" in err
    assert operations(path) == 1


def test_replace_replaces_a_demo_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.sqlite3")
    assert run(capsys, "demo-data", "--members", "300", "--db", db)[0] == 0
    assert run(capsys, "demo", "--db", db)[0] == 0  # a demo purchase
    assert operations(db) == 1
    code, out, _ = run(capsys, "demo-data", "--members", "30", "--db", db, "--replace")
    assert code == 0 and "30 members" in out and operations(db) == 0


def test_demo_refuses_a_cache_that_is_not_a_demo_cache(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = office_cache(demo_db)
    code, _out, err = run(capsys, "demo", "--db", path)
    assert code == 1 and "not a demo cache" in err
    assert operations(path) == 1  # no purchase recorded on real members
