"""`loyalty-terminal enroll` and `sync --once` through the command's entry point, against
the real office over HTTP on loopback."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from sync import credentials
from sync.office import auth
from sync.office.server import OfficeServer
from terminal.cli.main import main
from terminal.store.database import Database


def office_members(office: OfficeServer) -> int:
    with office.db.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM members").scalar_one())

pytestmark = pytest.mark.integration


def test_enrol_then_sync_once(
    office: OfficeServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cache.sqlite3")
    assert main(["--db", db, "sync", "--once"]) == 1
    assert "not enrolled" in capsys.readouterr().err

    assert main(["--db", db, "enroll", "--office", office.url, "--code", "NOPE-NOPE-NOPE"]) == 1
    assert "unknown, used or expired" in capsys.readouterr().err

    code = auth.create_code(office.db, "Till 7")
    assert main(["--db", db, "enroll", "--office", office.url, "--code", code.lower()]) == 0
    assert "enrolled as 'Till 7'" in capsys.readouterr().out
    path = credentials.path_for(Path(db))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "token" not in repr(credentials.load(Path(db)))

    assert main(["--db", db, "sync", "--once"]) == 0
    out = capsys.readouterr().out
    assert "pushed 0" in out and "snapshot rows" in out
    with Database.open(Path(db)) as cache, cache.read() as conn:
        members = conn.exec_driver_sql("SELECT count(*) FROM members").scalar_one()
    assert members == office_members(office)

    # the code was used: a second till cannot take it
    other = str(tmp_path / "other.sqlite3")
    assert main(["--db", other, "enroll", "--office", office.url, "--code", code]) == 1


def test_enrol_refuses_plain_http_beyond_loopback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cache.sqlite3")
    assert main(["--db", db, "enroll", "--office", "http://office.example", "--code", "X"]) == 2
    assert "https://" in capsys.readouterr().err
    assert main(["--db", db, "enroll", "--office", "https://office.example", "--code", "X",
                 "--ca", str(tmp_path / "missing.pem")]) == 2  # fmt: skip
    assert "no such CA file" in capsys.readouterr().err


def test_an_unreachable_office_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cache.sqlite3")
    assert main(["--db", db, "enroll", "--office", "http://127.0.0.1:9", "--code", "X"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("loyalty-terminal: ") and err.count("\n") == 1
