"""`loyalty-terminal enroll | sync | office-demo`: the till and the central office.

loyalty-terminal enroll --office URL --code CODE [--ca FILE]
loyalty-terminal sync --once          one push + pull in the foreground
loyalty-terminal sync                 the sync worker in the foreground (Ctrl-C stops)
loyalty-terminal office-demo          a reference office on loopback with the demo
                                      members (python -m office, a process of its
                                      own), this till enrolled with it
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sync import credentials
from sync.client import AuthFailed, OfficeClient, SyncError, Timeouts, Transient
from sync.credentials import Credentials, NotEnrolled
from sync.office_url import BadOfficeUrl, check_office_url
from sync.wire_spend import IdFloors
from sync.worker import SyncStatus, SyncWorker, run_once
from terminal.cli import office_process
from terminal.cli.commands import config_of, db_path
from terminal.cli.demo_office import seed_office
from terminal.cli.office_process import OfficeProcessError
from terminal.services import demo_data
from terminal.store import push_outcomes, sync_state
from terminal.store.database import Database

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


def add_parser(sub: Any, parents: list[argparse.ArgumentParser] | None = None) -> None:
    parents = parents or []
    p = sub.add_parser("enroll", parents=parents, help="enrol this till with the office")
    p.add_argument("--office", required=True, metavar="URL", help="https://office.example")
    p.add_argument("--code", required=True, help="the one-time code from store IT")
    p.add_argument("--ca", metavar="FILE", help="the private CA (PEM) the office's TLS uses")
    p.set_defaults(sync_command="enroll")

    p = sub.add_parser("sync", parents=parents, help="sync with the office")
    p.add_argument("--once", action="store_true", help="one pass, then exit")
    p.set_defaults(sync_command="sync")

    p = sub.add_parser(
        "office-demo", parents=parents, help="a demo office on loopback, this till enrolled"
    )
    p.add_argument("--office-db", default="var/office.sqlite3", metavar="PATH")
    p.add_argument("--port", type=int, default=8700)
    p.add_argument("--members", type=int, default=10_000, metavar="N")
    p.set_defaults(sync_command="office-demo")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """The same commands, wired like the CLI's other modules (handler(args))."""
    add_parser(sub, [common])
    for name in ("enroll", "sync", "office-demo"):
        sub.choices[name].set_defaults(handler=_handler)


def _handler(args: argparse.Namespace) -> int:
    return run(args, db_path(args, config_of(args)))


def run(args: argparse.Namespace, db_path: Path) -> int:
    try:
        if args.sync_command == "enroll":
            return enroll(db_path, args.office, args.code, args.ca)
        if args.sync_command == "office-demo":
            return office_demo(db_path, Path(args.office_db), args.port, args.members)
        return sync(db_path, once=args.once)
    except AuthFailed as exc:
        if args.sync_command == "enroll":  # the code is refused
            print(f"loyalty-terminal: {exc}", file=sys.stderr)
            return 1
        terminal = credentials.load(db_path).terminal_id
        print(
            f"loyalty-terminal: {exc} (HTTP {exc.status}); every operation is kept. Enrol "
            f"the till again as terminal {terminal}: a code from `python -m office "
            f"create-code --terminal {terminal}`, then loyalty-terminal enroll",
            file=sys.stderr,
        )
        return 1
    except (SyncError, NotEnrolled, OfficeProcessError) as exc:
        print(f"loyalty-terminal: {exc}", file=sys.stderr)
        return 1


def enroll(db_path: Path, office: str, code: str, ca: str | None) -> int:
    try:
        check_office_url(office)
    except BadOfficeUrl as exc:
        print(f"loyalty-terminal: {exc}", file=sys.stderr)
        return 2
    if ca is not None and not Path(ca).is_file():
        print(f"loyalty-terminal: {ca}: no such CA file", file=sys.stderr)
        return 2
    ca_path = None if ca is None else str(Path(ca).resolve())
    with Database.open(db_path) as db:
        # A till with operations not yet acknowledged must come back as the terminal it
        # was (the office applies each once per terminal): tell the office.
        with db.read() as conn:
            was = sync_state.get_state(conn, sync_state.OFFICE_TERMINAL)
            unsent = push_outcomes.counts(conn)
        try:
            with OfficeClient(office, ca_bundle=ca_path, timeouts=Timeouts(5, 30)) as client:
                body = client.enrol(
                    code,
                    was=None if was is None else int(was),
                    unsent=unsent.waiting + unsent.parked,
                ).body
        except Transient as exc:
            print(f"loyalty-terminal: {unreachable(office, exc)}", file=sys.stderr)
            return 1
        creds = Credentials(
            office, int(body["terminal_id"]), str(body["name"]), str(body["token"]), ca_path
        )
        path = credentials.save(db_path, creds)  # first: the token exists only here
        credentials.note_in_cache(db, creds)
        floors = IdFloors.from_dict(body.get("floors"))
        with db.write() as conn:
            sync_state.set_state(conn, sync_state.AUTH_ERROR, None)
            sync_state.raise_floors(conn, floors.member_id, floors.card_id, floors.seq)
    again = " again" if was is not None and int(was) == creds.terminal_id else ""
    print(f"enrolled{again} as {creds.name!r} (terminal {creds.terminal_id}); credential in {path}")
    return 0


