"""The program's pages of the admin web app (docs/office-guide.md, "The program"):
``/admin/program`` shows the current version in words, the history of versions and a
simulator; ``/admin/program/edit`` builds a new version from form fields, checked by the
rules the tills use (office/program_form.py), saved for now or for a later date
(office/program_schedule.py) by an admin whose role may edit the program."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from office import program_form, program_schedule, programs
from office.admin_roles import Permission, may
from office.admin_sessions import Session
from office.admin_texts import text
from office.admin_web import PREFIX, AdminSite
from office.db import OfficeDB
from office.program_form import FormError
from terminal.loyalty import (
    ExplanationLine,
    LoyaltyError,
    Money,
    Program,
    Quote,
    standard_program,
)
from terminal.loyalty.points import format_points

#: The fields of the editor: every tier's, the rest, the date, the simulator's, the token.
MAX_FIELDS = program_form.MAX_TIERS * len(program_form.TIER_PARTS) + 30
NO_PROGRAM = "The office has no program yet: the form starts from the standard one."
LATER_THAN_WAITING = "must not be earlier than the version already waiting ({n})"
#: The tills' explanation lines (terminal.loyalty.explain) as phrases of admin_texts:
#: in English each reads exactly as ExplanationLine.text does.
LINE_TEXTS = {
    "discount_card": "Card discount {pct}%: -{amount}",
    "discount_tier": "{tier} tier discount {pct}%: -{amount}",
    "discount_progressive": "Progressive discount {pct}% after {purchases} purchases: -{amount}",
    "discount_not_best": "{best} discount {best_pct}% is better than {other} {other_pct}%",
    "discount_stacked": "Discounts applied one after another: {pct}% in total, -{amount}",
    "discount_capped": "Capped by the program maximum {max_pct}%: discount reduced by {amount}",
    "progressive_capped": "Progressive discount has reached its maximum {cap_pct}%",
    "bearer_card": "Bearer card: card discount only, no points",
    "points_share_cap": "Points pay at most {share_pct}% of the receipt: up to {points}",
    "points_balance_cap": "Points balance {balance}: up to {points}",
    "points_negative_balance": "Points balance is negative ({balance}): no points can be spent",
    "points_spent": "Paid with {points} points: -{amount}",
    "points_earned": "Points earned: {pct}% of {paid} ({tier}): +{points}",
    "birthday_multiplier": "Birthday: points x{multiplier}",
    "earn_below_minimum": "No points below {minimum}",
    "birthday_gift": "Birthday gift available",
    "tier_up": "This purchase moves the member up to {tier}",
}
#: The discount sources a line names ("Tier discount 7% is better than card 5%").
SOURCES = {
    "card": ("Card", "card"),
    "tier": ("Tier", "tier"),
    "progressive": ("Progressive", "progressive"),
}


def line_in(lang: str, line: ExplanationLine) -> str:
    """A till's explanation line in ``lang``."""
    phrase = LINE_TEXTS.get(line.code)
    if phrase is None:
        return line.text
    params = dict(line.params)
    if "tier" in params:
        params["tier"] = params.get(f"tier_{lang}", params["tier"])
    if line.code == "discount_not_best":
        params["best"] = text(lang, SOURCES.get(params["best"], (params["best"],) * 2)[0])
        params["other"] = text(lang, SOURCES.get(params["other"], (params["other"],) * 2)[1])
    params["amount"] = "" if line.amount is None else str(line.amount)
    params["points"] = "" if line.points is None else format_points(line.points)
    return text(lang, phrase, **params)


def _current(db: OfficeDB) -> tuple[Program | None, Program | None, list[Any]]:
    program_schedule.publish_due(db)
    with db.read() as conn:
        return (
            programs.current(conn),
            program_schedule.waiting(conn),
            program_schedule.history(conn),
        )


