"""What the admin web app's staff forms check and change (office/admin_staff.py has the
pages): each form's fields checked, with an error per field in words that
office/admin_texts.py translates; each change made through office/staff.py (so it is
published in the staff feed) with its audit row in the same transaction, which keeps
the person before and after but never their PIN nor its hash."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from common import pins
from office import audit, staff
from office.admin import AdminError
from office.db import OfficeDB
from office.models import terminals
from office.staff import StaffMember
from sync.protocol import STAFF_ROLES

log = logging.getLogger(__name__)

#: What the forms say of a field they refuse (office/admin_texts.py translates them).
FIELD_ERRORS = {
    "name": "A name is 1 to 200 characters.",
    "role": "Choose a role.",
    "tills": "Tills: 'all', or till numbers separated by commas.",
    "pin": "For this role a PIN is {least} to 12 digits.",
    "pin_twice": "The two PINs differ: type the same PIN twice.",
    "pin_needed": "Made a supervisor or store admin, they need a new PIN of {least} to 12 digits.",
    "uid": "A card UID is 4 to 10 bytes in hex (8 to 20 digits, e.g. 04A1B2C3D4E5F6).",
    "uid_taken": "This card is another staff member's card.",
    "uid_missing": "This card is not theirs.",
}
REFUSED = "The office refused this: {reason}"
SAVED = {
    "added": "Added.",
    "changed": "Saved.",
    "pin": "The new PIN is set.",
    "deactivated": "Deactivated: they can no longer log in at any till.",
    "card": "Their cards are changed.",
    "same": "Nothing was changed.",
}


@dataclass
class StaffForm(Exception):
    """What a form got wrong: field → (the English text, its parameters)."""

    errors: dict[str, tuple[str, dict[str, Any]]]


def _public(member: StaffMember | None) -> dict[str, Any] | None:
    """What an audit row keeps of a member of staff: everything but the PIN's hash."""
    if member is None:
        return None
    return {
        "name": member.name,
        "role": member.role,
        "tills": None if member.tills is None else list(member.tills),
        "active": member.active,
        "cards": list(member.cards),
        "has_pin": member.pin_hash is not None,
    }


def _audited(who: tuple[int, str], action: str) -> staff.StaffHook:
    def hook(conn: Connection, at: str, before: StaffMember | None, after: StaffMember) -> None:
        details: dict[str, Any] = {"before": _public(before), "after": _public(after)}
        if before is not None and before.pin_hash != after.pin_hash:
            details["pin_changed"] = True
        audit.record_office(conn, at, who, action, f"staff:{after.id}", **details)

    return hook


def _error(field: str, **params: Any) -> tuple[str, dict[str, Any]]:
    return FIELD_ERRORS[field], params


def _pin(
    db: OfficeDB, fields: dict[str, str], role: str, errors: dict[str, Any], needed: bool
) -> str | None:
    """The PIN typed twice (None: none typed and none ``needed``)."""
    pin, again = fields.get("pin", ""), fields.get("pin2", "")
    if not pin and not again and not needed:
        return None
    least = staff.pin_rules(db).shortest(role if role in STAFF_ROLES else "supervisor")
    if not (pin.isascii() and pin.isdigit() and least <= len(pin) <= pins.LONGEST):
        errors["pin"] = _error("pin", least=least)
    elif pin != again:
        errors["pin2"] = _error("pin_twice")
    return pin


def _tills(text: str, errors: dict[str, Any]) -> tuple[int, ...] | None:
    try:
        return staff.parse_tills(text)
    except AdminError:
        errors["tills"] = _error("tills")
        return None


def _name_role(fields: dict[str, str], errors: dict[str, Any]) -> tuple[str, str]:
    name, role = fields.get("name", "").strip(), fields.get("role", "")
    try:
        name = staff.check_name(name)
    except AdminError:
        errors["name"] = _error("name")
    if role not in STAFF_ROLES:
        errors["role"] = _error("role")
    return name, role


def _card_owner(db: OfficeDB, uid: str) -> int | None:
    for member in staff.list_staff(db):
        if uid in member.cards:
            return member.id
    return None