def unreachable(office: str, exc: BaseException) -> str:
    """Why the office at ``office`` could not be asked, in words for the store's IT."""
    causes: list[BaseException] = []
    at: BaseException | None = exc
    while at is not None and len(causes) < 10:
        causes.append(at)
        at = at.__cause__ or at.__context__
    text = " ".join(str(c) for c in causes)
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "refused" in text:
        why = "nothing answers at that address and port (connection refused)"
    elif "Name or service not known" in text or "getaddrinfo" in text or "resolve" in text:
        why = "this machine does not know that host name (check the spelling and the DNS)"
    elif "timed out" in text.lower() or "Timeout" in text:
        why = "it did not answer in time (a firewall, a wrong address, or the office is down)"
    else:
        why = f"the connection failed ({type(causes[-1]).__name__})"
    return (
        f"the office at {office} cannot be reached: {why}. Check the address, that the "
        "office is running (python -m office serve) and that this till may reach it; "
        "then run enroll again with the same code"
    )


def client_for(creds: Credentials) -> OfficeClient:
    return OfficeClient(creds.office_url, creds.token, ca_bundle=creds.ca_bundle)


def sync(db_path: Path, *, once: bool) -> int:
    creds = credentials.load(db_path)
    with Database.open(db_path) as db:
        credentials.note_in_cache(db, creds)
        if once:
            with client_for(creds) as client:
                print(run_once(db, client, _now))
            return 0
        stop = threading.Event()
        worker = SyncWorker(db, client_for(creds), clock=_now, on_status=_print_status)
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        worker.start()
        try:
            while not stop.wait(0.5) and worker.is_alive():
                pass
        except KeyboardInterrupt:
            pass
        finally:
            worker.stop()
    return 0


def _print_status(status: SyncStatus) -> None:
    progress = ""
    if status.progress is not None:
        done, total = status.progress
        progress = f" {done}/{total}"
    message = f": {status.message}" if status.message else ""
    print(
        f"{status.state.value}{progress}, waiting {status.waiting}, parked {status.parked}"
        f"{message}",
        file=sys.stderr,
        flush=True,
    )


def office_demo(db_path: Path, office_db: Path, port: int, members: int) -> int:
    """Serve a demo office (a process of its own) on 127.0.0.1:PORT until Ctrl-C or
    SIGTERM, enrolling this till first; seeded with MEMBERS demo members when new."""
    office_db.parent.mkdir(parents=True, exist_ok=True)
    if not office_process.installed():
        print(f"loyalty-terminal: {office_process.NOT_INSTALLED}", file=sys.stderr)
        return 1
    if not office_db.exists():
        with tempfile.TemporaryDirectory() as tmp:
            with Database.open(Path(tmp) / "seed.sqlite3") as sdb:
                with sdb.write() as conn:
                    demo_data.fill(conn, members)
                print(f"office seeded: {seed_office(office_db, sdb)}", flush=True)
    with office_process.serving(office_db, port) as office:
        print(
            f"office on {office.url} (pid {office.process.pid}, {office_db}; its log {office.log})",
            flush=True,
        )
        try:
            credentials.load(db_path)
        except NotEnrolled:
            enroll(db_path, office.url, office_process.create_code(office_db, "demo till"), None)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            while not stop.wait(0.5) and office.process.poll() is None:
                pass
        except KeyboardInterrupt:
            pass
        if office.process.poll() is not None:
            print(f"loyalty-terminal: the office stopped (see {office.log})", file=sys.stderr)
            return 1
    return 0
