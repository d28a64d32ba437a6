"""The till's files keep other local users out (issue 13, point 1), checked with a real
second user (tests/otheruser.py): the cache, its WAL and SHM, the office credential, the
lock files, the log and the office's SQLite database are made 0600 whatever the umask;
a link planted at the credential's names never receives the token; a cache or
credential that is a link, someone else's or writable by others is refused, in words,
and the doctor says how to fix it."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from otheruser import OtherUser, as_other, can_read, open_folder, umask
from sqlalchemy import text

from common.clock import SystemClock
from common.files import UnsafeFile
from office.db import OfficeDB
from sync import credentials
from sync.engine import sync_lock
from terminal.cli.doctor_office import check_office
from terminal.cli.main import main
from terminal.cli.run_cmd import PrivateRotatingFileHandler
from terminal.services.doctor import Status, check_files
from terminal.store.database import Database
from terminal.store.run_lock import RunLock

TOKEN = "s3cret-token-of-the-till-0123456789"
CREDS = credentials.Credentials("https://office.example", 17, "Store 12, till 3", TOKEN)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.mark.parametrize("mask", [0o000, 0o022], ids=["umask000", "umask022"])
def test_every_file_is_the_service_users_alone(other: OtherUser, mask: int) -> None:
    with open_folder(0o755) as folder, umask(mask):
        cache = folder / "cache.sqlite3"
        control = folder / "control.txt"  # the test can fail: this one the other user reads
        control.write_text("readable")
        control.chmod(0o644)
        assert can_read(other, control)
        with Database.open(cache) as db:
            with db.write() as conn:  # the WAL and SHM exist while a connection is open
                conn.execute(text("INSERT INTO sync_state (key, value) VALUES ('k', 'v')"))
            credentials.save(cache, CREDS)
            lock = RunLock.acquire(cache)
            handler = PrivateRotatingFileHandler(folder / "terminal.log", encoding="utf-8")
            handler.emit(logging.makeLogRecord({"msg": "a line of the log"}))
            handler.close()
            office = OfficeDB.open(str(folder / "office.sqlite3"))
            try:
                with office.write() as conn:
                    office.set_setting(conn, "k", "v")
                with sync_lock(cache):
                    files = [
                        cache,
                        folder / "cache.sqlite3-wal",
                        folder / "cache.sqlite3-shm",
                        credentials.path_for(cache),
                        folder / "cache.sqlite3.run-lock",
                        folder / "cache.sqlite3.sync-lock",
                        folder / "terminal.log",
                        folder / "office.sqlite3",
                        folder / "office.sqlite3-wal",
                        folder / "office.sqlite3-shm",
                    ]
                    for path in files:
                        assert path.exists(), path
                        assert mode(path) == 0o600, (path, oct(mode(path)))
                        assert not can_read(other, path), path
            finally:
                office.close()
                lock.release()
        assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == []


def test_a_link_planted_at_the_credentials_names_never_gets_the_token(
    other: OtherUser, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_folder(0o777) as folder:  # the group-writable data folder, at its worst
        cache = folder / "cache.sqlite3"
        final = credentials.path_for(cache)
        stolen = folder / "stolen"
        plant = [
            f"touch {stolen} && chmod 666 {stolen}",
            f"ln -s {stolen} {final}",  # the final name
            f"ln -s {stolen} {final}.tmp",  # the fixed temporary name of 0.2.0
        ]
        assert as_other(other, ["sh", "-c", " && ".join(plant)]).returncode == 0
        Database.open(cache).close()
        credentials.save(cache, CREDS)
        assert stolen.read_text() == ""  # not a byte of the token
        assert not final.is_symlink() and final.stat().st_uid == os.geteuid()
        assert mode(final) == 0o600 and not can_read(other, final)
        assert credentials.load(cache).token == TOKEN

        # The other user swaps the credential for a link to a file they can rewrite
        # (another office URL, another CA): refused, never followed.
        assert as_other(other, ["ln", "-sfn", str(stolen), str(final)]).returncode == 0
        with pytest.raises(UnsafeFile, match="symbolic link") as raised:
            credentials.load(cache)
        assert f"rm {final}" in raised.value.fix
        assert main(["--db", str(cache), "run"]) == 1
        err = capsys.readouterr().err
        assert "the office credential" in err and "symbolic link" in err
        assert "Traceback" not in err
        found = check_office(cache, SystemClock())
        assert [f.status for f in found] == [Status.FAIL]
        assert "symbolic link" in found[0].message and "rm " in found[0].fix

        # ... or for a file of their own.
        own = f"echo '{{}}' > {folder}/mine && mv -f {folder}/mine {final}"
        assert as_other(other, ["sh", "-c", own]).returncode == 0
        with pytest.raises(UnsafeFile, match=f"belongs to {other.name}") as raised:
            credentials.load(cache)
        assert "chown" in raised.value.fix
        (finding,) = check_office(cache, SystemClock())
        assert finding.status is Status.FAIL and "chown" in finding.fix


def test_a_credential_others_may_write_is_refused(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    path = credentials.save(cache, CREDS)
    path.chmod(0o620)
    with pytest.raises(UnsafeFile, match="may be written by other users") as raised:
        credentials.load(cache)
    assert raised.value.code == "unsafe_file"
    assert f"chmod 600 {path}" in raised.value.fix


@pytest.mark.expected_log(r"the office credential .* could be read by other users: made mode 600")
def test_a_credential_others_may_read_is_made_private_when_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    path = credentials.save(cache, CREDS)
    path.chmod(0o644)  # as an older version, or a hand's copy, left it
    assert credentials.load(cache).token == TOKEN
    assert mode(path) == 0o600


@pytest.mark.parametrize("side", ["", "-wal", "-shm"])
def test_a_linked_or_foreign_cache_is_refused_and_the_doctor_says_the_fix(
    other: OtherUser, side: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_folder(0o777) as folder:
        cache = folder / "cache.sqlite3"
        Database.open(cache).close()
        victim = cache.with_name(cache.name + side)
        victim.unlink(missing_ok=True)
        as_other(other, ["sh", "-c", f"touch {folder}/x && ln -s {folder}/x {victim}"])
        with pytest.raises(UnsafeFile, match="symbolic link"):
            Database.open(cache)
        assert main(["--db", str(cache), "lookup", "1000001"]) == 1
        err = capsys.readouterr().err
        assert "symbolic link" in err and "fix: rm" in err
        found = check_files(cache)
        assert any(f.status is Status.FAIL and "rm " in f.fix for f in found)
        assert any(f.status is Status.WARN and "chmod 700" in f.fix for f in found)  # the folder

        victim.unlink()
        as_other(other, ["sh", "-c", f"cp {folder}/x {victim}"])  # a file of theirs
        with pytest.raises(UnsafeFile, match=f"belongs to {other.name}"):
            Database.open(cache)
        assert any("chown" in f.fix for f in check_files(cache))


def test_a_cache_others_may_write_is_refused(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    Database.open(cache).close()
    cache.chmod(0o664)
    with pytest.raises(UnsafeFile, match="may be written by other users"):
        Database.open(cache)
    (finding,) = [f for f in check_files(cache) if f.status is Status.FAIL]
    assert finding.fix == f"check it, then chmod 600 {cache}"


def test_a_linked_log_is_refused(other: OtherUser) -> None:
    with open_folder(0o777) as folder:
        log = folder / "terminal.log"
        as_other(other, ["sh", "-c", f"touch {folder}/x && ln -s {folder}/x {log}"])
        with pytest.raises(UnsafeFile, match=r"the log .* symbolic link"):
            PrivateRotatingFileHandler(log, encoding="utf-8")
        assert (folder / "x").read_text() == ""


def test_root_works_for_the_folders_owner(other: OtherUser) -> None:
    """Root (IT's `sudo loyalty-terminal doctor`, the package's scripts) accepts the
    files of the data folder's owner, the service user, and gives it what it makes."""
    with open_folder(0o700) as folder:
        os.chown(folder, other.uid, other.gid)
        cache = folder / "cache.sqlite3"
        with Database.open(cache) as db:
            with db.write() as conn:
                conn.execute(text("INSERT INTO sync_state (key, value) VALUES ('k', 'v')"))
            credentials.save(cache, CREDS)
            RunLock.acquire(cache).release()
            for name in ("", "-wal", "-shm", ".office.json", ".run-lock"):
                path = folder / f"cache.sqlite3{name}"
                assert os.stat(path).st_uid == other.uid, path
                assert mode(path) == 0o600, path
        assert credentials.load(cache).token == TOKEN
        assert [f.status for f in check_files(cache)] == [Status.OK]
        assert as_other(other, ["cat", str(credentials.path_for(cache))]).returncode == 0
