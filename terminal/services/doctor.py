"""`loyalty-terminal doctor`: what is wrong with this till, in words store IT understands,
each with its fix. Every check is independent and never raises: a broken part is a
finding, not a crash."""

from __future__ import annotations

import enum
import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from common import files
from common.clock import Clock
from common.files import UnsafeFile
from drivers.config import ReadersConfig
from drivers.discovery import pcsc_readers
from drivers.printer.config import PrinterConfig, Transport
from drivers.printer.transport import PrintError, PrinterStatus, probe_status
from terminal.store import cache_health
from terminal.store.database import Database
from terminal.store.errors import StoreError

DISK_FAIL_BYTES = 200 * 2**20
DISK_WARN_BYTES = 1024 * 2**20
CACHE_STALE = timedelta(days=2)


class Status(enum.Enum):
    OK = "ok"
    WARN = "warn"  # works, but needs attention soon
    FAIL = "fail"  # something the till needs is broken


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    status: Status
    message: str
    fix: str = ""

    def to_dict(self) -> dict[str, str]:
        return {**asdict(self), "status": self.status.value}


def check_pcsc(readers: ReadersConfig) -> Finding:
    if not readers.pcsc.enabled:
        return Finding("pcsc", Status.OK, "contactless readers are switched off in the config")
    listing = pcsc_readers()
    if not listing.service:
        return Finding(
            "pcsc",
            Status.FAIL,
            f"the PC/SC service (pcscd) is not answering: {listing.error}",
            "start it: systemctl start pcscd (and check `systemctl status pcscd`)",
        )
    if not listing.readers:
        return Finding(
            "pcsc",
            Status.WARN,
            "pcscd runs, but no contactless reader is attached",
            "plug the reader in; an ACR122U needs the pn533 kernel modules blacklisted "
            "(see docs/readers.md); `pcsc_scan` shows what pcscd sees",
        )
    return Finding("pcsc", Status.OK, f"readers: {', '.join(listing.readers)}")


def check_serial(readers: ReadersConfig) -> list[Finding]:
    found = []
    for reader in readers.serial:
        port = Path(reader.port)
        name = f"serial {reader.port}"
        if not port.exists():
            found.append(
                Finding(
                    name,
                    Status.FAIL,
                    "the magnetic-stripe reader's port does not exist",
                    "check the cable and the port name in [readers] (ls /dev/serial/by-id)",
                )
            )
        elif not os.access(port, os.R_OK | os.W_OK):
            found.append(
                Finding(
                    name,
                    Status.FAIL,
                    "this user may not open the port",
                    "add the service user to the dialout group (the package's udev rules do it)",
                )
            )
        else:
            found.append(Finding(name, Status.OK, "the port is there and can be opened"))
    return found


def check_printer(printer: PrinterConfig) -> Finding:
    if printer.transport is Transport.NONE:
        return Finding(
            "printer",
            Status.WARN,
            "no receipt printer is configured: receipts wait in the queue",
            "set [printer] in the config (docs/printing.md), then `loyalty-terminal print-test`",
        )
    try:
        status = probe_status(printer)
    except PrintError as exc:
        return Finding(
            "printer",
            Status.FAIL,
            f"the printer cannot be reached: {exc}",
            "check that it is on, its cable or network address ([printer] in the config)",
        )
    fixes = {
        PrinterStatus.PAPER_OUT: "put in a new paper roll",
        PrinterStatus.COVER_OPEN: "close the printer's cover",
        PrinterStatus.OFFLINE: "switch the printer on or press its FEED/online button",
    }
    if status is PrinterStatus.OK:
        return Finding("printer", Status.OK, "the printer answers and is ready")
    return Finding(
        "printer",
        Status.FAIL,
        f"the printer says: {status.value.replace('_', ' ')}",
        fixes.get(status, "look at the printer's lights; then `loyalty-terminal print-test`"),
    )


def check_files(db_path: Path, log_file: str = "") -> list[Finding]:
    """The till's private files (common/files.py): the cache, its WAL and SHM, the
    office credential, the lock files and the log are the service user's alone, and
    their folder is not open to others."""
    found = []
    names = {
        "": "the cache",
        "-wal": "the cache's WAL",
        "-shm": "the cache's SHM",
        ".office.json": "the office credential",
        ".run-lock": "the cache's run lock",
        ".sync-lock": "the cache's sync lock",
    }
    paths = [(db_path.with_name(db_path.name + suffix), what) for suffix, what in names.items()]
    if log_file:
        paths.append((Path(log_file), "the log"))
    for path, what in paths:
        wrong = files.problem(path, what)
        if wrong is not None:
            found.append(Finding("file modes", Status.FAIL, wrong[0], wrong[1]))
    folder = db_path.parent
    try:
        st = folder.stat()
    except OSError:
        st = None
    if st is not None and st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        found.append(
            Finding(
                "file modes",
                Status.WARN,
                f"other users may create files in {folder} (mode {stat.S_IMODE(st.st_mode):o}):"
                " they could plant links or files where the till writes",
                f"chmod 700 {folder} (the service user's alone)",
            )
        )
    if not found:
        who = files.user_name(files.service_owner(db_path)[0])
        found.append(Finding("file modes", Status.OK, f"the till's files are {who}'s alone"))
    return found


