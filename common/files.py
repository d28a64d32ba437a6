"""Files only the service user may touch: created mode 0600 whatever the umask, never
through a symbolic link, and refused when someone else could have written them.

The till's cache (and its ``-wal`` and ``-shm``, which SQLite creates with the main
file's mode), its office credential, its lock files, its log and the office's SQLite
database hold members' personal data, PIN hashes or the till's token: every local user
but the service user is kept out. The service user is the process's effective uid; for
root (store IT running ``sudo loyalty-terminal doctor``, say), the owner of the file's
folder (``loyalty``, who owns /var/lib/loyalty-terminal): root accepts that user's files
and gives what it creates there to that user, so that the till can still open them.

- :func:`create_private`: a new empty file, ``O_CREAT|O_EXCL|O_NOFOLLOW``, 0600.
- :func:`write_private`: a file's whole new content through a unique temporary file in
  the same folder (``mkstemp``), fchmod'ed before the data goes in, fsynced, renamed, the
  folder fsynced: a link planted at either name never receives the data.
- :func:`check_private`: :class:`UnsafeFile` for a symbolic link, a file of another
  owner or one that the group or others may write; one that they may only read is made
  0600 (the file is ours: an older version left it so).
- :func:`open_private`: a file descriptor (for a lock, a log) on such a file, opened
  with ``O_NOFOLLOW`` and checked on the descriptor itself.
"""

from __future__ import annotations

import logging
import os
import pwd
import stat
import tempfile
from pathlib import Path

from common.errors import AppError

log = logging.getLogger(__name__)

PRIVATE_MODE = 0o600
_NOFOLLOW = os.O_NOFOLLOW | os.O_CLOEXEC


class UnsafeFile(AppError):
    """A file the till keeps private is a link, someone else's, or writable by others.

    ``fix`` is the command (or step) that makes it right, as the doctor shows it."""

    code = "unsafe_file"

    def __init__(self, message: str, *, path: Path, fix: str) -> None:
        super().__init__(self.code, "{problem}; fix: {fix}", problem=message, fix=fix)
        self.path = path
        self.problem = message
        self.fix = fix


def user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def service_owner(path: Path) -> tuple[int, int]:
    """Whose the files at ``path`` must be (uid, gid): see the module's docstring."""
    me = os.geteuid()
    if me != 0:
        return me, os.getegid()
    try:
        folder = os.stat(path.parent)
    except OSError:
        return 0, 0
    return folder.st_uid, folder.st_gid


def _give(fd: int, path: Path) -> None:
    """A file root has just made goes to the service user (as SQLite does with the
    -wal and -shm of a database it opens as root)."""
    uid, gid = service_owner(path)
    if os.geteuid() == 0 and uid != 0:
        os.fchown(fd, uid, gid)


def create_private(path: Path) -> bool:
    """Create ``path`` empty, mode 0600, unless it exists; True if this call made it.
    A symbolic link at ``path`` is not followed (``O_EXCL``): it counts as existing and
    is refused by :func:`check_private`."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, PRIVATE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, PRIVATE_MODE)
        _give(fd, path)
    finally:
        os.close(fd)
    return True


def _problem(path: Path, st: os.stat_result, what: str) -> tuple[str, str] | None:
    """What is wrong with the file ``st`` describes, and its fix; None if nothing."""
    me = service_owner(path)[0]
    if stat.S_ISLNK(st.st_mode):
        target = os.readlink(path)
        return (
            f"{what} {path} is a symbolic link (to {target}): refused, a link lets "
            "another user swap the file",
            f"rm {path}, then put the file itself there (mv {target} {path}) as {user_name(me)}",
        )
    if not stat.S_ISREG(st.st_mode):
        return f"{what} {path} is not a regular file", f"move {path} away"
    if st.st_uid != me:
        owner, user = user_name(st.st_uid), user_name(me)
        return (
            f"{what} {path} belongs to {owner}, not to {user} (the till's service user)",
            f"run the till as its service user (sudo -u {owner} loyalty-terminal ...) "
            f"if {owner} is it; otherwise chown {user}: {path} && chmod 600 {path}",
        )
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return (
            f"{what} {path} may be written by other users "
            f"(mode {stat.S_IMODE(st.st_mode):o}): refused, it may have been changed",
            f"check it, then chmod 600 {path}",
        )
    return None


def problem(path: Path, what: str = "the file") -> tuple[str, str] | None:
    """For the doctor: what is wrong with ``path`` (a missing file is nothing) and the
    fix, without changing anything. A file others may read is a problem here too."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    found = _problem(path, st, what)
    if found is None and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        return (
            f"{what} {path} can be read by other users (mode {stat.S_IMODE(st.st_mode):o})",
            f"chmod 600 {path} (the service user alone may read it)",
        )
    return found


def check_private(path: Path, what: str = "the file", *, tighten: bool = True) -> None:
    """Raise :class:`UnsafeFile` if ``path`` (when it exists) is a link, not ours, or
    writable by the group or others; with ``tighten``, make one they may read 0600."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    found = _problem(path, st, what)
    if found is not None:
        raise UnsafeFile(found[0], path=path, fix=found[1])
    if tighten and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        try:
            os.fchmod(fd, PRIVATE_MODE)
        finally:
            os.close(fd)
        log.warning("%s %s could be read by other users: made mode 600", what, path)


def open_private(
    path: Path, flags: int, what: str = "the file", *, create: bool = True, tighten: bool = True
) -> int:
    """A descriptor on ``path`` (with ``create``, made 0600 if new), never through a
    link, and refused (:class:`UnsafeFile`) if the file is someone else's or others may
    write it; one they may read is made 0600."""
    try:
        fd = os.open(path, flags | (os.O_CREAT if create else 0) | _NOFOLLOW, PRIVATE_MODE)
    except OSError:
        if os.path.islink(path):
            st = os.lstat(path)
            found = _problem(path, st, what)
            assert found is not None
            raise UnsafeFile(found[0], path=path, fix=found[1]) from None
        raise
    try:
        st = os.fstat(fd)
        if st.st_uid == 0 and os.geteuid() == 0 and service_owner(path)[0] != 0:
            _give(fd, path)  # root made it just now (a lock file): the service user's
            st = os.fstat(fd)
        found = _problem(path, st, what)
        if found is not None:
            raise UnsafeFile(found[0], path=path, fix=found[1])
        if tighten and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            os.fchmod(fd, PRIVATE_MODE)
            log.warning("%s %s could be read by other users: made mode 600", what, path)
    except BaseException:
        os.close(fd)
        raise
    return fd


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path``'s content with ``data``, atomically and privately (see the
    module's docstring). A link at ``path`` is replaced, never followed."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        try:
            os.fchmod(fd, PRIVATE_MODE)
            _give(fd, path)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
