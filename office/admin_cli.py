"""``python -m office admin-add | admin-list | admin-unlock``: the admin web app's
accounts (office/admin_accounts.py; docs/office-guide.md).

    python -m office admin-add NAME --role owner     (asks for the password twice;
                                                      or reads one line from stdin)
    python -m office admin-list
    python -m office admin-unlock NAME                (lifts a lock-out)
    python -m office admin-deactivate NAME            (no more log-ins; sessions end)

A password is never an argument (arguments are seen by every user of the machine in
the list of processes): it is typed at a prompt, or piped on standard input.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from office import admin_accounts
from office.admin import AdminError
from office.admin_roles import ROLE_NAMES
from office.db import OfficeDB


def register(sub: Any) -> None:
    a = sub.add_parser("admin-add", help="a new account of the admin web app")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=ROLE_NAMES)
    sub.add_parser("admin-list", help="the admin web app's accounts")
    u = sub.add_parser("admin-unlock", help="lift the lock-out of an admin account")
    u.add_argument("name")
    d = sub.add_parser(
        "admin-deactivate", help="an admin account may log in no more; its sessions end"
    )
    d.add_argument("name")


def read_password() -> str:
    """At a terminal: typed twice, unseen. Otherwise the first line of standard input."""
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != first:
            raise AdminError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def run(args: argparse.Namespace, db: OfficeDB) -> int:
    if args.command == "admin-add":
        print(admin_accounts.add(db, args.name, args.role, read_password()))
        return 0
    accounts = admin_accounts.list_accounts(db)
    if args.command == "admin-list":
        for a in accounts:
            state = "active" if a.active else "deactivated"
            lock = f"\tlocked until {a.locked_until}" if a.locked_until else ""
            print(f"{a.id}\t{a.name}\t{a.role.value}\t{state}{lock}")
        return 0
    found = [a for a in accounts if a.name == args.name.strip()]
    if not found:
        raise AdminError(f"no admin named {args.name}")
    if args.command == "admin-deactivate":
        admin_accounts.deactivate(db, found[0].id)
    else:
        admin_accounts.unlock(db, found[0].id)
    return 0
