"""The admin web app under ``/admin``: server-rendered pages (Jinja2, office/templates),
one stylesheet, no JavaScript (docs/office-guide.md).

Every page but the log-in and the stylesheet needs a live session (office/admin_sessions
.py): without one a page redirects to the log-in. Every POST carries the session's CSRF
token in a hidden field (the log-in form: the token of its own cookie, double-submitted);
a missing or wrong one answers 403 with a page, and nothing is changed. Bodies pass the
office's gate first (office/guard.py): /admin needs no till's credential there, but its
bodies are held to the small body limit. Pages are sent with ``Cache-Control: no-store``
and a Content-Security-Policy that allows only this office's stylesheet.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool

from office import admin_accounts, admin_sessions
from office.admin_roles import Permission, Role, mask_phone, may
from office.admin_sessions import Session, SessionRules
from office.admin_texts import LANGUAGE_NAMES, LANGUAGES, choose, text, value
from office.db import OfficeDB
from sync.protocol import parse_time

PREFIX = "/admin"
SESSION_COOKIE = "office_admin"
LOGIN_COOKIE = "office_login"
LANG_COOKIE = "office_lang"
CSRF_FIELD = "csrf"
CSS = Path(__file__).with_name("static") / "admin.css"
TEMPLATES = Path(__file__).with_name("templates")
MAX_FIELDS = 20
#: What the log-in page may say (office/admin_texts.py has them in every language).
EXPIRED = "The log-in form had expired: try again."
#: Log-ins checked at once by this process: each password check is an argon2id hash of
#: 128 MiB and a thread of the pool the tills' requests share; more are turned away.
LOG_INS = threading.BoundedSemaphore(3)
BUSY = "The office is busy checking other log-ins: try again in a moment."
#: A wrong name, a wrong password and a locked account read alike: the page does not
#: tell which names exist (office/admin_accounts.py).
WRONG = (
    "Wrong name or password. After 5 wrong passwords an account is locked for 15 "
    "minutes: then wait, or ask the owner."
)
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Page = Callable[[Request, Session], Awaitable[Response]]
FormPage = Callable[[Request, Session, dict[str, str]], Awaitable[Response]]


def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class AdminSite:
    """The pages' common parts: sessions, CSRF, the language, rendering."""

    def __init__(self, db: OfficeDB, rules: SessionRules) -> None:
        self.db = db
        self.rules = rules
        self.env = environment()
        self.css = CSS.read_bytes()

    # --- language and rendering ----------------------------------------------------

    def lang(self, request: Request) -> str:
        return choose(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))

    def render(
        self,
        request: Request,
        template: str,
        session: Session | None = None,
        status: int = 200,
        **context: Any,
    ) -> HTMLResponse:
        lang = self.lang(request)

        def t(english: str, **params: object) -> str:
            return text(lang, english, **params)

        role = session.account.role if session else None
        seen = role is not None and may(role, Permission.SEE_PHONES)
        html = self.env.get_template(template).render(
            t=t,
            v=lambda stored: value(lang, stored),
            lang=lang,
            languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
            here=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            session=session,
            csrf=session.csrf if session else "",
            role=role,
            may=lambda p: role is not None and may(role, Permission(p)),
            phone=lambda p: (p or "") if seen else mask_phone(p),
            points=_hundredths,
            money=_hundredths,
            when=_when,
            **context,
        )
        return HTMLResponse(html, status, headers=HEADERS)

    def refused(self, request: Request, session: Session | None, why: str) -> HTMLResponse:
        return self.render(request, "refused.html", session, 403, why=why)

    def not_found(self, request: Request, session: Session) -> HTMLResponse:
        return self.render(request, "not_found.html", session, 404)

    # --- cookies --------------------------------------------------------------------

    def secure(self, request: Request) -> bool:
        return self.rules.secure_cookies or request.url.scheme == "https"

    def set_cookie(
        self, response: Response, request: Request, name: str, value: str, **extra: Any
    ) -> None:
        response.set_cookie(
            name,
            value,
            path=PREFIX,
            httponly=True,
            samesite="strict",
            secure=self.secure(request),
            **extra,
        )

    # --- sessions and forms ---------------------------------------------------------

    async def session(self, request: Request) -> Session | None:
        token = request.cookies.get(SESSION_COOKIE)
        if not token:
            return None
        return await run_in_threadpool(admin_sessions.find, self.db, token, self.rules)

    def to_login(self, request: Request, ended: bool = False) -> Response:
        response = RedirectResponse(f"{PREFIX}/login" + ("?ended=1" if ended else ""), 303)
        if ended:
            response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    def page(self, handler: Page) -> Callable[[Request], Awaitable[Response]]:
        """A GET page that needs a live session."""

        async def route(request: Request) -> Response:
            session = await self.session(request)
            if session is None:
                return self.to_login(request, ended=SESSION_COOKIE in request.cookies)
            return await handler(request, session)

        return route

    def form(
        self, handler: FormPage, max_fields: int = MAX_FIELDS
    ) -> Callable[[Request], Awaitable[Response]]:
        """A POST that needs a live session and its CSRF token (403 page otherwise);
        ``max_fields``: the most fields its form may have."""

        async def route(request: Request) -> Response:
            session = await self.session(request)
            if session is None:
                return self.to_login(request, ended=SESSION_COOKIE in request.cookies)
            fields = await read_form(request, max_fields)
            if fields is None or not admin_sessions.csrf_matches(session, fields.get(CSRF_FIELD)):
                return self.refused(request, session, "csrf")
            return await handler(request, session, fields)

        return route


