"""demo-data --replace deletes only one of our caches; the demo walk-through records its
purchase only on a demo cache; office-demo runs the office as a process of its own."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from builders import card_key

from sync import credentials
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


# --- office-demo: the office as a process of its own -----------------------------------

ROOT = Path(__file__).parents[2]
_NO_OFFICE = (
    "import sys; sys.modules['office'] = None  # as if loyalty-office were not installed\n"
    "from terminal.cli.main import main; sys.exit(main(sys.argv[1:]))"
)


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_office_demo_serves_an_office_process_until_sigterm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache, office_db = tmp_path / "till.sqlite3", tmp_path / "office.sqlite3"
    argv = ["--db", str(cache), "office-demo", "--office-db", str(office_db), "--port", "0"]
    with subprocess.Popen(
        [sys.executable, "-m", "terminal.cli.main", *argv, "--members", "50"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as demo:
        try:
            assert demo.stdout is not None
            lines = [demo.stdout.readline() for _ in range(3)]
            assert lines[0].startswith("office seeded: 50 members"), lines
            url, pid = lines[1].split()[2], int(lines[1].split("(pid ")[1].split(",")[0])
            assert url.startswith("http://127.0.0.1:") and _running(pid)
            assert lines[2].startswith("enrolled as 'demo till'"), lines
            assert credentials.load(cache).office_url == url
            code, out, _err = run(capsys, "--db", str(cache), "sync", "--once")
            assert code == 0 and "snapshot rows" in out
            demo.send_signal(signal.SIGTERM)
            assert demo.wait(30) == 0
        finally:
            if demo.poll() is None:
                demo.kill()
    assert not _running(pid)


def test_without_the_office_package_the_till_says_so_in_one_line(tmp_path: Path) -> None:
    argv = ["--db", str(tmp_path / "till.sqlite3"), "office-demo"]
    done = subprocess.run(
        [sys.executable, "-c", _NO_OFFICE, *argv, "--office-db", str(tmp_path / "office.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == (
        "loyalty-terminal: the demo office needs the loyalty-office package: pip install ./office\n"
    )
    assert not (tmp_path / "office.sqlite3").exists()
