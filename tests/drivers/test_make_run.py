"""What `make run` runs, as it runs it: `loyalty-terminal demo --app` on a real X server
(Xvfb), with the virtual reader (the session's pcscd + vpcd), the virtual printer and
the demo office on loopback. It starts, its first sync with the demo office completes,
and SIGTERM (systemctl stop, Ctrl-C) ends it the orderly way, exit code 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.virtual.pcscd import Pcscd
from terminal.store import sync_state
from terminal.store.database import Database

pytestmark = pytest.mark.integration
BIN = Path(sys.executable).parent


@pytest.fixture
def display() -> Iterator[str]:
    """A real X server of the test's own."""
    for number in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    name = f":{number}"
    xvfb = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert xvfb.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield name
    xvfb.terminate()
    xvfb.wait(10)


def _cursor(path: Path) -> str | None:
    try:
        with Database.open(path, create=False) as db, db.read() as conn:
            return sync_state.get_state(conn, sync_state.CURSOR)
    except Exception:
        return None


def test_make_run_starts_syncs_and_stops_cleanly(
    pcscd: Pcscd, display: str, tmp_path: Path
) -> None:
    cache = tmp_path / "var" / "demo.sqlite3"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [str(BIN / "loyalty-terminal"), "--db", str(cache), "demo", "--app", "--members", "300"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while _cursor(cache) is None:  # the first sync with the demo office is done
            assert app.poll() is None, app.communicate()[0]
            assert time.monotonic() < deadline, "no first sync within a minute"
            time.sleep(0.2)
        time.sleep(1.0)
        app.send_signal(signal.SIGTERM)
        out, _ = app.communicate(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, out
    assert "a demo office syncs with this till on http://127.0.0.1:" in out
    assert "Traceback" not in out
    with Database.open(cache, create=False) as db:
        assert db.integrity_check() == []
    assert (cache.parent / "office.sqlite3").exists()
    assert pcscd.running  # the session's pcscd was used, and left running
