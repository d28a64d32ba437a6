"""The admin web app's gift catalogue (docs/office-guide.md, "Gifts"): the list, a new
gift, a gift's edit. A gift is written by office/admin.py's :func:`~office.admin.add_gift`,
the function ``python -m office gift`` uses, so every till gets it through the feed; the
same transaction keeps an audit row (the gift before and after). Marketing and the owner
may change gifts (``Permission.EDIT_GIFTS``); every admin sees the list.
"""

from __future__ import annotations

import json
import logging
import re
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from office import admin, audit
from office.admin_roles import Permission, may
from office.admin_sessions import Session
from office.admin_web import PREFIX, AdminSite
from office.db import OfficeDB
from terminal.loyalty.names import MAX_NAME

log = logging.getLogger(__name__)

NAME_LANGUAGES = ("ru", "uk", "en")
KINDS = ("reward", "birthday", "prize")
#: The most a gift may cost, in points.
MAX_COST = Decimal(10_000_000)
_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
#: What the form says of a field it refuses (office/admin_texts.py translates them).
FIELD_ERRORS = {
    "code": "A code is 1 to 32 Latin letters, digits, dashes or underscores.",
    "code_taken": "There is a gift with this code already: open it to change it.",
    "name": "A name is 1 to 200 printable characters.",
    "kind": "Choose the kind of gift.",
    "cost": "The cost is points (at most 2 decimals), from 0 to 10 000 000.",
}
REFUSED = "The office refused this gift: {reason}"


class GiftForm(Exception):
    """What the form got wrong: field → the English text."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(sorted(errors)))
        self.errors = errors


def _cost_centi(text: str) -> int | None:
    """Points as typed ("120", "120.50", "120,5") in hundredths; None if not that."""
    cleaned = text.strip().replace(",", ".").replace(" ", "").replace("\u00a0", "")
    if not cleaned or len(cleaned) > 20:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > MAX_COST:
        return None
    if value != value.quantize(Decimal("0.01")):
        return None
    return int(value * 100)


def _good_name(name: str) -> bool:
    return bool(name.strip()) and len(name) <= MAX_NAME and all(ord(ch) >= 32 for ch in name)


def clean(fields: dict[str, str], code: str | None) -> dict[str, Any]:
    """The gift a form describes (``code`` given: the edit of that gift, whose code stays),
    ready for :func:`office.admin.add_gift`. :class:`GiftForm` with every field's error."""
    errors: dict[str, str] = {}
    if code is None:
        code = fields.get("code", "").strip()
        if not _CODE.fullmatch(code) or code == "new":
            errors["code"] = FIELD_ERRORS["code"]
    names = {lang: fields.get(f"name_{lang}", "").strip() for lang in NAME_LANGUAGES}
    for lang, name in names.items():
        if not _good_name(name):
            errors[f"name_{lang}"] = FIELD_ERRORS["name"]
    kind = fields.get("kind", "")
    if kind not in KINDS:
        errors["kind"] = FIELD_ERRORS["kind"]
    cost = _cost_centi(fields.get("cost", ""))
    if cost is None:
        errors["cost"] = FIELD_ERRORS["cost"]
    if errors:
        raise GiftForm(errors)
    assert cost is not None
    return {
        "code": code,
        "name": names["en"],  # what a till shows in a language with no name of its own
        "names": names,
        "kind": kind,
        "points_cost_centi": cost,
        "active": fields.get("active") == "on",
    }


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    """A gift for the pages: its names by language (the fallback name for a missing one)."""
    names = json.loads(row["names"]) if row.get("names") else {}
    return {
        **row,
        "names": {lang: names.get(lang, row["name"]) for lang in NAME_LANGUAGES},
        "href": f"{PREFIX}/gifts/{quote(str(row['code']), safe='')}",
    }


def _form_of(row: dict[str, Any]) -> dict[str, Any]:
    shown = _shown(row)
    return {
        "code": row["code"],
        **{f"name_{lang}": shown["names"][lang] for lang in NAME_LANGUAGES},
        "kind": row["kind"],
        "cost": f"{Decimal(int(row['points_cost_centi'])) / 100:.2f}",
        "active": row["active"],
    }


def _audited(admin_who: tuple[int, str]) -> admin.GiftHook:
    def hook(
        conn: Connection, at: str, before: dict[str, Any] | None, after: dict[str, Any]
    ) -> None:
        action = "gift_add" if before is None else "gift_edit"
        if before is not None and before == after:
            return
        audit.record_office(
            conn, at, admin_who, action, f"gift:{after['code']}", before=before, after=after
        )

    return hook


