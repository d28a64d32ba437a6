"""The terminal's office credential: a small JSON file beside the cache, readable by the
service user only (mode 0600), written atomically.

It holds the office's URL, the terminal's id and name at the office, its bearer token and
the private CA bundle to verify the office with (None: the system's CAs).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

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


def save(db_path: Path, creds: Credentials) -> Path:
    path = path_for(db_path)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(creds), fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path


def load(db_path: Path) -> Credentials:
    path = path_for(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotEnrolled(
            "this till is not enrolled with an office: "
            "loyalty-terminal enroll --office URL --code CODE"
        ) from None
    except (OSError, ValueError) as exc:
        raise NotEnrolled(f"the office credential {path} cannot be read: {exc}") from None
    return Credentials(
        office_url=str(data["office_url"]),
        terminal_id=int(data["terminal_id"]),
        name=str(data["name"]),
        token=str(data["token"]),
        ca_bundle=data.get("ca_bundle"),
    )


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
