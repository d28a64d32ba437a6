"""The loyalty-terminal command: its answers, and a clear line (never a traceback) for
every bad input."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from builders import a_card

from terminal.cli.main import main
from terminal.loyalty import CardState
from terminal.services import demo_data
from terminal.store.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cache(demo_db: Database) -> str:
    demo_db.close()
    return str(demo_db.path)


def _active_card(cache: str) -> str:
    """The number of a member's active card with no fixed discount of its own."""
    with Database.open(cache, create=False) as db:
        return str(a_card(db, fixed_discount=False).number)


def test_demo_data_creates_then_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "d.sqlite3")
    code, out, _ = run(capsys, "demo-data", "--members", "50", "--db", db, "--json")
    assert code == 0 and json.loads(out)["members"] == 50
    code, _, err = run(capsys, "--db", db, "demo-data", "--members", "50")
    assert code == 1 and "already holds 50 members" in err
    code, _, _ = run(capsys, "demo-data", "--members", "60", "--db", db, "--replace")
    assert code == 0


def test_lookup_by_card_number_uid_and_phone(
    cache: str, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _active_card(cache)
    code, out, _ = run(capsys, "lookup", number, "--db", cache, "--json")
    view = json.loads(out)
    assert code == 0 and view["card"]["number"] == number and view["card"]["state"] == "active"
    member = view["member"]
    card_id = view["card"]["id"]
    code, out, _ = run(capsys, "lookup", demo_data.demo_card_uid(card_id), "--db", cache, "--json")
    assert code == 0 and json.loads(out)["member"] == member
    code, out, _ = run(capsys, "lookup", "+" + member["phone"], "--db", cache, "--json")
    assert code == 0 and member in json.loads(out)
    code, out, _ = run(capsys, "lookup", number, "--db", cache)
    assert code == 0 and member["full_name"] in out and "points" in out


def test_quote_explains_and_records_nothing(cache: str, capsys: pytest.CaptureFixture[str]) -> None:
    number = _active_card(cache)
    code, out, _ = run(capsys, "quote", number, "1 234,50", "--spend", "0", "--db", cache, "--json")
    assert code == 0
    q = json.loads(out)["quote"]
    assert q["amount"] == "1234.50" and q["lines"]
    with Database.open(cache, create=False) as db, db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM operations").scalar() == 0


def _config(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["lookup", "2990999999998"], 1, "not in the club's cache"),
        (["lookup", "2990999999990"], 1, "not a club card"),  # its Luhn digit is wrong
        (["lookup", "9112000000000000"], 1, "bank card, not a club card"),  # BELKART
        (["lookup", "4111-1111-1111-1111"], 1, "bank card's number"),  # never echoed
        (["quote", "8600123412341234", "100"], 1, "bank card, not a club card"),  # UzCard
        (["lookup", "hello"], 1, "neither a card number"),
        (["quote", "{card}", "12,3,4"], 1, "12,3,4"),
        (["quote", "{card}", "-5"], 1, "-5"),
        (["quote", "{card}", "100", "--spend", "lots"], 1, "lots"),
        (["quote", "{card}", "100", "--spend", "999999"], 1, "points"),
        (["quote", "{blocked}", "100"], 1, "blocked"),
        (["lookup", "{card}", "--db", "{missing}"], 1, "does not exist"),
        (["lookup", "{card}", "--db", "{garbage}"], 1, "not a database"),
        (["lookup", "{card}", "--db", "{foreign}"], 1, "another program"),
        (["lookup", "{card}", "--config", "{badkey}"], 2, "unknown option store.pth"),
        (["lookup", "{card}", "--config", "{badvalue}"], 2, "terminal.language: 'fr'"),
        (["lookup", "{card}", "--config", "{badtoml}"], 2, "not valid TOML"),
        (["lookup", "{card}", "--config", "{nofile}"], 2, "no such configuration file"),
        (["print-preview", "--out", "{nofolder}"], 1, "no folder"),
        (["print-test", "--out", "{nofolder}"], 1, "no folder"),
        (["enroll", "--office", "{closed}", "--code", "X"], 1, "cannot be reached: nothing"),
        (["enroll", "--office", "https://no-such-office.invalid", "--code", "X"], 1, "host name"),
    ],
)
def test_bad_input_gives_one_clear_line(
    cache: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    message: str,
) -> None:
    (tmp_path / "garbage.sqlite3").write_bytes(b"\x13\x37" * 4096)
    import sqlite3

    with sqlite3.connect(tmp_path / "foreign.sqlite3") as raw:
        raw.execute("CREATE TABLE accounts (id)")
    with Database.open(cache, create=False) as db:
        blocked = a_card(db, kind=None, state=CardState.BLOCKED).number
    subst = {
        "card": _active_card(cache),
        "blocked": str(blocked),
        "missing": str(tmp_path / "missing.sqlite3"),
        "garbage": str(tmp_path / "garbage.sqlite3"),
        "foreign": str(tmp_path / "foreign.sqlite3"),
        "badkey": _config(tmp_path, "badkey", "[store]\npth = 'x'\n"),
        "badvalue": _config(tmp_path, "badvalue", "[terminal]\nlanguage = 'fr'\n"),
        "badtoml": _config(tmp_path, "badtoml", "[terminal\nlanguage = \n"),
        "nofile": str(tmp_path / "nothing.toml"),
        "nofolder": str(tmp_path / "no" / "such" / "folder" / "receipt.png"),
        "closed": f"http://127.0.0.1:{_closed_port()}",
    }
    args = [a.format(**subst) for a in argv]
    if "--db" not in args:
        args += ["--db", cache]
    got, _out, err = run(capsys, *args)
    assert got == code
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "missing.sqlite3").exists()


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_doctor_on_a_missing_cache_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "till.sqlite3"
    code, out, _err = run(capsys, "doctor", "--db", str(missing), "--json")
    assert code == 1
    [cache] = [f for f in json.loads(out) if f["check"] == "cache"]
    assert cache["status"] == "fail" and "no cache yet" in cache["message"]
    assert "enroll --office" in cache["fix"] and f"--db {missing} demo" in cache["fix"]
    assert not missing.exists()  # asking made nothing


def test_console_script_errors_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("loyalty-terminal")
    proc = subprocess.run(
        [str(exe), "lookup", "2990000000017", "--db", str(tmp_path / "none.sqlite3")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("loyalty-terminal: ") and "Traceback" not in proc.stderr


@pytest.mark.parametrize("spend", ["1E+1000000000", "1e3", "NaN", "Infinity", "1,234", "1 000"])
def test_points_are_plain_digits(
    cache: str, capsys: pytest.CaptureFixture[str], spend: str
) -> None:
    got, _out, err = run(
        capsys, "quote", _active_card(cache), "100", "--spend", spend, "--db", cache
    )
    assert got == 1, err
    assert "not a number of points" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["lookup", "9112000000000000"],
        ["lookup", "4111-1111-1111-1111"],
        ["lookup", "4111 1111 1111 1111"],
        ["quote", "6200000000000000", "100"],
        ["quote", "9417-0000-0000-0000", "100"],
    ],
)
def test_a_bank_card_is_never_echoed(
    cache: str, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    got, out, err = run(capsys, *argv, "--db", cache)
    assert got == 1
    digits = "".join(c for c in argv[1] if c.isdigit())
    assert digits[:12] not in "".join(c for c in out + err if c.isdigit())
