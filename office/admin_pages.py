"""The admin web app's pages (office/admin_web.py has their common parts): the
dashboard, the members' search, a member's page and the edit of their name, phone and
consents (office/admin_members.py reads and writes)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from office import admin_gifts, admin_members, admin_program, admin_reports, admin_staff
from office.admin_roles import Permission, may
from office.admin_sessions import Session, SessionRules
from office.admin_web import PREFIX, AdminSite, Page, add_session_routes
from office.db import OfficeDB

_FIELD_ERRORS = {
    "full_name": "Check the full name: 1 to 200 letters.",
    "phone": "Check the phone: 7 to 15 digits, or leave it empty.",
}
CHANGED_MEANWHILE = (
    "Someone changed this member meanwhile: here they are as they are now. Make your change again."
)
_MAX_ID = 2**63 - 1


def _member_id(request: Request) -> int | None:
    text = str(request.path_params.get("member_id", ""))
    if not (text.isascii() and text.isdigit() and len(text) <= 19):
        return None
    number = int(text)
    return number if 0 < number <= _MAX_ID else None


def _page_number(text: str | None) -> int:
    if text is None or not (text.isascii() and text.isdigit() and len(text) <= 3):
        return 0
    return min(int(text) - 1 if int(text) > 0 else 0, admin_members.MAX_PAGE - 1)


async def _found(db: OfficeDB, request: Request) -> tuple[int | None, dict[str, Any] | None]:
    """The member the path names (None: no such number, or no such member)."""
    member_id = _member_id(request)
    if member_id is None:
        return None, None
    return member_id, await run_in_threadpool(admin_members.member, db, member_id)


def add(app: FastAPI, db: OfficeDB, rules: SessionRules | None = None) -> AdminSite:
    """The whole admin app on ``app``; its site (tests look at its rules)."""
    site = AdminSite(db, rules or SessionRules())
    add_session_routes(app, site)

    async def dashboard(request: Request, session: Session) -> Response:
        counts = await run_in_threadpool(admin_members.counts, db, db.clock.now())
        return site.render(request, "dashboard.html", session, counts=counts)

    async def members(request: Request, session: Session) -> Response:
        query = request.query_params.get("q", "")[: admin_members.MAX_QUERY]
        page = _page_number(request.query_params.get("page"))
        rows, more = await run_in_threadpool(admin_members.search, db, query, page)
        return site.render(
            request,
            "members.html",
            session,
            query=query,
            rows=rows,
            page=page + 1,
            more=more and page + 1 < admin_members.MAX_PAGE,
        )

    async def member(request: Request, session: Session) -> Response:
        _, found = await _found(db, request)
        if found is None:
            return site.not_found(request, session)
        saved = request.query_params.get("saved")
        return site.render(request, "member.html", session, m=found, saved=saved)

    async def edit_page(request: Request, session: Session) -> Response:
        if not may(session.account.role, Permission.EDIT_MEMBERS):
            return site.refused(request, session, "role")
        _, found = await _found(db, request)
        if found is None:
            return site.not_found(request, session)
        return site.render(request, "edit.html", session, m=found, form=found, error=None)

    async def edit(request: Request, session: Session, fields: dict[str, str]) -> Response:
        if not may(session.account.role, Permission.EDIT_MEMBERS):
            return site.refused(request, session, "role")
        member_id, found = await _found(db, request)
        if member_id is None or found is None:
            return site.not_found(request, session)
        typed = fields.get("seq", "")
        seq = int(typed) if typed.isascii() and typed.isdigit() and len(typed) <= 19 else -1
        try:
            values = admin_members.clean_edit(fields)
            who = (session.account.id, session.account.name)
            changed = await run_in_threadpool(admin_members.edit, db, who, member_id, seq, values)
        except admin_members.FieldError as exc:
            form = {**found, **{k: fields.get(k, "") for k in admin_members.EDITABLE}}
            form["seq"] = seq  # the version typed over, not the one now: a conflict stays one
            form["consent_personal_data"] = fields.get("consent_personal_data") == "on"
            form["consent_marketing"] = fields.get("consent_marketing") == "on"
            error = _FIELD_ERRORS[exc.field]
            return site.render(request, "edit.html", session, 400, m=found, form=form, error=error)
        except admin_members.Conflict:
            return site.render(
                request, "edit.html", session, 409, m=found, form=found, error=CHANGED_MEANWHILE
            )
        where = f"{PREFIX}/members/{member_id}?saved={'1' if changed else '0'}"
        return RedirectResponse(where, 303)

    admin_program.register(app, site)

    def get(path: str, handler: Page) -> None:
        route = site.page(handler)
        app.add_api_route(PREFIX + path, route, methods=["GET"], include_in_schema=False)

    admin_reports.register(app, site)
    get("/", dashboard)
    get("/members", members)
    get("/members/{member_id}", member)
    get("/members/{member_id}/edit", edit_page)
    app.add_api_route(
        f"{PREFIX}/members/{{member_id}}/edit",
        site.form(edit),
        methods=["POST"],
        include_in_schema=False,
    )
    admin_gifts.register(app, site)
    admin_staff.register(app, site)
    return site