def _hundredths(number: int | None) -> str:
    """Points (hundredths) or money (minor units) as written: 1 234.50."""
    if number is None:
        return ""
    return f"{Decimal(number) / 100:,.2f}".replace(",", "\u00a0")


def _when(stamp: str) -> str:
    return parse_time(stamp).strftime("%Y-%m-%d %H:%M UTC")


async def read_form(request: Request, max_fields: int = MAX_FIELDS) -> dict[str, str] | None:
    """An url-encoded form (its size capped by the gate); None if it is none."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        return None
    try:
        parsed = parse_qs(
            (await request.body()).decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=max_fields,
        )
    except (UnicodeDecodeError, ValueError):
        return None
    return {name: values[0] for name, values in parsed.items()}


def _same(expected: str, given: str) -> bool:
    """Two tokens alike, in constant time (any text: a non-ASCII one is just wrong)."""
    return secrets.compare_digest(expected.encode(), given.encode())


def add_session_routes(app: FastAPI, site: AdminSite) -> None:
    """The stylesheet, log-in, log-out and the language selector on ``app`` (the pages:
    office/admin_pages.py)."""
    db = site.db

    async def css(_request: Request) -> Response:
        return Response(site.css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    async def login_page(request: Request) -> Response:
        if await site.session(request) is not None:
            return RedirectResponse(f"{PREFIX}/", 303)
        return _login_form(site, request, None, 200)

    async def login(request: Request) -> Response:
        fields = await read_form(request)
        expected = request.cookies.get(LOGIN_COOKIE)
        given = (fields or {}).get(CSRF_FIELD)
        if not expected or not given or not _same(expected, given):
            return _login_form(site, request, EXPIRED, 403)
        assert fields is not None
        name, password = fields.get("name", ""), fields.get("password", "")
        if not LOG_INS.acquire(blocking=False):  # each costs a 128 MiB hash: a few at once
            return _login_form(site, request, BUSY, 503)
        try:
            done = await run_in_threadpool(admin_accounts.log_in, db, name, password)
        finally:
            LOG_INS.release()
        if done.account is None:
            return _login_form(site, request, WRONG, 401)
        token = await run_in_threadpool(admin_sessions.start, db, done.account, site.rules)
        response = RedirectResponse(f"{PREFIX}/", 303)
        site.set_cookie(response, request, SESSION_COOKIE, token)
        response.delete_cookie(LOGIN_COOKIE, path=PREFIX)
        return response

    async def logout(request: Request, session: Session, _fields: dict[str, str]) -> Response:
        await run_in_threadpool(admin_sessions.end_digest, db, session.token_hash)
        response = RedirectResponse(f"{PREFIX}/login?out=1", 303)
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    async def language(request: Request) -> Response:
        lang = request.query_params.get("to", "")
        back = request.query_params.get("back", "")
        if not back.startswith(PREFIX) or back.startswith("//") or "\\" in back:
            back = f"{PREFIX}/"
        response = RedirectResponse(back, 303)
        if lang in LANGUAGES:
            site.set_cookie(response, request, LANG_COOKIE, lang, max_age=365 * 86400)
        return response

    async def root(_request: Request) -> Response:
        return RedirectResponse(f"{PREFIX}/", 308)

    app.add_api_route(f"{PREFIX}/static/admin.css", css, methods=["GET"], include_in_schema=False)
    app.add_api_route(f"{PREFIX}/login", login_page, methods=["GET"], include_in_schema=False)
    app.add_api_route(f"{PREFIX}/login", login, methods=["POST"], include_in_schema=False)
    app.add_api_route(
        f"{PREFIX}/logout", site.form(logout), methods=["POST"], include_in_schema=False
    )
    app.add_api_route(f"{PREFIX}/lang", language, methods=["GET"], include_in_schema=False)
    app.add_api_route(PREFIX, root, methods=["GET"], include_in_schema=False)


def _login_form(site: AdminSite, request: Request, error: str | None, status: int) -> Response:
    token = secrets.token_urlsafe(32)
    response = site.render(
        request,
        "login.html",
        None,
        status,
        error=error,
        login_csrf=token,
        ended=request.query_params.get("ended") == "1",
        out=request.query_params.get("out") == "1",
    )
    site.set_cookie(response, request, LOGIN_COOKIE, token)
    return response


__all__ = ["PREFIX", "AdminSite", "Role", "SessionRules", "add_session_routes"]
