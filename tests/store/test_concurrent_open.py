"""Two processes opening one new cache at the same moment (the app starting while
`sync --once` runs, or a test polling the file the app is creating): both succeed, the
schema is migrated once, nothing is left half-made, and the file is 0600 under umask
000 too."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from terminal.store.database import HEAD_REVISION, Database

OPENER = """
import os, sys
from terminal.store.database import Database
os.umask(0)  # the files' modes come from the code, not the umask
sys.stdin.readline()  # start together
with Database.open(sys.argv[1]) as db:
    print(db.revision(), flush=True)
"""

ROOT = Path(__file__).parents[2]


def test_processes_creating_one_cache_at_once_all_succeed(tmp_path: Path) -> None:
    for attempt in range(10):
        path = tmp_path / f"cache{attempt}.sqlite3"
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
            assert out.strip() == HEAD_REVISION
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        with Database.open(path, create=False) as db:
            assert db.integrity_check() == []
            assert db.revision() == HEAD_REVISION
