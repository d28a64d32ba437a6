"""The cache and checkout subcommands: demo-data, lookup, quote."""

from __future__ import annotations

import argparse
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from common.cardnumbers import is_payment_pan
from common.files import UnsafeFile
from terminal.cli import render
from terminal.config import Config, ConfigError, load_config
from terminal.loyalty import LoyaltyError, Money
from terminal.services import demo_data, points_input
from terminal.services.checkout import preview
from terminal.services.errors import ServiceError
from terminal.services.identify import card_key_from_text, identify, search
from terminal.services.till import Till
from terminal.store import queries
from terminal.store.database import APPLICATION_ID, Database
from terminal.store.errors import StoreError
from terminal.store.normalize import normalize_phone
from terminal.store.run_lock import AlreadyRunning

#: Errors that a person caused and can fix: shown as one line, exit code 1 (2 for config).
USER_ERRORS: tuple[type[Exception], ...] = (
    ConfigError,
    StoreError,
    ServiceError,
    LoyaltyError,
    UnsafeFile,
    AlreadyRunning,
)


class UsageError(ServiceError):
    def __init__(self, message: str) -> None:
        super().__init__("usage", message)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "demo-data", parents=[common], help="fill a new cache with deterministic demo members"
    )
    p.add_argument("--members", type=int, default=1000, metavar="N")
    p.add_argument("--seed", type=int, default=demo_data.DEFAULT_SEED)
    p.add_argument("--replace", action="store_true", help="delete an existing cache first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_demo_data)

    p = sub.add_parser("migrate", parents=[common], help="create the cache or bring it up to date")
    p.set_defaults(handler=cmd_migrate)

    p = sub.add_parser("lookup", parents=[common], help="find a member by card or phone")
    p.add_argument("key", metavar="CARD_OR_PHONE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_lookup)

    p = sub.add_parser("quote", parents=[common], help="work out a purchase (records nothing)")
    p.add_argument("card", metavar="CARD")
    p.add_argument("amount", metavar="AMOUNT")
    p.add_argument("--spend", metavar="POINTS", help="points to spend")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_quote)


def config_of(args: argparse.Namespace) -> Config:
    return load_config(getattr(args, "config", None))


def db_path(args: argparse.Namespace, config: Config) -> Path:
    db = getattr(args, "db", None)
    return Path(db) if db else config.db_path


def open_existing(args: argparse.Namespace) -> Database:
    path = db_path(args, config_of(args))
    if not path.exists():
        raise StoreError(
            "missing",
            f"{path} does not exist: sync with the office, or make a demo cache "
            "with 'loyalty-terminal demo-data'",
        )
    return Database.open(path, create=False)


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)


def cmd_demo_data(args: argparse.Namespace) -> int:
    if args.members < 1:
        raise UsageError(f"--members: {args.members} must be at least 1")
    path = db_path(args, config_of(args))
    if args.replace:
        _check_replaceable(path)
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            p.unlink(missing_ok=True)
    with Database.open(path) as db:
        with db.read() as conn:
            existing = queries.count_members(conn)
        if existing:
            raise UsageError(f"{path} already holds {existing} members; add --replace")
        with db.write() as conn:
            summary = demo_data.fill(conn, args.members, seed=args.seed)
    data = {"db": str(path), "members": summary.members, "cards": summary.cards}
    emit(args, data, f"{path}: {summary.members} members, {summary.cards} cards")
    return 0


def _is_our_cache(path: Path) -> bool:
    """A SQLite file with our PRAGMA application_id (read from its header, not opened)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError("cannot_open", f"cannot read {path}: {exc.strerror}") from exc
    return (
        header.startswith(b"SQLite format 3\x00")
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def _check_replaceable(path: Path) -> None:
    """--replace deletes only one of our caches, and never operations not yet sent."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return
    if path.is_dir() or not _is_our_cache(path):
        raise UsageError(
            f"{path} is not a loyalty-terminal cache: --replace deletes only a cache; "
            "choose another path"
        )
    with Database.open(path, create=False) as db, db.read() as conn:
        unsent = demo_data.unsent_operations(conn)
        demo = demo_data.is_demo_cache(conn)
    if unsent and not demo:
        raise UsageError(
            f"{path} holds {unsent} operation(s) the office has not received yet; "
            "--replace would lose them: sync first, or choose another path"
        )


def cmd_migrate(args: argparse.Namespace) -> int:
    path = db_path(args, config_of(args))
    with Database.open(path) as db:
        print(f"{path}: schema {db.revision()}")
    return 0


def _shown(text: str) -> str:
    """``text`` for an error message, unless it holds a payment card's number (typed with
    dashes, say): that is never echoed."""
    runs = re.findall(r"\d+", text)
    if any(is_payment_pan(d) for d in ["".join(runs), *runs]):
        return "this text (a bank card's number, not a club card's)"
    return repr(text)


#: Why a key was not a card of the cache, when it may still be a phone.
_NOT_A_CARD = frozenset({"unknown_card", "not_club_card", "bank_card_refused"})


def cmd_lookup(args: argparse.Namespace) -> int:
    numbers = config_of(args).readers.numbers
    with open_existing(args) as db:
        unit = Till(db, numbers=numbers).unit()
        key = card_key_from_text(args.key)
        phone = normalize_phone(args.key)
        if key is not None:
            try:
                view = identify(unit, key)  # a payment card's number: bank_card_refused
            except ServiceError as exc:
                if phone is None or exc.code not in _NOT_A_CARD:
                    raise
            else:
                emit(args, render.view_json(view), render.view_text(view))
                return 0
        if phone is None:
            raise UsageError(f"{_shown(args.key)} is neither a card number, a card UID nor a phone")
        found = search(unit, phone)
        if not found:
            raise ServiceError("unknown_phone")
        data = [render.member_json(m) for m in found]
        text = "\n".join(f"{m.full_name} ({m.address_as}), member {m.id}" for m in found)
        emit(args, data, text)
        return 0


def parse_points(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return points_input.parse_points(text)
    except points_input.BadPoints:
        raise UsageError(
            f"--spend: {text[:40]!r} is not a number of points: digits, e.g. 150 or 12.5"
        ) from None


def cmd_quote(args: argparse.Namespace) -> int:
    amount = Money.parse(args.amount)
    spend = parse_points(args.spend)
    key = card_key_from_text(args.card)
    if key is None:
        raise UsageError(f"{_shown(args.card)} is not a card number or UID")
    numbers = config_of(args).readers.numbers
    with open_existing(args) as db:
        unit = Till(db, numbers=numbers).unit()
        view = identify(unit, key)
        q = preview(unit, view, amount, spend)
        data = {"member": render.view_json(view), "quote": render.quote_json(q)}
        emit(args, data, render.view_text(view) + "\n" + render.quote_text(q))
    return 0
