"""``python -m office``: run the reference office and administer it.

    python -m office [--db URL_OR_PATH] [--config FILE] serve [--workers N]
                     [--host H] [--port P] [--cert C --key K]
                     [--ready-file FILE] [--watch-stdin]   (--port 0: a free port)
                     [--api-docs] [--admin-secure-cookies]
                     [--max-connections N] [--header-timeout S] ...
    python -m office create-code --name "Till 3"      (prints the one-time code)
    python -m office create-code --terminal 3        (enrol terminal 3 again)
    python -m office revoke TERMINAL_ID
    python -m office add-member --id 1 --name "Иванов Иван" [--phone ...] [--points N]
    python -m office add-card --id 7 --number 2990... [--uid HEX] [--member 1]
    python -m office delete-member ID
    python -m office import-csv FILE
    python -m office import-seed FILE               (from loyalty-terminal export-seed)
    python -m office set-limits [--per-operation P] [--per-card P] [--terminal P] ...
                     [--adjust-per-operation P] [--adjust-per-day P]
    python -m office prune --keep-after SEQ
    python -m office nightly [--today YYYY-MM-DD]   (ages the rolling spend window: daily)
    python -m office overdrawn                      (members whose balance is below zero)
    python -m office openapi                        (the protocol, docs/openapi.json)
    python -m office staff add|list|set|deactivate|add-card|remove-card ...
                                                    (the chain's staff: office/staff_cli.py)
    python -m office admin-add NAME --role owner    (the admin web app: office/admin_cli.py)
    python -m office admin-list | admin-unlock NAME

The database is a SQLite file (default ``office.sqlite3``) or a SQLAlchemy URL such as
``postgresql+psycopg://user@host/office``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import make_url
from sqlalchemy.exc import SQLAlchemyError

from office import admin, admin_cli, auth, feed, service_config, staff_cli, window
from office.admin_sessions import SessionRules
from office.app import openapi_document
from office.db import OfficeDB
from office.limits import OPTIONS, ServerLimits
from office.migrate import NotAnOfficeDatabase
from office.overdrawn import overdrawn
from office.seed import import_seed
from office.server import serve
from sync.protocol import OfflineLimits


def _shown(db: str) -> str:
    """The database as a person may see it: a URL without its password."""
    return make_url(db).render_as_string(hide_password=True) if "://" in db else db


def _centi(text: str) -> int:
    return int(Decimal(text) * 100)


def build_parser(settings: Mapping[str, Any] | None = None) -> argparse.ArgumentParser:
    """The command line; ``settings`` (a configuration file's) are the defaults."""
    p = argparse.ArgumentParser(prog="python -m office", description=__doc__.split("\n")[0])
    p.add_argument("--db", default="office.sqlite3", help="SQLite file or database URL")
    p.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="a TOML file of settings for serve and the database (office/service_config.py); "
        "the command line wins",
    )
    sub = p.add_subparsers(dest="command", required=True)

    s = serve = sub.add_parser("serve", help="run the office's HTTP service")
    s.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes sharing the port (above 1: PostgreSQL only; default 1)",
    )
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8700, help="0: a free port (see --ready-file)")
    s.add_argument("--cert", help="TLS certificate (PEM); with --key, serves HTTPS")
    s.add_argument("--key", help="TLS private key (PEM)")
    s.add_argument(
        "--ready-file", type=Path, metavar="FILE", help="once listening, write the URL here"
    )
    s.add_argument(
        "--watch-stdin",
        action="store_true",
        help="stop when standard input closes (the process that started the office ended)",
    )
    s.add_argument(
        "--api-docs",
        action="store_true",
        help="serve /docs, /redoc and /openapi.json (without a credential; off by default)",
    )
    s.add_argument(
        "--admin-secure-cookies",
        action="store_true",
        help="mark the admin web app's cookies Secure even on plain HTTP (the office "
        "behind a proxy that ends TLS); over HTTPS they are anyway",
    )
    limits = s.add_argument_group("limits (docs/office-security.md)")
    defaults = ServerLimits()
    for name, (flag, text) in OPTIONS.items():
        default = getattr(defaults, name)
        limits.add_argument(
            flag,
            dest=name,
            type=type(default),
            default=default,
            metavar={"s": "SECONDS", "bytes": "BYTES"}.get(name.rsplit("_", 1)[-1], "N"),
            help=f"{text} (default {default})",
        )

    s = sub.add_parser("create-code", help="a one-time enrolment code for a till")
    who = s.add_mutually_exclusive_group(required=True)
    who.add_argument("--name", help="a new till: its name at the office")
    who.add_argument(
        "--terminal", type=int, metavar="ID", help="enrol terminal ID again (keeps its id)"
    )
    s.add_argument("--days", type=int, default=7, help="days the code stays valid")

    s = sub.add_parser("revoke", help="revoke a till's credential")
    s.add_argument("terminal_id", type=int)

    s = sub.add_parser("add-member", help="create or update a member")
    s.add_argument("--id", type=int, required=True)
    s.add_argument("--name", required=True, help="full name")
    s.add_argument("--address-as", help="how the cashier greets them")
    s.add_argument("--phone")
    s.add_argument("--birthday", help="YYYY-MM-DD")
    s.add_argument("--points", default="0", help="opening balance in points")

    s = sub.add_parser("add-card", help="create or update a card")
    s.add_argument("--id", type=int, required=True)
    s.add_argument("--number")
    s.add_argument("--uid")
    s.add_argument("--member", type=int)
    s.add_argument("--kind", default="personal", choices=("personal", "bearer"))
    s.add_argument("--state", default="active")

    s = sub.add_parser("gift", help="add or change a gift of the catalogue")
    s.add_argument("code")
    s.add_argument("--name", required=True, help="shown in a language with no name of its own")
    for code in ("ru", "uk", "en"):
        s.add_argument(f"--name-{code}", metavar="NAME", help=f"the name in {code}")
    s.add_argument("--kind", default="reward", choices=("birthday", "reward", "prize"))
    s.add_argument("--cost", default="0", metavar="POINTS", help="points it costs")
    s.add_argument("--withdraw", action="store_true", help="no longer handed out")

    s = sub.add_parser("delete-member", help="delete (anonymise) a member everywhere")
    s.add_argument("member_id", type=int)

    s = sub.add_parser("import-csv", help="import members from a CSV file")
    s.add_argument("file", type=Path)

    s = sub.add_parser(
        "import-seed", help="fill an empty office from a seed file (loyalty-terminal export-seed)"
    )
    s.add_argument("file", type=Path)

    s = sub.add_parser("set-limits", help="the offline spending limits of the tills")
    d = OfflineLimits()
    s.add_argument("--offline-after", type=int, default=d.offline_after_s, metavar="SECONDS")
    s.add_argument("--max-age", type=int, default=d.max_data_age_s, metavar="SECONDS")
    s.add_argument("--per-operation", default=str(d.per_operation_centi / 100), metavar="POINTS")
    s.add_argument("--per-card", default=str(d.per_card_centi / 100), metavar="POINTS")
    s.add_argument("--terminal", default=str(d.terminal_total_centi / 100), metavar="POINTS")
    s.add_argument("--no-gifts-offline", action="store_true")
    s.add_argument(
        "--authorise-ms",
        type=int,
        default=d.authorise_ms,
        metavar="MS",
        help="how long a till waits for the office to authorise a spend (a hold)",
    )
    s.add_argument(
        "--hold",
        type=int,
        default=d.hold_s,
        metavar="SECONDS",
        help="how long a hold no operation settles stays open",
    )
    s.add_argument(
        "--adjust-per-operation",
        default=str(d.adjust_per_operation_centi / 100),
        metavar="POINTS",
        help="points one adjustment may move (either way), online or not",
    )
    s.add_argument(
        "--adjust-per-day",
        default=str(d.adjust_staff_day_centi / 100),
        metavar="POINTS",
        help="points one member of staff may adjust in a day (the office's day, UTC)",
    )
    s.add_argument(
        "--supervisor-card",
        action="store_true",
        help="a supervisor's or store admin's PIN log-in also needs a tap of their staff card",
    )
    s.add_argument(
        "--min-pin-supervisor",
        type=int,
        default=d.min_pin_supervisor,
        metavar="DIGITS",
        help="the shortest PIN of a supervisor or store admin (6 to 12)",
    )
    s.add_argument(
        "--min-pin-cashier",
        type=int,
        default=d.min_pin_cashier,
        metavar="DIGITS",
        help="the shortest PIN of a cashier (4 to 12)",
    )

    sub.add_parser("openapi", help="print the protocol's OpenAPI document (docs/openapi.json)")

    s = sub.add_parser("prune", help="forget feed changes up to SEQ (older cursors get 410)")
    s.add_argument("--keep-after", type=int, required=True, metavar="SEQ")

    s = sub.add_parser(
        "nightly", help="age the members' rolling spend window (run once a day: docs/install.md)"
    )
    s.add_argument(
        "--today",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the day to age to (default: the office's day, UTC)",
    )

    sub.add_parser("overdrawn", help="list the members whose balance is below zero")

    staff_cli.register(sub)
    admin_cli.register(sub)
    if settings:
        p.set_defaults(**{k: v for k, v in settings.items() if k == "db"})
        serve.set_defaults(**{k: v for k, v in settings.items() if k != "db"})
    return p


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments, over the configuration file's settings if ``--config`` names one."""
    first, _rest = build_parser().parse_known_args(argv)
    settings = {} if first.config is None else service_config.load(first.config)
    return build_parser(settings).parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parse(argv)
    except service_config.ConfigFileError as exc:
        print(f"office: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # ours says what it migrates
    if args.command == "openapi":  # the protocol's document needs no database
        sys.stdout.write(openapi_document())
        return 0
    try:
        db = OfficeDB.open(args.db)
    except (NotAnOfficeDatabase, OSError, SQLAlchemyError) as exc:
        reason = getattr(exc, "orig", None) or exc
        print(f"office: cannot use the database {_shown(args.db)}: {reason}", file=sys.stderr)
        return 1
    try:
        return _run(args, db)
    except (admin.AdminError, OSError, RuntimeError, ValueError) as exc:
        print(f"office: {exc}", file=sys.stderr)
        return 1
    finally:
        db.close()


def _run(args: argparse.Namespace, db: OfficeDB) -> int:
    cmd = args.command
    if cmd == "serve":
        serve(
            db,
            args.host,
            args.port,
            ssl_certfile=args.cert,
            ssl_keyfile=args.key if args.cert else None,
            ready_file=args.ready_file,
            watch_stdin=args.watch_stdin,
            limits=ServerLimits(**{name: getattr(args, name) for name in OPTIONS}),
            api_docs=args.api_docs,
            workers=args.workers,
            admin=SessionRules(secure_cookies=args.admin_secure_cookies),
        )
    elif cmd == "create-code":
        try:
            code = auth.create_code(
                db, args.name or "", timedelta(days=args.days), terminal_id=args.terminal
            )
        except auth.BadCode as exc:
            print(f"office: {exc}", file=sys.stderr)
            return 1
        print(code)
    elif cmd == "revoke":
        if not auth.revoke(db, args.terminal_id):
            print(f"office: no active terminal {args.terminal_id}", file=sys.stderr)
            return 1
    elif cmd == "add-member":
        admin.add_member(
            db,
            id=args.id,
            full_name=args.name,
            address_as=args.address_as or args.name,
            phone=args.phone,
            birthday=args.birthday,
            balance_centi=_centi(args.points),
        )
    elif cmd == "add-card":
        admin.add_card(
            db,
            id=args.id,
            number=args.number,
            uid=args.uid.upper() if args.uid else None,
            member_id=args.member,
            kind=args.kind,
            state=args.state,
        )
    elif cmd == "gift":
        names = {c: getattr(args, f"name_{c}") for c in ("ru", "uk", "en")}
        admin.add_gift(
            db,
            code=args.code,
            name=args.name,
            kind=args.kind,
            points_cost_centi=_centi(args.cost),
            active=not args.withdraw,
            names={c: n for c, n in names.items() if n},
        )
    elif cmd == "delete-member":
        admin.delete_member(db, args.member_id)
    elif cmd == "import-csv":
        print(f"{admin.import_csv(db, args.file)} members imported")
    elif cmd == "import-seed":
        print(f"{import_seed(db, args.file)} imported")
    elif cmd == "set-limits":
        admin.set_limits(
            db,
            OfflineLimits(
                offline_after_s=args.offline_after,
                max_data_age_s=args.max_age,
                per_operation_centi=_centi(args.per_operation),
                per_card_centi=_centi(args.per_card),
                terminal_total_centi=_centi(args.terminal),
                gifts_offline=not args.no_gifts_offline,
                authorise_ms=args.authorise_ms,
                hold_s=args.hold,
                adjust_per_operation_centi=_centi(args.adjust_per_operation),
                adjust_staff_day_centi=_centi(args.adjust_per_day),
                supervisor_card=args.supervisor_card,
                min_pin_supervisor=args.min_pin_supervisor,
                min_pin_cashier=args.min_pin_cashier,
            ),
        )
    elif cmd == "staff":
        return staff_cli.run(args, db)
    elif cmd.startswith("admin-"):
        return admin_cli.run(args, db)
    elif cmd == "prune":
        print(f"{feed.prune(db, args.keep_after)} changes removed")
    elif cmd == "nightly":
        result = window.nightly(db, args.today)
        print("no program yet: nothing to age" if result is None else result.summary())
    elif cmd == "overdrawn":
        count = 0
        for m in overdrawn(db):
            count += 1
            points = Decimal(m.balance_centi) / 100
            flag = "  (an offline operation)" if m.flagged else ""
            print(f"{m.member_id}\t{m.name}\t{points:.2f}\t{' '.join(m.cards) or '-'}{flag}")
        print(f"{count} members overdrawn")
    return 0


if __name__ == "__main__":
    sys.exit(main())
