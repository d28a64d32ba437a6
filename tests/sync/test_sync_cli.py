"""`loyalty-terminal enroll` and `sync --once` through the command's entry point, against
the real office over HTTP on loopback."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from officekit import Terminal, checkout, office_op_count

from office import auth
from office.server import OfficeServer
from sync import credentials
from sync.client import OfficeClient
from terminal.cli.main import main
from terminal.store import sync_state
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
    assert (
        main(
            [
                "--db",
                db,
                "enroll",
                "--office",
                "https://office.example",
                "--code",
                "X",
                "--ca",
                str(tmp_path / "missing.pem"),
            ]
        )
        == 2
    )
    assert "no such CA file" in capsys.readouterr().err


def test_an_unreachable_office_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cache.sqlite3")
    assert main(["--db", db, "enroll", "--office", "http://127.0.0.1:9", "--code", "X"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("loyalty-terminal: ") and err.count("\n") == 1


def test_a_revoked_till_comes_back_as_the_same_terminal(
    office: OfficeServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Operations the office may have applied under terminal T must never be applied
    again under a new terminal: a till with unsent operations re-enrols as T."""
    db = tmp_path / "till" / "cache.sqlite3"
    db.parent.mkdir()
    first = auth.create_code(office.db, "Till 8")
    assert main(["--db", str(db), "enroll", "--office", office.url, "--code", first]) == 0
    assert main(["--db", str(db), "sync", "--once"]) == 0
    creds = credentials.load(db)
    capsys.readouterr()
    with Database.open(db) as cache:
        checkout(Terminal(cache, db, creds, office.url), 1, "250.00")
    assert auth.revoke(office.db, creds.terminal_id)
    assert main(["--db", str(db), "sync", "--once"]) == 1
    assert f"create-code --terminal {creds.terminal_id}" in capsys.readouterr().err

    fresh = auth.create_code(office.db, "Till 8 again")
    assert main(["--db", str(db), "enroll", "--office", office.url, "--code", fresh]) == 1
    err = capsys.readouterr().err
    assert f"create-code --terminal {creds.terminal_id}" in err and "stays usable" in err
    with OfficeClient(office.url) as client:  # the refused code was not used up
        assert client.enrol(fresh).body["name"] == "Till 8 again"

    again = auth.create_code(office.db, "", terminal_id=creds.terminal_id)
    assert main(["--db", str(db), "enroll", "--office", office.url, "--code", again]) == 0
    assert f"enrolled again as 'Till 8' (terminal {creds.terminal_id})" in capsys.readouterr().out
    assert main(["--db", str(db), "sync", "--once"]) == 0
    assert "acknowledged 1" in capsys.readouterr().out
    assert office_op_count(office.db) == 1


def test_a_reenrolment_code_is_for_its_own_terminal_only(
    office: OfficeServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    for db, name in ((a, "A"), (b, "B")):
        code = auth.create_code(office.db, name)
        assert main(["--db", db, "enroll", "--office", office.url, "--code", code]) == 0
    code_for_a = auth.create_code(office.db, "", terminal_id=credentials.load(Path(a)).terminal_id)
    assert main(["--db", b, "enroll", "--office", office.url, "--code", code_for_a]) == 1
    assert "re-enrols terminal" in capsys.readouterr().err
    with pytest.raises(auth.BadCode):
        auth.create_code(office.db, "", terminal_id=999)


def test_a_crash_between_the_credential_and_the_cache_heals(
    office: OfficeServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The credential is written first; if the till died before the cache noted the
    terminal, the next sync notes it (the offline limits and registrations go by it)."""
    db = tmp_path / "cache.sqlite3"
    code = auth.create_code(office.db, "Till 9")
    assert main(["--db", str(db), "enroll", "--office", office.url, "--code", code]) == 0
    with Database.open(db) as cache, cache.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, None)
    assert main(["--db", str(db), "sync", "--once"]) == 0
    with Database.open(db) as cache, cache.read() as conn:
        noted = sync_state.get_state(conn, sync_state.OFFICE_TERMINAL)
    assert noted == str(credentials.load(db).terminal_id)