def _simulation(
    lang: str, fields: dict[str, str], versions: list[tuple[str, Program | None]], today: date
) -> dict[str, Any] | None:
    """The simulator's answer for each version (None: nothing asked yet)."""
    tier = fields.get("sim_tier", "").strip()
    if not tier:
        return None
    out: dict[str, Any] = {"tier": tier, "columns": [], "error": None}
    try:
        amount = Money(Decimal(fields.get("sim_amount", "").strip().replace(",", ".")))
        day = date.fromisoformat(fields.get("sim_date", "").strip() or today.isoformat())
        if not amount.amount.is_finite() or abs(amount.amount) >= 10**12:
            raise ValueError("not an amount to simulate")
    except (InvalidOperation, ValueError, ArithmeticError, LoyaltyError):
        out["error"] = program_form.NOT_MONEY
        return out
    out["amount"], out["day"] = str(amount), day.isoformat()
    for title, program in versions:
        if program is None:
            continue
        found = program_form.simulate(
            program, tier, amount, day, fields.get("sim_birthday") == "on"
        )
        column: dict[str, Any] = {"title": title, "version": program.version}
        if isinstance(found, Quote):
            column.update(
                discount=str(found.discount),
                discount_pct=format_points(found.discount_pct),
                paid=str(found.paid),
                points=format_points(found.points_earned),
                lines=[line_in(lang, line) for line in found.lines],
                problem=None,
            )
        else:
            column["problem"] = found
        out["columns"].append(column)
    return out


def register(app: FastAPI, site: AdminSite) -> None:
    """The program's pages on ``app``."""
    db = site.db

    async def view(request: Request, session: Session) -> Response:
        current, waiting, history = await run_in_threadpool(_current, db)
        fields = dict(request.query_params)
        versions = [("Current version", current), ("Next version", waiting)]
        sim = _simulation(site.lang(request), fields, versions, db.clock.today())
        return site.render(
            request,
            "program.html",
            session,
            num=format_points,
            p=current,
            waiting=waiting,
            history=history,
            sim=sim,
            fields=fields,
            saved=request.query_params.get("saved"),
        )

    def _edit(
        request: Request,
        session: Session,
        form: dict[str, str],
        current: Program | None,
        status: int = 200,
        error: FormError | None = None,
        sim: dict[str, Any] | None = None,
    ) -> Response:
        return site.render(
            request,
            "program_edit.html",
            session,
            status,
            form=form,
            p=current or standard_program(),
            fresh=current is None,
            error=error,
            sim=sim,
            fields=form,
            max_tiers=program_form.MAX_TIERS,
        )

    async def edit_page(request: Request, session: Session) -> Response:
        if not may(session.account.role, Permission.EDIT_PROGRAM):
            return site.refused(request, session, "role")
        current, _, _ = await run_in_threadpool(_current, db)
        return _edit(request, session, program_form.form_of(current or standard_program()), current)

    async def edit(request: Request, session: Session, fields: dict[str, str]) -> Response:
        if not may(session.account.role, Permission.EDIT_PROGRAM):
            return site.refused(request, session, "role")
        current, _, _ = await run_in_threadpool(_current, db)
        base = current or standard_program()
        try:
            draft = program_form.build(base, fields)
            when = program_form.parse_when(fields.get("effective_at", ""), db.clock.now())
        except FormError as exc:
            return _edit(request, session, fields, current, 400, exc)
        if fields.get("action") == "try":
            versions = [("Current version", current), ("Draft", draft)]
            sim = _simulation(site.lang(request), fields, versions, db.clock.today())
            return _edit(request, session, fields, current, sim=sim)
        who = (session.account.id, session.account.name)
        try:
            await run_in_threadpool(program_schedule.save, db, who, draft, when)
        except program_schedule.ScheduleError as exc:
            error = FormError("effective_at", LATER_THAN_WAITING, n=str(exc))
            return _edit(request, session, fields, current, 400, error)
        return RedirectResponse(f"{PREFIX}/program?saved=1", 303)

    route = f"{PREFIX}/program"
    app.add_api_route(route, site.page(view), methods=["GET"], include_in_schema=False)
    app.add_api_route(
        f"{route}/edit", site.page(edit_page), methods=["GET"], include_in_schema=False
    )
    app.add_api_route(
        f"{route}/edit",
        site.form(edit, max_fields=MAX_FIELDS),
        methods=["POST"],
        include_in_schema=False,
    )
