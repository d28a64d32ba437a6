"""The terminal's office credential: a small JSON file beside the cache, readable by the
service user only (mode 0600), written atomically through a unique temporary file
(common/files.py: a link planted at either name never receives the token).

Read back, it is refused (:class:`~common.files.UnsafeFile`) if it is a symbolic link,
someone else's or writable by other users, and its office URL is checked again like a
typed one (:func:`sync.office_url.check_office_url`).

It holds the office's URL, the terminal's id and name at the office, its bearer token and
the private CA bundle to verify the office with (None: the system's CAs).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from common.errors import ConfigError
from common.files import check_private, open_private, write_private
from sync.office_url import check_office_url
from terminal.store import sync_state
from terminal.store.database import Database


class NotEnrolled(Exception):
    code = "not_enrolled"


@dataclass(frozen=True, slots=True)
class Credentials:
    office_url: str
    terminal_id: int
    name: str
    token: str
    ca_bundle: str | None = None

    def __repr__(self) -> str:  # never print the token
        return f"Credentials({self.office_url!r}, terminal {self.terminal_id}, {self.name!r})"


def path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".office.json")


WHAT = "the office credential"


def save(db_path: Path, creds: Credentials) -> Path:
    check_office_url(creds.office_url)
    path = path_for(db_path)
    write_private(path, json.dumps(asdict(creds), indent=2).encode())
    return path


def check(db_path: Path) -> None:
    """:class:`~common.files.UnsafeFile` if the credential (when there is one) is a
    link, someone else's or writable by others (``run`` refuses to start so)."""
    check_private(path_for(db_path), WHAT)


def load(db_path: Path, *, tighten: bool = True) -> Credentials:
    """The credential; :class:`NotEnrolled` if there is none or it cannot be read,
    :class:`~common.files.UnsafeFile` if it is a link, someone else's or writable by
    others. One others may only read is made 0600 (``tighten``; the doctor reports it
    instead)."""
    path = path_for(db_path)
    if not path.exists() and not path.is_symlink():
        raise NotEnrolled(
            "this till is not enrolled with an office: "
            "loyalty-terminal enroll --office URL --code CODE"
        )
    try:
        fd = open_private(path, os.O_RDONLY, WHAT, create=False, tighten=tighten)
    except OSError as exc:
        raise NotEnrolled(f"{WHAT} {path} cannot be read: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
        creds = Credentials(
            office_url=check_office_url(str(data["office_url"])),
            terminal_id=int(data["terminal_id"]),
            name=str(data["name"]),
            token=str(data["token"]),
            ca_bundle=data.get("ca_bundle"),
        )
    except ConfigError as exc:
        raise NotEnrolled(f"{WHAT} {path}: {exc}; enrol again") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NotEnrolled(f"{WHAT} {path} cannot be read: {exc}") from None
    return creds


def note_in_cache(db: Database, creds: Credentials) -> None:
    """Make the cache say what the credential says (the office, the terminal's id and
    name): the offline limits and the id block of registrations go by it. Enrolment
    writes both; at start the credential wins, so a crash between the two writes heals."""
    with db.read() as conn:
        same = sync_state.get_state(conn, sync_state.OFFICE_TERMINAL) == str(creds.terminal_id)
        same = same and sync_state.get_state(conn, sync_state.OFFICE_URL) == creds.office_url
    if same:
        return
    with db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_URL, creds.office_url)
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, str(creds.terminal_id))
        sync_state.set_state(conn, sync_state.OFFICE_NAME, creds.name)