def _uid(db: OfficeDB, text: str, errors: dict[str, Any], staff_id: int) -> str | None:
    try:
        uid = staff.check_uid(text)
    except AdminError:
        errors["uid"] = _error("uid")
        return None
    owner = _card_owner(db, uid)
    if owner is not None and owner != staff_id:
        errors["uid"] = _error("uid_taken")
    return uid


def add_member(db: OfficeDB, who: tuple[int, str], fields: dict[str, str]) -> int:
    errors: dict[str, Any] = {}
    name, role = _name_role(fields, errors)
    tills = _tills(fields.get("tills", "all"), errors)
    pin = _pin(db, fields, role, errors, needed=True)
    card = fields.get("card", "").strip()
    uid = _uid(db, card, errors, 0) if card else None
    if errors:
        raise StaffForm(errors)
    new = staff.add(
        db,
        name,
        role,
        pin=pin,
        tills=tills,
        cards=[uid] if uid else [],
        hook=_audited(who, "staff_add"),
    )
    log.info("admin %d added staff member %d (%s)", who[0], new, role)
    return new


def change_member(
    db: OfficeDB, who: tuple[int, str], member: StaffMember, fields: dict[str, str]
) -> bool:
    errors: dict[str, Any] = {}
    name, role = _name_role(fields, errors)
    tills = _tills(fields.get("tills", ""), errors)
    needed = (
        role in pins.SUPERVISOR_ROLES
        and member.role not in pins.SUPERVISOR_ROLES
        and member.pin_hash is not None
    )
    typed = bool(fields.get("pin") or fields.get("pin2"))
    pin = _pin(db, fields, role, errors, needed=False)
    if needed and not typed:
        least = staff.pin_rules(db).shortest(role)
        errors["pin"] = _error("pin_needed", least=least)
    if errors:
        raise StaffForm(errors)
    active = fields.get("active") == "on"
    if (name, role, tills, active, pin) == (
        member.name,
        member.role,
        member.tills,
        member.active,
        None,
    ):
        return False
    staff.change(
        db,
        member.id,
        name=name if name != member.name else None,
        role=role if role != member.role else None,
        pin=pin,
        tills=tills if tills != member.tills else "keep",
        active=active if active != member.active else None,
        hook=_audited(who, "staff_edit"),
    )
    log.info("admin %d changed staff member %d", who[0], member.id)
    return True


def reset_pin(
    db: OfficeDB, who: tuple[int, str], member: StaffMember, fields: dict[str, str]
) -> None:
    errors: dict[str, Any] = {}
    pin = _pin(db, fields, member.role, errors, needed=True)
    if errors:
        raise StaffForm(errors)
    staff.change(db, member.id, pin=pin, hook=_audited(who, "staff_pin_reset"))
    log.info("admin %d set a new PIN for staff member %d", who[0], member.id)


def deactivate(db: OfficeDB, who: tuple[int, str], member: StaffMember) -> bool:
    if not member.active:
        return False
    staff.deactivate(db, member.id, hook=_audited(who, "staff_deactivate"))
    log.info("admin %d deactivated staff member %d", who[0], member.id)
    return True


def card(
    db: OfficeDB, who: tuple[int, str], member: StaffMember, fields: dict[str, str], give: bool
) -> None:
    errors: dict[str, Any] = {}
    uid = _uid(db, fields.get("uid", ""), errors, member.id)
    if uid is not None and not errors:
        if give and uid in member.cards:
            return
        if not give and uid not in member.cards:
            errors["uid"] = _error("uid_missing")
    if errors or uid is None:
        raise StaffForm(errors)
    if give:
        staff.add_card(db, member.id, uid, hook=_audited(who, "staff_card_add"))
    else:
        staff.remove_card(db, member.id, uid, hook=_audited(who, "staff_card_remove"))
    log.info("admin %d %s a staff card of %d", who[0], "gave" if give else "took", member.id)


def tills(db: OfficeDB) -> list[dict[str, Any]]:
    """The enrolled tills (not revoked): their numbers and names, for the forms."""
    with db.read() as conn:
        rows = conn.execute(
            select(terminals.c.id, terminals.c.name)
            .where(terminals.c.revoked_at.is_(None))
            .order_by(terminals.c.id)
        ).all()
    return [{"id": int(r[0]), "name": str(r[1])} for r in rows]
