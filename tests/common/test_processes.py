"""A process's identity (boot id, pid, start time) and whether it still runs: what the
print queue requeues by (terminal/store/print_queue.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from common import processes


def test_this_process_is_alive() -> None:
    me = processes.identity()
    assert me.split(":")[1] == str(os.getpid())
    assert processes.is_alive(me)


def test_a_process_that_ended_is_dead_and_so_is_its_reused_pid() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.readline()"], stdin=subprocess.PIPE
    )
    who = processes.identity(child.pid)
    assert processes.is_alive(who)
    child.communicate(b"\n", timeout=10)
    assert not processes.is_alive(who)
    boot, _pid, start = who.split(":")
    assert not processes.is_alive(f"{boot}:{os.getpid()}:{start}")  # same pid, other start


def test_another_boot_or_garbage_is_dead() -> None:
    _boot, pid, start = processes.identity().split(":")
    assert not processes.is_alive(f"00000000-0000-0000-0000-000000000000:{pid}:{start}")
    for who in ("", "x", "a:b:c", "a:1", f"{processes.boot_id()}:{pid}:?"):
        assert not processes.is_alive(who)
