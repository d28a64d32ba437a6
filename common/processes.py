"""Who a process is, in a form another process can check later: is it still alive?

An identity is ``BOOT_ID:PID:START`` (Linux): the kernel's id of this boot, the process
id and the process's start time in clock ticks since boot (``/proc/PID/stat``, field
22). A process id is reused after its process ends; the three together never are. An
identity from another boot, or whose process id now belongs to a process started at
another time, is dead.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


@functools.cache
def boot_id() -> str:
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        return "unknown-boot"


def _start_time(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    fields = stat[stat.rfind(")") + 2 :].split()
    if len(fields) < 20 or fields[0] in ("Z", "X"):  # a zombie has ended already
        return None
    return fields[19]  # field 22 of the whole line


def identity(pid: int | None = None) -> str:
    """This process's identity (or that of ``pid``, if it runs)."""
    pid = os.getpid() if pid is None else pid
    return f"{boot_id()}:{pid}:{_start_time(pid) or '?'}"


def is_alive(who: str) -> bool:
    """Whether the process ``who`` (an :func:`identity`) still runs on this machine."""
    try:
        boot, pid_text, start = who.split(":")
        pid = int(pid_text)
    except ValueError:
        return False
    if boot != boot_id() or start == "?":
        return False
    return _start_time(pid) == start