def check_cache(path: Path, clock: Clock) -> list[Finding]:
    if not path.exists():
        return [
            Finding(
                "cache",
                Status.FAIL,
                f"{path} does not exist: this till has no cache yet",
                "a new till: enrol it (loyalty-terminal enroll --office URL --code CODE) and "
                "the cache is made and filled by the first sync; the demo: "
                f"loyalty-terminal --db {path} demo; if the file was moved, give its place "
                "with --db or [store] path in the config",
            )
        ]
    try:
        db = Database.open(path, create=False)
    except UnsafeFile as exc:
        return [Finding("cache", Status.FAIL, exc.problem, exc.fix)]
    except StoreError as exc:
        return [
            Finding(
                "cache",
                Status.FAIL,
                str(exc),
                "restore the file from a backup, or move it away and sync the cache again "
                "(operations not yet sent are only in this file: keep a copy)",
            )
        ]
    try:
        return _cache_findings(db, clock)
    except Exception as exc:  # a damaged file fails in many ways
        return [
            Finding(
                "cache",
                Status.FAIL,
                f"the cache cannot be read: {type(exc).__name__}: {exc}",
                "restore the file from a backup (keep a copy of this one: it may hold "
                "operations not yet sent)",
            )
        ]
    finally:
        db.close()


def _cache_findings(db: Database, clock: Clock) -> list[Finding]:
    found = []
    problems = db.integrity_check()
    if problems:
        found.append(
            Finding(
                "cache integrity",
                Status.FAIL,
                f"the cache file is damaged: {problems[0]}",
                "restore it from a backup (keep a copy: it may hold operations not yet sent)",
            )
        )
    else:
        found.append(Finding("cache integrity", Status.OK, "the cache file is sound"))
    with db.read() as conn:
        figures = cache_health.figures(conn)
    members, newest, parked = figures.members, figures.newest_sync, figures.parked
    size = db.size_bytes() / 2**20
    if not members:
        found.append(
            Finding(
                "cache data",
                Status.FAIL,
                "the cache holds no members",
                "enrol the till and sync (`loyalty-terminal sync --once`)",
            )
        )
    elif newest and clock.now() - datetime.fromisoformat(newest) > CACHE_STALE:
        found.append(
            Finding(
                "cache data",
                Status.WARN,
                f"{members} members, {size:.0f} MB, last updated {newest[:16]}",
                "check the office connection: the cache should be updated every few minutes",
            )
        )
    else:
        found.append(Finding("cache data", Status.OK, f"{members} members, {size:.0f} MB"))
    found.append(_staff_finding(figures.staff, figures.supervisors))
    count, oldest = figures.pending, figures.oldest_pending or ""
    if count:
        found.append(
            Finding(
                "operations waiting",
                Status.WARN,
                f"{count} operation(s) not yet acknowledged by the office (oldest {oldest[:16]})",
                "they are safe in the cache; check the office connection if the count grows",
            )
        )
    if parked:
        found.append(
            Finding(
                "operations parked",
                Status.FAIL,
                f"{parked} operation(s) rejected by the office",
                "a supervisor reviews them (supervisor mode); they are kept, not lost",
            )
        )
    return found


def _staff_finding(staff: int, supervisors: int) -> Finding:
    """Staff come from the office (docs/install.md): none here means nobody can log in."""
    fix = (
        "staff are made at the office (`python -m office staff add --name ... --role ... "
        "--pin ...`), then reach the till with its next sync; a till makes none itself"
    )
    if not staff:
        return Finding("staff", Status.FAIL, "nobody can log in at this till", fix)
    if not supervisors:
        return Finding(
            "staff", Status.WARN, f"{staff} staff, no supervisor: supervisor mode is closed", fix
        )
    return Finding("staff", Status.OK, f"{staff} staff, {supervisors} of them supervisors")


def check_disk(path: Path, fail_below: int = DISK_FAIL_BYTES) -> Finding:
    folder = path.parent if path.parent.exists() else Path("/")
    free = shutil.disk_usage(folder).free
    text = f"{free / 2**20:.0f} MB free where the cache is ({folder})"
    if free < fail_below:
        return Finding(
            "disk",
            Status.FAIL,
            text,
            "free some space: the till cannot record "
            "operations on a full disk (old logs: journalctl --vacuum-size=100M)",
        )
    if free < DISK_WARN_BYTES:
        return Finding("disk", Status.WARN, text, "free some space soon")
    return Finding("disk", Status.OK, text)


def check_office() -> Finding:
    return Finding(
        "office",
        Status.WARN,
        "this till is not enrolled with an office yet",
        "enrol it: loyalty-terminal enroll --office URL --code CODE",
    )


def diagnose(
    db_path: Path,
    readers: ReadersConfig,
    printer: PrinterConfig,
    clock: Clock,
    office: Callable[[], list[Finding]] | None = None,
    log_file: str = "",
) -> list[Finding]:
    """Every check, in order. ``office``: the office checks (the command supplies them:
    they need the sync client); without it, only "not enrolled" is said."""
    checks: list[Callable[[], list[Finding]]] = [
        lambda: [check_pcsc(readers)],
        lambda: check_serial(readers),
        lambda: [check_printer(printer)],
        lambda: check_files(db_path, log_file),
        lambda: check_cache(db_path, clock),
        lambda: [check_disk(db_path)],
        office or (lambda: [check_office()]),
    ]
    found: list[Finding] = []
    for check in checks:
        try:
            found.extend(check())
        except Exception as exc:  # a check that breaks is itself a finding
            found.append(Finding("doctor", Status.FAIL, f"a check failed: {exc}", ""))
    return found
