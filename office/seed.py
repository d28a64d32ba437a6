"""Filling an empty office from a seed file: ``python -m office import-seed FILE``.

A seed file (``loyalty-terminal export-seed FILE`` writes one from a till's cache; the
format is in docs/install.md, "Seeding an office") is JSON Lines in the protocol's row
format: a header naming the format and the fields (they must be this office's
sync.protocol fields), one ``[entity, data]`` line per program, gift, member and card (data
as the change feed carries it), and an end line with the counts.

The file is read as a stream, and members and cards go in by chunks of :data:`CHUNK`
rows at the database driver's own executemany: no change each (a new till starts from the
snapshot). The program and the gifts are published in the feed as usual; with no program,
the offline limits are, so that the feed is not empty. It is one transaction: a file that
is cut short (no end line), malformed or disagrees with its counts imports nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.exc import DBAPIError

from common.cardnumbers import is_payment_pan
from office import entities, staff
from office.admin import AdminError
from office.db import OfficeDB, emit
from office.models import cards, members
from sync.protocol import (
    CARD_FIELDS,
    GIFT_FIELDS,
    MEMBER_FIELDS,
    SEED_END,
    SEED_FORMAT,
    SEED_VERSION,
    STAFF_FIELDS,
    STAFF_ROLES,
    Entity,
)

CHUNK = 20_000
_FIELDS = {
    Entity.MEMBER.value: list(MEMBER_FIELDS),
    Entity.CARD.value: list(CARD_FIELDS),
    Entity.GIFT.value: list(GIFT_FIELDS),
    Entity.STAFF.value: list(STAFF_FIELDS),
}


class SeedError(AdminError):
    """The seed file cannot be imported (the message names the file and the line)."""


@dataclass(frozen=True, slots=True)
class Seeded:
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

    def counts(self) -> dict[str, int]:
        return {
            Entity.PROGRAM.value: self.program,
            Entity.GIFT.value: self.gifts,
            Entity.STAFF.value: self.staff,
            Entity.MEMBER.value: self.members,
            Entity.CARD.value: self.cards,
        }


def import_seed(db: OfficeDB, path: Path) -> Seeded:
    """Fill this empty office from the seed file at ``path`` (see the module's docstring)."""
    with path.open(encoding="utf-8") as fh, db.write() as conn:
        _check_empty(conn)
        lines = _lines(path, fh)
        _check_header(path, next(lines, (1, None)))
        return _Loader(conn, db.now(), path).load(lines)


def _check_empty(conn: Connection) -> None:
    n_members = conn.execute(select(func.count()).select_from(members)).scalar_one()
    n_cards = conn.execute(select(func.count()).select_from(cards)).scalar_one()
    if n_members or n_cards:
        raise SeedError(
            f"this office already has {n_members} members and {n_cards} cards: a seed "
            "fills an empty office only (start a new office database with --db)"
        )


def _lines(path: Path, fh: TextIO) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(fh, start=1):
        try:
            yield number, json.loads(line)
        except ValueError as exc:
            raise SeedError(f"{path}:{number}: not a JSON line ({exc})") from None


def _check_header(path: Path, first: tuple[int, Any]) -> None:
    _number, head = first
    if not isinstance(head, dict) or head.get("format") != SEED_FORMAT:
        raise SeedError(f"{path}: not a seed file (it has no {SEED_FORMAT} header)")
    if head.get("version") != SEED_VERSION:
        raise SeedError(
            f"{path}: a seed file of version {head.get('version')}; this office reads "
            f"version {SEED_VERSION}"
        )
    if head.get("fields") != _FIELDS:
        raise SeedError(
            f"{path}: its fields are not this office's (it was written by another version "
            "of the till): export it again with this version"
        )


def _inserter(
    conn: Connection, table: Table, names: Sequence[str]
) -> Callable[[list[tuple[Any, ...]]], None]:
    """executemany of plain tuples at the driver: a seed of a million members spends its
    time in the database, not in building parameters."""
    quote = conn.dialect.identifier_preparer.quote
    marks = {"qmark": "?", "format": "%s", "pyformat": "%s"}
    mark = marks[conn.dialect.paramstyle]
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join(mark for _ in names)})"
    )

    def insert(rows: list[tuple[Any, ...]]) -> None:
        conn.exec_driver_sql(sql, rows)

    return insert


