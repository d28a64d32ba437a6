"""`python -m office serve` as a process: on port 0 it writes its URL to the ready file
once it listens; SIGTERM stops it the orderly way (exit 0); with --watch-stdin it stops
when its standard input closes (the process that started it is gone)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from sync.protocol import TIME_HEADER, VERSION_HEADER

pytestmark = pytest.mark.integration
ROOT = Path(__file__).parents[2]


@contextmanager
def office_serving(tmp_path: Path, *extra: str) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    ready = tmp_path / "ready"
    args = ["--db", str(tmp_path / "office.sqlite3"), "serve", "--port", "0"]
    with subprocess.Popen(
        [sys.executable, "-m", "office", *args, "--ready-file", str(ready), *extra],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    ) as proc:
        try:
            deadline = time.monotonic() + 30
            while not ready.exists():
                assert proc.poll() is None, proc.communicate()[0]
                assert time.monotonic() < deadline, "no ready file"
                time.sleep(0.05)
            yield proc, ready.read_text(encoding="utf-8").strip()
        finally:
            if proc.poll() is None:
                proc.kill()


def _hello(url: str) -> requests.Response:
    with requests.get(f"{url}/v1/hello", timeout=5) as answer:
        return answer


def test_port_0_ready_file_and_sigterm(tmp_path: Path) -> None:
    with office_serving(tmp_path) as (proc, url):
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")
        answer = _hello(url)  # listening as soon as the file is there: no retry needed
        assert answer.status_code == 401
        assert answer.headers[VERSION_HEADER] == "1" and TIME_HEADER in answer.headers
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0, out
    assert f"office: serving on {url}".encode() in out
    assert b"Traceback" not in out


def test_it_stops_when_its_standard_input_closes(tmp_path: Path) -> None:
    with office_serving(tmp_path, "--watch-stdin") as (proc, url):
        assert _hello(url).status_code == 401
        assert proc.stdin is not None
        proc.stdin.close()  # what the kernel does when the parent dies
        assert proc.wait(timeout=20) == 0
    with pytest.raises(requests.ConnectionError):
        _hello(url)


def test_without_watch_stdin_a_closed_input_changes_nothing(tmp_path: Path) -> None:
    with office_serving(tmp_path) as (proc, url):
        assert proc.stdin is not None
        proc.stdin.close()
        time.sleep(1.0)
        assert proc.poll() is None and _hello(url).status_code == 401
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    with office_serving(tmp_path) as (proc, url):
        again = ["--db", str(tmp_path / "o2.sqlite3"), "serve", "--port", url.rsplit(":", 1)[1]]
        done = subprocess.run(
            [sys.executable, "-m", "office", *again],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    assert done.returncode == 1
    last = done.stderr.splitlines()[-1]
    assert last.startswith("office: ") and "cannot listen on 127.0.0.1:" in last
    assert "in use" in last and "Traceback" not in done.stderr
