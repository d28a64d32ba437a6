"""`loyalty-terminal demo` (what `make run` runs until the cashier window lands): a demo
cache is made if there is none, then a few cards are presented and a purchase is checked
out, showing what the cashier would see."""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from terminal.cli import render
from terminal.cli.commands import UsageError, config_of, db_path
from terminal.cli.demo_office import demo_office
from terminal.cli.office_process import OfficeProcessError, RunningOffice
from terminal.loyalty import Money
from terminal.services import demo_data
from terminal.services.checkout import checkout, preview
from terminal.services.identify import CardKey, identify
from terminal.services.till import Till
from terminal.store import queries
from terminal.store.card_picks import CardWanted, card_ids
from terminal.store.connection import Connection
from terminal.store.database import Database
from terminal.store.run_lock import RunLock

DEMO_MEMBERS = 10_000


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="a walk through a demo checkout")
    p.add_argument("--members", type=int, default=DEMO_MEMBERS, metavar="N")
    p.add_argument(
        "--app",
        action="store_true",
        help="the cashier app with a virtual reader (pcscd + vpcd) and a virtual printer",
    )
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    path: Path = db_path(args, config_of(args))
    with Database.open(path) as db:
        with db.read() as conn:
            empty = demo_data.is_blank(conn)
            demo = demo_data.is_demo_cache(conn)
        if not empty and not demo:  # the demo records purchases: never on real members
            raise UsageError(
                f"{path} is not a demo cache: the demo records a purchase, so it runs only "
                "on a cache made by 'loyalty-terminal demo-data' (choose one with --db)"
            )
        if empty:
            print(f"making a demo cache of {args.members} members in {path} ...")
            with db.write() as conn:
                demo_data.fill(conn, args.members)
        if args.app:
            return _demo_app(args, db)
        till = Till(db)
        today = till.clock.today()
        with db.read() as conn:
            cards = _demo_cards(conn, today.strftime("%m-%d"))
        for title, number in cards:
            print(f"\n=== {title}: card {number} ===")
            view = identify(till.unit(), CardKey(number=number))
            print(render.view_text(view))
        title, number = cards[0]
        view = identify(till.unit(), CardKey(number=number))
        amount = Money.parse("2450.00")
        q = preview(till.unit(), view, amount)
        spend = q.max_spend_points
        print(
            f"\n=== checkout of {amount} for {view.member.address_as if view.member else '-'}, "
            f"spending {render.points(spend)} points ==="
        )
        result = checkout(till.unit(), CardKey(number=number), amount, spend)
        print(render.quote_text(result.quote))
        print(
            f"  recorded as operation {result.seq} ({result.operation_id}), waiting for the office"
        )
        print("\n=== the same card again ===")
        print(render.view_text(identify(till.unit(), CardKey(number=number))))
    return 0


def _demo_app(args: argparse.Namespace, db: Database) -> int:
    """The cashier app on embedded defaults, with virtual devices around it."""
    from drivers.printer.loopback import LoopbackPrinter
    from drivers.virtual.pcscd import Pcscd
    from terminal.config import from_mapping
    from terminal.ui.app import run_app

    # Taken before the devices and the demo office start: a second `make run` on the
    # same cache stops here, in words, and leaves the first one's office and credential.
    run_lock = RunLock.acquire(db.path)
    pcscd = Pcscd(db.path.with_name("pcscd.log"))
    try:
        pcscd.start()
    except Exception as exc:  # the app still runs: the status bar shows no reader
        print(f"the virtual card reader is not available ({exc}); run as root to start pcscd")
    with ExitStack() as stack:
        stack.callback(run_lock.release)
        stack.callback(pcscd.stop)
        printer = stack.enter_context(LoopbackPrinter())
        office: RunningOffice | None = None
        try:
            office = stack.enter_context(demo_office(db))
        except OfficeProcessError as exc:  # the app still runs: it shows itself offline
            print(f"{exc} (the app runs without a demo office)")
        config = from_mapping(
            {
                "printer": {"transport": "network", "host": "127.0.0.1", "port": printer.port},
                "receipt": {"header": ["Демо-магазин", "ул. Примерная, 1"]},
            }
        )
        staff = ", ".join(f"{name}: PIN {pin}" for name, _role, pin in demo_data.DEMO_STAFF)
        print(
            f"demo staff: {staff}\n"
            "tap a demo card: .venv/bin/python -m drivers.virtual.demo_card --card-id 1\n"
            "  (--cycle 5 --every 6 taps cards 1..5 in turn; --bank taps a bank card)\n"
            f"receipts go to a virtual printer on 127.0.0.1:{printer.port}; "
            "the done page shows each one"
        )
        if office is not None:
            print(
                f"a demo office syncs with this till on {office.url} "
                f"({office.path}; its log {office.log})"
            )
        return run_app(config, db, run_lock=run_lock)


def _demo_cards(conn: Connection, today_mmdd: str) -> list[tuple[str, str]]:
    def first(wanted: CardWanted) -> str:
        # Members whose birthday is today come first, so the demo shows the greeting.
        found = card_ids(conn, wanted, birthday_first=today_mmdd)
        card = queries.card_by_id(conn, found[0]) if found else None
        return str(None if card is None else card.number)

    return [
        ("a member (on their birthday)", first(CardWanted(kind="personal", state="active"))),
        ("a bearer card", first(CardWanted(kind="bearer", state="active"))),
        ("a blocked card", first(CardWanted(state="blocked"))),
    ]
