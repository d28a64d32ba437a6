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

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from common import pins
from office import staff
from office.admin import AdminError
from office.admin_roles import Permission, may
from office.admin_sessions import Session
from office.admin_staff_changes import (
    SAVED,
    StaffForm,
    add_member,
    card,
    change_member,
    deactivate,
    reset_pin,
    tills,
)
from office.admin_web import PREFIX, AdminSite
from office.db import OfficeDB
from office.staff import StaffMember
from sync.protocol import STAFF_ROLES

_MAX_ID = 2**31 - 1


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
            return site.render(request, "not_found.html", session, 404, what="staff")
        return await render_member(request, session, member)

    def action(which: str) -> Any:
        async def route(request: Request, session: Session, fields: dict[str, str]) -> Response:
            if not may(session.account.role, Permission.EDIT_STAFF):
                return site.refused(request, session, "role")
            staff_id = _staff_id(request)
            member = None if staff_id is None else await run_in_threadpool(_find, db, staff_id)
            if member is None:
                return site.render(request, "not_found.html", session, 404, what="staff")
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
                form: dict[str, Any] | None = None
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
