"""What store IT does at the office: members, cards, CSV imports, the program, gifts,
offline limits. (Filling an empty office from a seed file: office.seed.)"""

from __future__ import annotations

import csv
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from common import pins
from common.cardnumbers import is_payment_pan
from common.errors import AppError
from office import entities, program_schedule, programs
from office.db import OfficeDB
from office.models import gifts
from sync.protocol import GIFT_FIELDS, LOCAL_ID_BASE, OfflineLimits
from terminal.loyalty import Program

CSV_COLUMNS = ("id", "full_name", "address_as", "birthday", "phone", "segment", "balance")
#: Called inside the write of a gift: (connection, time, the gift before or None, after);
#: the admin web app audits with it (office/admin_gifts.py).
GiftHook = Callable[[Connection, str, dict[str, Any] | None, dict[str, Any]], None]


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


def refuse_payment_card(number: object, where: str = "") -> None:
    """A payment card's number is never a club card's (the tills refuse them too)."""
    if isinstance(number, str) and is_payment_pan(number.strip()):
        raise AdminError(f"{where}this number is a payment card's: not a club card")


def add_card(db: OfficeDB, **fields: Any) -> int:
    values = {"kind": "personal", "state": "active", "fixed_discount_bp": 0, **fields}
    if not values.get("uid") and not values.get("number"):
        raise AdminError("a card needs a UID or a number")
    refuse_payment_card(values.get("number"))
    _office_id(values.get("id"), "card id")
    with db.write() as conn:
        return entities.upsert_card(conn, db.now(), values)


def set_limits(db: OfficeDB, limits: OfflineLimits) -> None:
    """The tills' limits (and staff rules: the shortest PINs, the supervisor card)."""
    try:
        pins.PinRules(limits.min_pin_supervisor, limits.min_pin_cashier)
    except ValueError as exc:
        raise AdminError(str(exc)) from None
    with db.write() as conn:
        entities.set_limits(conn, db.now(), limits)


def set_program(db: OfficeDB, body: dict[str, Any]) -> None:
    """Publish a program version. A version once published never changes (offline tills
    may still name it): a change is a new version number."""
    code, version = str(body["code"]), int(body["version"])
    with db.write() as conn:  # checked where it is written: a web save cannot slip between
        known = programs.published(conn, code, version)
        if program_schedule.any_waiting(conn):
            raise AdminError(
                "a program version waits for its date (the admin app's program page): "
                "publish after it, or save the new one there"
            )
        if known is not None and known.to_dict() != Program.from_dict(body).to_dict():
            raise AdminError(
                f"program {code} version {version} was published already: number it anew"
            )
        entities.set_program(conn, db.now(), code, version, body)


def gift_row(conn: Connection, code: str) -> dict[str, Any] | None:
    """A gift as the office keeps it (GIFT_FIELDS; ``names`` its JSON text), or None."""
    row = conn.execute(
        select(*[gifts.c[n] for n in GIFT_FIELDS]).where(gifts.c.code == code)
    ).first()
    if row is None:
        return None
    found = dict(row._mapping)
    found["active"] = bool(found["active"])
    return found


def every_gift(db: OfficeDB) -> list[dict[str, Any]]:
    """The whole catalogue by code, withdrawn gifts too."""
    with db.read() as conn:
        codes = conn.execute(select(gifts.c.code).order_by(gifts.c.code)).scalars().all()
        return [g for g in (gift_row(conn, str(c)) for c in codes) if g is not None]


def add_gift(db: OfficeDB, hook: GiftHook | None = None, **fields: Any) -> None:
    """Add or change a gift; ``names`` its name per language ({"ru": ..., ...}). ``hook``
    is called in the same transaction with the gift before and after."""
    code, name = fields.get("code"), fields.get("name")
    for field, value in (("code", code), ("name", name)):
        if not isinstance(value, str) or not value.strip() or "\x00" in value:
            raise AdminError(f"gift: {field} must be text")
    if not isinstance(code, str) or len(code) > 32:
        raise AdminError("gift: code at most 32 characters")
    if fields.get("points_cost_centi", 0) < 0:
        raise AdminError("gift: cost must not be negative")
    try:
        with db.write() as conn:
            before = gift_row(conn, code)
            at = db.now()
            entities.upsert_gift(conn, at, {"active": True, **fields})
            if hook is not None:
                after = gift_row(conn, code)
                assert after is not None
                hook(conn, at, before, after)
    except ValueError as exc:
        raise AdminError(f"gift {code}: {exc}") from None


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
            refuse_payment_card(number, f"{path}:{line}: ")
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
