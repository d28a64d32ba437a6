"""Office processes opening one new SQLite database at the same moment (two `python -m
office` commands started together, as the demo and a script may): all succeed, the
schema is migrated once, and the file is made 0600 even under umask 000."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from office.db import OfficeDB
from office.migrate import HEAD, revision

OPENER = """
import os, sys
from office.db import OfficeDB
from office.migrate import revision
os.umask(0)
sys.stdin.readline()  # start together
db = OfficeDB.open(sys.argv[1])
with db.engine.connect() as conn:
    print(revision(conn), flush=True)
db.close()
"""

ROOT = Path(__file__).parents[2]


def test_processes_creating_one_office_database_at_once_all_succeed(tmp_path: Path) -> None:
    for attempt in range(6):
        path = tmp_path / f"office{attempt}.sqlite3"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(path)],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        for proc in procs:  # every process is up and waiting: let them all go
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
            assert out.strip() == HEAD
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        db = OfficeDB.open(str(path))
        try:
            with db.engine.connect() as conn:
                assert revision(conn) == HEAD
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        finally:
            db.close()
