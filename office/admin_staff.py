"""The admin web app's staff pages (docs/office-guide.md, "Staff"): the chain's cashiers,
supervisors and store admins listed; a new one; a change of name, role, tills or
whether they are active; a deactivation; a new PIN; a staff card given or taken back.
Every change goes through office/staff.py, the functions ``python -m office staff``
uses, so it reaches every till at its next sync (the staff feed), and keeps an audit row
in the same transaction. A PIN is typed twice, checked by the rules the tills keep
(``set-limits``), hashed, and never logged, shown, audited nor sent back in a page.
The owner and support may change staff (``Permission.EDIT_STAFF``); every admin sees
them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Connection, select
from starlette.concurrency import run_in_threadpool

from common import pins
from office import audit, staff
from office.admin import AdminError
from office.admin_roles import Permission, may
from office.admin_sessions import Session
from office.admin_web import PREFIX, AdminSite
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
_MAX_ID = 2**31 - 1


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


def _find(db: OfficeDB, staff_id: int) -> StaffMember | None:
    with db.read() as conn:
        return staff.get(conn, staff_id)


def _staff_id(request: Request) -> int | None:
    text = str(request.path_params.get("staff_id", ""))
    if not (text.isascii() and text.isdigit() and len(text) <= 10):
        return None
    number = int(text)
    return number if 0 < number <= _MAX_ID else None


def tills_text(member: StaffMember) -> str:
    return "all" if member.tills is None else ", ".join(map(str, member.tills))


def register(app: FastAPI, site: AdminSite) -> None:
    """The staff pages on ``app``."""
    db = site.db

    async def render_member(
        request: Request,
        session: Session,
        member: StaffMember,
        status: int = 200,
        form: dict[str, Any] | None = None,
        errors: dict[str, Any] | None = None,
        which: str = "",
        refused: str | None = None,
    ) -> Response:
        known = await run_in_threadpool(tills, db)
        shown = form or {
            "name": member.name,
            "role": member.role,
            "tills": tills_text(member),
            "active": member.active,
        }
        return site.render(
            request,
            "staff_member.html",
            session,
            status,
            s=member,
            form=shown,
            errors=errors or {},
            which=which,
            roles=STAFF_ROLES,
            tills=known,
            saved=SAVED.get(request.query_params.get("saved", "")),
            refused=refused,
            old_pin=member.pin_hash is not None and pins.is_old_hash(member.pin_hash),
        )

    async def listing(request: Request, session: Session) -> Response:
        everyone = await run_in_threadpool(staff.list_staff, db)
        return site.render(request, "staff.html", session, people=everyone)

    async def new_page(request: Request, session: Session) -> Response:
        if not may(session.account.role, Permission.EDIT_STAFF):
            return site.refused(request, session, "role")
        return await new_form(request, session, 200, {}, {})

    async def new_form(
        request: Request,
        session: Session,
        status: int,
        form: dict[str, Any],
        errors: dict[str, Any],
        refused: str | None = None,
    ) -> Response:
        known = await run_in_threadpool(tills, db)
        shown = {"name": "", "role": "cashier", "tills": "all", "card": "", **form}
        return site.render(
            request,
            "staff_new.html",
            session,
            status,
            form=shown,
            errors=errors,
            roles=STAFF_ROLES,
            tills=known,
            refused=refused,
        )

    async def add(request: Request, session: Session, fields: dict[str, str]) -> Response:
        if not may(session.account.role, Permission.EDIT_STAFF):
            return site.refused(request, session, "role")
        who = (session.account.id, session.account.name)
        typed = {k: fields.get(k, "") for k in ("name", "role", "tills", "card")}
        try:
            new = await run_in_threadpool(add_member, db, who, fields)
        except StaffForm as exc:
            return await new_form(request, session, 400, typed, exc.errors)
        except AdminError as exc:
            return await new_form(request, session, 400, typed, {}, str(exc))
        return RedirectResponse(f"{PREFIX}/staff/{new}?saved=added", 303)

    async def member_page(request: Request, session: Session) -> Response:
        staff_id = _staff_id(request)
        member = None if staff_id is None else await run_in_threadpool(_find, db, staff_id)
        if member is None:
            return site.not_found(request, session)
        return await render_member(request, session, member)

    def action(which: str) -> Any:
        async def route(request: Request, session: Session, fields: dict[str, str]) -> Response:
            if not may(session.account.role, Permission.EDIT_STAFF):
                return site.refused(request, session, "role")
            staff_id = _staff_id(request)
            member = None if staff_id is None else await run_in_threadpool(_find, db, staff_id)
            if member is None:
                return site.not_found(request, session)
            who = (session.account.id, session.account.name)
            try:
                if which == "edit":
                    done = await run_in_threadpool(change_member, db, who, member, fields)
                    saved = "changed" if done else "same"
                elif which == "pin":
                    await run_in_threadpool(reset_pin, db, who, member, fields)
                    saved = "pin"
                elif which == "deactivate":
                    done = await run_in_threadpool(deactivate, db, who, member)
                    saved = "deactivated" if done else "same"
                else:
                    await run_in_threadpool(card, db, who, member, fields, which == "card_add")
                    saved = "card"
            except StaffForm as exc:
                form = None
                if which == "edit":
                    form = {k: fields.get(k, "") for k in ("name", "role", "tills")}
                    form["active"] = fields.get("active") == "on"
                return await render_member(request, session, member, 400, form, exc.errors, which)
            except AdminError as exc:
                return await render_member(
                    request, session, member, 400, which=which, refused=str(exc)
                )
            return RedirectResponse(f"{PREFIX}/staff/{member.id}?saved={saved}", 303)

        return route

    get = {"/staff": listing, "/staff/new": new_page, "/staff/{staff_id}": member_page}
    for path, handler in get.items():
        app.add_api_route(
            PREFIX + path, site.page(handler), methods=["GET"], include_in_schema=False
        )
    app.add_api_route(
        f"{PREFIX}/staff/new", site.form(add), methods=["POST"], include_in_schema=False
    )
    for path, which in (
        ("edit", "edit"),
        ("pin", "pin"),
        ("deactivate", "deactivate"),
        ("cards/add", "card_add"),
        ("cards/remove", "card_remove"),
    ):
        app.add_api_route(
            f"{PREFIX}/staff/{{staff_id}}/{path}",
            site.form(action(which)),
            methods=["POST"],
            include_in_schema=False,
        )
