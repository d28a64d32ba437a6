"""``python -m office staff ...``: store IT's commands for the chain's staff.

    python -m office staff add --name "Анна Кассирова" --role cashier --pin 1111
                               [--tills 3,4 | --tills all] [--card 04A1B2C3D4E5F6 ...]
    python -m office staff list
    python -m office staff set ID [--name N] [--role R] [--pin P] [--tills ...] [--active]
    python -m office staff deactivate ID
    python -m office staff add-card ID UID
    python -m office staff remove-card ID UID

Roles: cashier, supervisor, store_admin (sync.protocol.STAFF_ROLES). A change reaches
every till at its next sync (the staff feed, docs/protocol.md). A PIN is digits: a
supervisor's or store admin's at least 6, a cashier's at least 4, at most 12 (``set-limits
--min-pin-supervisor / --min-pin-cashier`` raise them); it is kept only as an argon2id
hash. ``list`` names a PIN still under the old scrypt hash: set it again.
"""

from __future__ import annotations

import argparse
from typing import Any

from common import pins
from office import staff
from office.db import OfficeDB
from sync.protocol import STAFF_ROLES


def register(sub: Any) -> None:
    p = sub.add_parser("staff", help="the chain's staff: add, list, set, deactivate, cards")
    cmds = p.add_subparsers(dest="staff_command", required=True)

    a = cmds.add_parser("add", help="a new member of staff (prints their id)")
    a.add_argument("--name", required=True)
    a.add_argument("--role", required=True, choices=STAFF_ROLES)
    a.add_argument(
        "--pin", help="digits: 6 to 12 for a supervisor or store admin, 4 to 12 for a cashier"
    )
    a.add_argument("--tills", default="all", help="terminal ids (3,4) or 'all' (default)")
    a.add_argument("--card", action="append", default=[], metavar="UID", help="a staff card")

    cmds.add_parser("list", help="every member of staff")

    s = cmds.add_parser("set", help="change a member of staff")
    s.add_argument("id", type=int)
    s.add_argument("--name")
    s.add_argument("--role", choices=STAFF_ROLES)
    s.add_argument("--pin", help="a new PIN (the rules of the role they will have)")
    s.add_argument("--tills", help="terminal ids (3,4) or 'all'")
    s.add_argument("--active", action="store_true", help="active again")

    d = cmds.add_parser("deactivate", help="no more log-ins at any till")
    d.add_argument("id", type=int)

    for name, what in (("add-card", "give them a staff card"), ("remove-card", "take one back")):
        c = cmds.add_parser(name, help=what)
        c.add_argument("id", type=int)
        c.add_argument("uid")


def _line(m: staff.StaffMember) -> str:
    tills = "all tills" if m.tills is None else "tills " + ",".join(map(str, m.tills))
    state = "active" if m.active else "deactivated"
    pin = "PIN set" if m.pin_hash else "no PIN"
    if m.pin_hash and pins.is_old_hash(m.pin_hash):
        pin = "PIN set (old hash: set it again)"
    cards = ", ".join(m.cards) or "no card"
    return f"{m.id}\t{m.name}\t{m.role}\t{tills}\t{state}\t{pin}\t{cards}"


def run(args: argparse.Namespace, db: OfficeDB) -> int:
    cmd = args.staff_command
    if cmd == "add":
        print(
            staff.add(
                db,
                args.name,
                args.role,
                pin=args.pin,
                tills=staff.parse_tills(args.tills),
                cards=args.card,
            )
        )
        return 0
    if cmd == "list":
        for member in staff.list_staff(db):
            print(_line(member))
        return 0
    if cmd == "set":
        member = staff.change(
            db,
            args.id,
            name=args.name,
            role=args.role,
            pin=args.pin,
            tills="keep" if args.tills is None else staff.parse_tills(args.tills),
            active=True if args.active else None,
        )
    elif cmd == "deactivate":
        member = staff.deactivate(db, args.id)
    elif cmd == "add-card":
        member = staff.add_card(db, args.id, args.uid)
    else:
        member = staff.remove_card(db, args.id, args.uid)
    print(_line(member))
    return 0
