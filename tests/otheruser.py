"""A real second, unprivileged Unix user for the tests of file modes and planted links.

The tests run as root (CI does); :func:`other_user` creates the system user
``loyaltytest`` once if it is missing, and :func:`as_other` runs a command as it. A
folder the other user may enter (:func:`open_folder`) stands for the data folder: the
tests' own tmp_path is inside root's private folder, where no other user gets in, so
only the files' own modes keep the other user out there.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

NAME = "loyaltytest"


@dataclass(frozen=True)
class OtherUser:
    name: str
    uid: int
    gid: int


def other_user() -> OtherUser:
    if os.geteuid() != 0:
        raise RuntimeError("these tests create a second user: run them as root (CI does)")
    try:
        entry = pwd.getpwnam(NAME)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(NAME)
    return OtherUser(NAME, entry.pw_uid, entry.pw_gid)


def as_other(
    user: OtherUser, argv: Sequence[str], **kw: object
) -> subprocess.CompletedProcess[str]:
    """``argv`` run as ``user`` (no other groups), its output captured."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        list(argv),
        user=user.uid,
        group=user.gid,
        extra_groups=[],
        capture_output=True,
        text=True,
        timeout=30,
        cwd="/",
        **kw,
    )


def can_read(user: OtherUser, path: Path) -> bool:
    return as_other(user, ["cat", str(path)]).returncode == 0


@contextmanager
def open_folder(mode: int = 0o777) -> Iterator[Path]:
    """A new folder under /tmp that every user may enter (and, at 0777, write in: the
    group-writable data folder of the issue, at its worst)."""
    folder = Path(tempfile.mkdtemp(prefix="loyalty-modes-", dir="/tmp"))
    try:
        folder.chmod(mode)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)
