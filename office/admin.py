"""What store IT does at the office: members, cards, CSV imports, the program, gifts,
offline limits; and seeding a demo office from a terminal cache file."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, insert, text

from common.errors import AppError
from office import entities
from office.db import OfficeDB, emit
from office.models import cards, gifts, members, programs
from sync.protocol import (
    CARD_FIELDS,
    GIFT_FIELDS,
    LOCAL_ID_BASE,
    MEMBER_FIELDS,
    Entity,
    OfflineLimits,
)

CSV_COLUMNS = ("id", "full_name", "address_as", "birthday", "phone", "segment", "balance")
_BOOLS = ("priority_service", "consent_personal_data", "consent_marketing")


class AdminError(AppError):
    """Bad input from a person: the message names the row and the field."""

    code = "admin_input_invalid"

    def __init__(self, message: str) -> None:
        super().__init__(self.code, message)


def _office_id(value: Any, what: str = "id") -> int:
    """An id the office gives: below the tills' own blocks (sync.protocol.LOCAL_ID_BASE)."""
    number = int(value)
    if number <= 0 or number >= LOCAL_ID_BASE:
        raise AdminError(
            f"{what} {number} is not an office id: ids from {LOCAL_ID_BASE} on are the tills' "
            "own (members registered at a till)"
        )
    return number


def add_member(db: OfficeDB, **fields: Any) -> int:
    _office_id(fields.get("id"), "member id")
    with db.write() as conn:
        return entities.upsert_member(conn, db.now(), {**_member_defaults(), **fields})


def delete_member(db: OfficeDB, member_id: int) -> None:
    with db.write() as conn:
        entities.delete_member(conn, db.now(), member_id)


def add_card(db: OfficeDB, **fields: Any) -> int:
    values = {"kind": "personal", "state": "active", "fixed_discount_bp": 0, **fields}
    if not values.get("uid") and not values.get("number"):
        raise AdminError("a card needs a UID or a number")
    _office_id(values.get("id"), "card id")
    with db.write() as conn:
        return entities.upsert_card(conn, db.now(), values)


def set_limits(db: OfficeDB, limits: OfflineLimits) -> None:
    with db.write() as conn:
        entities.set_limits(conn, db.now(), limits)


def set_program(db: OfficeDB, body: dict[str, Any]) -> None:
    with db.write() as conn:
        entities.set_program(conn, db.now(), str(body["code"]), int(body["version"]), body)


def add_gift(db: OfficeDB, **fields: Any) -> None:
    with db.write() as conn:
        entities.upsert_gift(conn, db.now(), {"active": True, **fields})


def _member_defaults() -> dict[str, Any]:
    return {
        "birthday": None,
        "phone": None,
        "segment": None,
        "personal_manager": None,
        "priority_service": False,
        "consent_personal_data": False,
        "consent_marketing": False,
        "balance_centi": 0,
        "lifetime_spend_minor": 0,
        "window_spend_minor": 0,
        "purchases": 0,
        "last_gift_year": None,
    }


def import_csv(db: OfficeDB, path: Path) -> int:
    """Members from a UTF-8 CSV with a header: id, full_name, address_as, birthday
    (YYYY-MM-DD or empty), phone (digits), segment, balance (points, e.g. 120.50), and
    optionally card_number. One transaction: a bad row imports nothing."""
    count = 0
    with path.open(newline="", encoding="utf-8-sig") as fh, db.write() as conn:
        at = db.now()
        reader = csv.DictReader(fh)
        missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise AdminError(f"{path}: missing columns {', '.join(sorted(missing))}")
        for line, row in enumerate(reader, start=2):
            try:
                member = {
                    **_member_defaults(),
                    "id": int(row["id"]),
                    "full_name": row["full_name"].strip(),
                    "address_as": row["address_as"].strip() or row["full_name"].strip(),
                    "birthday": row["birthday"].strip() or None,
                    "phone": "".join(c for c in row["phone"] if c.isdigit()) or None,
                    "segment": row["segment"].strip() or None,
                    "balance_centi": _centi(row["balance"]),
                }
            except (ValueError, AttributeError, InvalidOperation) as exc:
                raise AdminError(f"{path}:{line}: {exc}") from None
            if not member["full_name"]:
                raise AdminError(f"{path}:{line}: full_name is empty")
            try:
                _office_id(member["id"])
            except AdminError as exc:
                raise AdminError(f"{path}:{line}: {exc}") from None
            entities.upsert_member(conn, at, member)
            number = (row.get("card_number") or "").strip()
            if number:
                entities.upsert_card(
                    conn,
                    at,
                    {
                        "id": member["id"],
                        "number": number,
                        "kind": "personal",
                        "state": "active",
                        "member_id": member["id"],
                    },
                )
            count += 1
    return count


def _centi(text: str | None) -> int:
    """Points as written in a CSV ("120.50", "120,50", "") in hundredths, exactly."""
    value = Decimal((text or "0").strip().replace(",", ".") or "0")
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise ValueError(f"balance {text!r} is not a number of points with at most 2 decimals")
    return int(value * 100)


def _chunks(rows: Iterable[dict[str, Any]], n: int = 20_000) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, n)):
        yield chunk


def seed_from_cache(db: OfficeDB, cache: Path) -> tuple[int, int]:
    """Fill an empty office from a terminal cache file (e.g. one made by
    ``loyalty-terminal demo-data``): members, cards, the program and the gifts. The rows
    go in without a change each (a new terminal starts from the snapshot); the feed gets
    one program change so that it is not empty. Returns (members, cards)."""
    source = create_engine(f"sqlite:///{cache}")
    try:
        with source.connect() as src, db.write() as conn:
            at = db.now()
            for table in (members, cards, programs, gifts):
                conn.execute(delete(table))
            m_cols = ", ".join(MEMBER_FIELDS)
            member_rows = (
                {**dict(zip(MEMBER_FIELDS, r, strict=True)), "deleted": False, "seq": 0}
                for r in src.execute(text(f"SELECT {m_cols} FROM members ORDER BY id"))
            )
            n_members = 0
            for chunk in _chunks(member_rows):
                for row in chunk:
                    for b in _BOOLS:
                        row[b] = bool(row[b])
                    if row["birthday"] is not None:
                        row["birthday"] = str(row["birthday"])
                conn.execute(insert(members), chunk)
                n_members += len(chunk)
            c_cols = ", ".join(CARD_FIELDS)
            card_rows = (
                {**dict(zip(CARD_FIELDS, r, strict=True)), "deleted": False}
                for r in src.execute(text(f"SELECT {c_cols} FROM cards ORDER BY id"))
            )
            n_cards = 0
            for chunk in _chunks(card_rows):
                for row in chunk:
                    if row["expires"] is not None:
                        row["expires"] = str(row["expires"])
                conn.execute(insert(cards), chunk)
                n_cards += len(chunk)
            g_cols = ", ".join(GIFT_FIELDS)
            for g in src.execute(text(f"SELECT {g_cols} FROM gifts")):
                entities.upsert_gift(conn, at, dict(zip(GIFT_FIELDS, g, strict=True)))
            prog = src.execute(
                text("SELECT code, version, body FROM programs WHERE active")
            ).first()
            if prog is not None:
                entities.set_program(conn, at, prog[0], int(prog[1]), json.loads(prog[2]))
            else:
                emit(conn, at, Entity.LIMITS, "terminal", entities.get_limits(conn).to_dict())
    finally:
        source.dispose()
    return n_members, n_cards