class _Loader:
    def __init__(self, conn: Connection, at: str, path: Path) -> None:
        self.conn, self.at, self.path = conn, at, path
        self.counts = Seeded(0, 0, 0, 0).counts()
        self.buffers: dict[str, list[tuple[Any, ...]]] = {"member": [], "card": []}
        self.extra = {"member": (False, False, 0), "card": (False,)}  # deleted, overdrawn, seq
        self.width = {"member": len(MEMBER_FIELDS), "card": len(CARD_FIELDS)}
        self.insert = {
            "member": _inserter(conn, members, [*MEMBER_FIELDS, "deleted", "overdrawn", "seq"]),
            "card": _inserter(conn, cards, [*CARD_FIELDS, "deleted"]),
        }
        self.line = 0

    def load(self, lines: Iterator[tuple[int, Any]]) -> Seeded:
        for self.line, item in lines:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                raise self._error('expected ["entity", data]')
            kind, data = item
            if kind in self.buffers:
                self._row(kind, data)
            elif kind == Entity.GIFT.value:
                self._gift(data)
            elif kind == Entity.STAFF.value:
                self._staff(data)
            elif kind == Entity.PROGRAM.value:
                self._program(data)
            elif kind == SEED_END:
                return self._end(data, lines)
            else:
                raise self._error(f"unknown entity {kind!r}")
        raise SeedError(f"{self.path}: cut short (no end line): nothing imported")

    def _error(self, message: str) -> SeedError:
        return SeedError(f"{self.path}:{self.line}: {message}")

    def _row(self, kind: str, data: Any) -> None:
        if not (isinstance(data, list) and len(data) == self.width[kind]):
            raise self._error(f"a {kind} row has {self.width[kind]} fields")
        if type(data[0]) is not int:
            raise self._error(f"a {kind} id is an integer")
        if kind == Entity.CARD.value:
            number = data[CARD_FIELDS.index("number")]
            if isinstance(number, str) and is_payment_pan(number):
                raise self._error("a card number is a payment card's: not a club card")
        buffer = self.buffers[kind]
        buffer.append((*data, *self.extra[kind]))
        if len(buffer) >= CHUNK:
            self._flush(kind)

    def _flush(self, kind: str) -> None:
        rows = self.buffers[kind]
        if not rows:
            return
        try:
            self.insert[kind](rows)
        except DBAPIError as exc:
            raise SeedError(
                f"{self.path}: the {kind} rows up to line {self.line} do not fit the "
                f"office's database: {exc.orig}"
            ) from None
        self.counts[kind] += len(rows)
        self.buffers[kind] = []

    def _gift(self, data: Any) -> None:
        n = len(GIFT_FIELDS)
        if not (isinstance(data, list) and len(data) in (n, n - 1)):  # 0.2's: no names
            raise self._error(f"a gift row has {n} fields")
        row = dict(zip(GIFT_FIELDS, data, strict=False))
        try:
            entities.upsert_gift(self.conn, self.at, row)
        except ValueError as exc:
            raise self._error(f"gift {row['code']!r}: {exc}") from None
        self.counts[Entity.GIFT.value] += 1

    def _staff(self, data: Any) -> None:
        if not (isinstance(data, list) and len(data) == len(STAFF_FIELDS)):
            raise self._error(f"a staff row has {len(STAFF_FIELDS)} fields")
        row = dict(zip(STAFF_FIELDS, data, strict=True))
        tills, cards = row["tills"], row["cards"]
        if (
            type(row["id"]) is not int
            or row["role"] not in STAFF_ROLES
            or not (tills is None or isinstance(tills, list))
            or not isinstance(cards, list)
        ):
            raise self._error("a staff row: id, name, role, tills, pin_hash, cards, active")
        person = staff.StaffMember(
            row["id"],
            staff.check_name(str(row["name"])),
            row["role"],
            None if tills is None else tuple(int(t) for t in tills),
            None if row["pin_hash"] is None else str(row["pin_hash"]),
            tuple(staff.check_uid(str(c)) for c in cards),
            bool(row["active"]),
        )
        staff.insert_member(self.conn, self.at, person)
        self.counts[Entity.STAFF.value] += 1

    def _program(self, data: Any) -> None:
        if not (isinstance(data, dict) and isinstance(data.get("body"), dict)):
            raise self._error('a program is {"code", "version", "body"}')
        try:
            code, version = str(data["code"]), int(data["version"])
        except (KeyError, TypeError, ValueError):
            raise self._error('a program is {"code", "version", "body"}') from None
        entities.set_program(self.conn, self.at, code, version, data["body"])
        self.counts[Entity.PROGRAM.value] += 1

    def _end(self, data: Any, rest: Iterator[tuple[int, Any]]) -> Seeded:
        for kind in self.buffers:
            self._flush(kind)
        if data != self.counts:
            raise self._error(f"the end line counts {data}, the file holds {self.counts}")
        if next(rest, None) is not None:
            raise SeedError(f"{self.path}: lines after the end line: nothing imported")
        if not self.counts[Entity.PROGRAM.value]:
            limits = entities.get_limits(self.conn).to_dict()
            emit(self.conn, self.at, Entity.LIMITS, "terminal", limits)
        n = self.counts
        return Seeded(n["program"], n["gift"], n["member"], n["card"], n["staff"])