def save(db: OfficeDB, who: tuple[int, str], gift: dict[str, Any], is_new: bool) -> None:
    """Write the gift (a new one refused if its code is taken: ``code_taken``)."""
    if is_new:
        with db.read() as conn:
            if admin.gift_row(conn, gift["code"]) is not None:
                raise GiftForm({"code": FIELD_ERRORS["code_taken"]})
    admin.add_gift(db, _audited(who), **gift)
    log.info("admin %d %s gift %s", who[0], "added" if is_new else "changed", gift["code"])


def _find(db: OfficeDB, code: str) -> dict[str, Any] | None:
    with db.read() as conn:
        return admin.gift_row(conn, code)


def register(app: FastAPI, site: AdminSite) -> None:
    """The gift pages on ``app``."""
    db = site.db

    def form_page(
        request: Request,
        session: Session,
        status: int,
        form: dict[str, Any],
        errors: dict[str, str],
        code: str | None,
        refused: str | None = None,
    ) -> Response:
        return site.render(
            request,
            "gift_edit.html",
            session,
            status,
            form=form,
            errors=errors,
            code=code,
            href=None if code is None else f"{PREFIX}/gifts/{quote(code, safe='')}",
            kinds=KINDS,
            languages_of_names=NAME_LANGUAGES,
            refused=refused,
        )

    async def listing(request: Request, session: Session) -> Response:
        rows = await run_in_threadpool(admin.every_gift, db)
        saved = request.query_params.get("saved")
        return site.render(
            request, "gifts.html", session, gifts=[_shown(r) for r in rows], saved=saved
        )

    async def new_page(request: Request, session: Session) -> Response:
        if not may(session.account.role, Permission.EDIT_GIFTS):
            return site.refused(request, session, "role")
        blank = {"code": "", "kind": "reward", "cost": "0", "active": True}
        blank |= {f"name_{lang}": "" for lang in NAME_LANGUAGES}
        return form_page(request, session, 200, blank, {}, None)

    async def edit_page(request: Request, session: Session) -> Response:
        if not may(session.account.role, Permission.EDIT_GIFTS):
            return site.refused(request, session, "role")
        code = str(request.path_params["code"])
        found = await run_in_threadpool(_find, db, code)
        if found is None:
            return site.render(request, "not_found.html", session, 404, what="gift")
        return form_page(request, session, 200, _form_of(found), {}, code)

    async def post(
        request: Request, session: Session, fields: dict[str, str], code: str | None
    ) -> Response:
        if not may(session.account.role, Permission.EDIT_GIFTS):
            return site.refused(request, session, "role")
        if code is not None and await run_in_threadpool(_find, db, code) is None:
            return site.render(request, "not_found.html", session, 404, what="gift")
        typed: dict[str, Any] = {k: fields.get(k, "") for k in ("code", "kind", "cost")}
        typed |= {f"name_{lang}": fields.get(f"name_{lang}", "") for lang in NAME_LANGUAGES}
        typed["active"] = fields.get("active") == "on"
        if code is not None:
            typed["code"] = code
        who = (session.account.id, session.account.name)
        try:
            gift = clean(fields, code)
            await run_in_threadpool(save, db, who, gift, code is None)
        except GiftForm as exc:
            return form_page(request, session, 400, typed, exc.errors, code)
        except admin.AdminError as exc:  # what office/admin.py still refuses
            return form_page(request, session, 400, typed, {}, code, refused=str(exc))
        return RedirectResponse(f"{PREFIX}/gifts?saved={quote(gift['code'], safe='')}", 303)

    async def add(request: Request, session: Session, fields: dict[str, str]) -> Response:
        return await post(request, session, fields, None)

    async def edit(request: Request, session: Session, fields: dict[str, str]) -> Response:
        return await post(request, session, fields, str(request.path_params["code"]))

    for path, handler in (
        ("/gifts", listing),
        ("/gifts/new", new_page),
        ("/gifts/{code}", edit_page),
    ):
        app.add_api_route(
            PREFIX + path, site.page(handler), methods=["GET"], include_in_schema=False
        )
    app.add_api_route(
        f"{PREFIX}/gifts/new", site.form(add), methods=["POST"], include_in_schema=False
    )
    app.add_api_route(
        f"{PREFIX}/gifts/{{code}}", site.form(edit), methods=["POST"], include_in_schema=False
    )
