"""`loyalty-terminal export-seed FILE`: this cache's member data as a seed file, to fill an
empty office with (`python -m office import-seed FILE`; docs/install.md, "Seeding an
office"). It is how a demo office, a test office or a benchmark's office gets its members:
the office never reads a till's cache.

The file is JSON Lines in the protocol's own row format (sync.protocol): a header naming
the format and the fields, then one line per entity as the change feed carries its data,
then an end line with the counts (a file cut short has none and is refused whole)::

    {"format":"loyalty-seed","version":1,"protocol":1,"fields":{"member":[...],...}}
    ["program",{"code":"standard","version":1,"body":{...}}]
    ["gift",["BDAY","Подарок ко дню рождения","birthday",0,true]]
    ["staff",[2,"Пётр Старший","supervisor",null,"scrypt$...",[],true]]
    ["member",[1,"Ершова Анна Петровна",...]]
    ["card",[1,"0400009E3779B1","2990000000018","personal","active",1,0,"2030-12-31",null]]
    ["end",{"program":1,"gift":4,"staff":2,"member":1000,"card":1321}]

Staff (with their PIN hashes) are a demo's own: an office made from a real till's cache
gets that till's staff, and from then on makes them itself (``python -m office staff``).
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from common.files import open_private
from sync.protocol import (
    CARD_FIELDS,
    GIFT_FIELDS,
    MEMBER_FIELDS,
    SEED_END,
    SEED_FORMAT,
    SEED_VERSION,
    STAFF_FIELDS,
    VERSION,
    Entity,
)
from terminal.cli.commands import open_existing
from terminal.store import export
from terminal.store.database import Database

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass(frozen=True, slots=True)
class SeedCounts:
    program: int
    gifts: int
    members: int
    cards: int
    staff: int = 0

    def __str__(self) -> str:
        program = "the program" if self.program else "no program"
        return (
            f"{self.members} members, {self.cards} cards, {self.gifts} gifts, "
            f"{self.staff} staff, {program}"
        )


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export-seed",
        parents=[common],
        help="write the cache's members, cards, gifts and program as a seed file for an "
        "empty office (python -m office import-seed FILE)",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_export_seed)


def cmd_export_seed(args: argparse.Namespace) -> int:
    with open_existing(args) as db:
        counts = write_seed(db, args.file)
    print(f"{counts} written to {args.file}")
    return 0


def header() -> dict[str, Any]:
    return {
        "format": SEED_FORMAT,
        "version": SEED_VERSION,
        "protocol": VERSION,
        "fields": {
            Entity.MEMBER.value: list(MEMBER_FIELDS),
            Entity.CARD.value: list(CARD_FIELDS),
            Entity.GIFT.value: list(GIFT_FIELDS),
            Entity.STAFF.value: list(STAFF_FIELDS),
        },
    }


def write_seed(db: Database, path: Path) -> SeedCounts:
    """Write the seed file at ``path`` (whole or not at all: it is written beside and
    renamed), from one read transaction of the cache."""
    part = path.with_name(path.name + ".part")
    try:
        # Every member's personal data: 0600, never through a link (common/files.py).
        fd = open_private(part, os.O_WRONLY | os.O_TRUNC, "the seed file")
        with os.fdopen(fd, "w", encoding="utf-8") as fh, db.read() as conn:
            fh.write(_encode(header()) + "\n")
            program = export.active_program(conn)
            if program is not None:
                body = {"code": program.code, "version": program.version}
                _line(fh, Entity.PROGRAM, {**body, "body": json.loads(program.body)})
            gifts = export.gift_rows(conn, GIFT_FIELDS)
            for gift in gifts:
                _line(fh, Entity.GIFT, gift)
            people = export.staff_rows(conn)
            for person in people:
                _line(fh, Entity.STAFF, [person[f] for f in STAFF_FIELDS])
            n_members = _lines(fh, Entity.MEMBER, export.member_rows(conn, MEMBER_FIELDS))
            n_cards = _lines(fh, Entity.CARD, export.card_rows(conn, CARD_FIELDS))
            counts = SeedCounts(
                int(program is not None), len(gifts), n_members, n_cards, len(people)
            )
            fh.write(_encode([SEED_END, _end(counts)]) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
    return counts


def _end(counts: SeedCounts) -> dict[str, int]:
    return {
        Entity.PROGRAM.value: counts.program,
        Entity.GIFT.value: counts.gifts,
        Entity.STAFF.value: counts.staff,
        Entity.MEMBER.value: counts.members,
        Entity.CARD.value: counts.cards,
    }


def _line(fh: TextIO, entity: Entity, data: Any) -> None:
    fh.write(f'["{entity.value}",{_encode(data)}]\n')


def _lines(fh: TextIO, entity: Entity, chunks: Iterable[list[tuple[Any, ...]]]) -> int:
    prefix = f'["{entity.value}",'
    n = 0
    for chunk in chunks:
        fh.write("".join(f"{prefix}{_encode(row)}]\n" for row in chunk))
        n += len(chunk)
    return n
