"""The program editor's form (office/admin_program.py): a program as form fields, and
form fields back to a :class:`~terminal.loyalty.Program` checked by the same rules the
tills use (terminal.loyalty.program). A field that is wrong is named with the rule's
reason; the reasons are phrases of office/admin_texts.py.

Each field is named as the rules name it (``tiers[1].threshold``, ``birthday.days_after``)
so that a :class:`~terminal.loyalty.ProgramError` points at its field. The parts the form
does not show (the progressive discount, how discounts combine, roundings, the points'
quantum) are kept from the version the draft starts from.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from terminal.loyalty import (
    BirthdayRule,
    CardKind,
    CardState,
    CardTerms,
    MemberState,
    Money,
    Program,
    ProgramError,
    Quote,
    SpendBasis,
    Tier,
    quote,
)
from terminal.loyalty.errors import LoyaltyError

MAX_TIERS = 5
TIER_PARTS = ("code", "name", "names.ru", "names.uk", "threshold", "discount_pct", "earn_pct")
_PCT = ("max_discount_pct", "spend_max_share_pct")
_MONEY = ("earn_min_purchase", "max_purchase")
NOT_A_NUMBER = "must be a number"
NOT_WHOLE = "must be a whole number"
NOT_MONEY = "must be an amount of money, such as 1500 or 99.90"
NOT_A_DATE = "must be a date and time, such as 2027-01-01 00:00"
TIER_UNKNOWN = "this version has no such tier"
#: The rules' reasons (terminal.loyalty.program) the form can meet, as the phrases of
#: office/admin_texts.py: the fixed ones as they are, the others with their parameter.
_REASONS = [
    (re.compile(r"must be >= (?P<n>\S+)"), "must be at least {n}"),
    (re.compile(r"must be <= (?P<n>\S+)"), "must be at most {n}"),
    (
        re.compile(r"must be greater than the tier before \((?P<n>[^)]+)\)"),
        "must be greater than the tier before ({n})",
    ),
    (re.compile(r"times points_quantum .*"), "times the points' step must be exact money"),
]
REASONS = {
    "must not be empty",
    "is used by another tier",
    "must be 0 (the first benefits come at once)",
    "must be > 0",
    "must be more than zero",
    "must be more than zero (or null: never)",
    "must hold at least one tier",
    *(phrase for _, phrase in _REASONS),
}


class FormError(ValueError):
    """``field`` of the form is wrong: ``reason`` (a phrase) with ``params``."""

    def __init__(self, field: str, reason: str, **params: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.params = params


def reason_of(problem: str) -> tuple[str, dict[str, str]]:
    """A rule's problem ("must be >= 1") as a phrase and its parameters."""
    if problem in REASONS:
        return problem, {}
    for pattern, phrase in _REASONS:
        found = pattern.fullmatch(problem)
        if found:
            return phrase, found.groupdict()
    return problem, {}


def _plain(value: Decimal | Money) -> str:
    number = value.amount if isinstance(value, Money) else value
    text = f"{number.normalize():f}"
    return "0" if text in ("-0", "0") else text


def form_of(program: Program) -> dict[str, str]:
    """The form's fields filled from ``program`` (the effective date left empty: now)."""
    form: dict[str, str] = {}
    for i in range(MAX_TIERS):
        tier = program.tiers[i] if i < len(program.tiers) else None
        names = dict(tier.names) if tier else {}
        values: tuple[str, ...] = ("",) * len(TIER_PARTS)
        if tier:
            money = (tier.threshold, tier.discount_pct, tier.earn_pct)
            values = (tier.code, tier.name, names.get("ru", ""), names.get("uk", ""))
            values += tuple(_plain(v) for v in money)
        form.update({f"tiers[{i}].{part}": v for part, v in zip(TIER_PARTS, values, strict=True)})
    form["spend_basis"] = program.spend_basis.value
    form["window_days"] = str(program.window_days)
    for name in (*_PCT, *_MONEY, "point_value", "feedback_points"):
        form[name] = _plain(getattr(program, name))
    form["confirm_above"] = "" if program.confirm_above is None else _plain(program.confirm_above)
    rule = program.birthday
    form["birthday.on"] = "on" if rule else ""
    form["birthday.days_before"] = str(rule.days_before) if rule else "3"
    form["birthday.days_after"] = str(rule.days_after) if rule else "3"
    form["birthday.earn_multiplier"] = _plain(rule.earn_multiplier) if rule else "2"
    form["birthday.gift"] = "on" if rule and rule.gift else ""
    form["effective_at"] = ""
    return form


def _number(form: Mapping[str, str], field: str) -> Decimal:
    text = form.get(field, "").strip().replace(",", ".").replace(" ", "").replace("\u00a0", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise FormError(field, NOT_A_NUMBER) from None
    if not value.is_finite() or abs(value) >= 10**12:  # 1E+30: no rule's arithmetic
        raise FormError(field, NOT_A_NUMBER)
    return value


def _whole(form: Mapping[str, str], field: str) -> int:
    text = form.get(field, "").strip()
    if not (text.isascii() and text.lstrip("-").isdigit() and len(text) <= 6):
        raise FormError(field, NOT_WHOLE)
    return int(text)


def _money(form: Mapping[str, str], field: str) -> Money:
    try:
        value = _number(form, field)
    except FormError:
        raise FormError(field, NOT_MONEY) from None
    if value != value.quantize(Decimal("0.01")) or abs(value) >= 10**12:
        raise FormError(field, NOT_MONEY)
    return Money(value)


def parse_when(text: str, now: datetime) -> datetime:
    """The effective date as typed (``2027-01-01``, ``2027-01-01 08:00``; UTC); empty: now."""
    text = text.strip().replace("T", " ")
    if not text:
        return now
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        raise FormError("effective_at", NOT_A_DATE) from None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def build(base: Program, form: Mapping[str, str]) -> Program:
    """The program the form describes, on the parts of ``base`` it does not show.
    :class:`FormError` names the first wrong field and the rule's reason."""
    tiers: list[Tier] = []
    rows: list[int] = []  # the form's row of each tier kept
    for i in range(MAX_TIERS):
        at = f"tiers[{i}]"
        code = form.get(f"{at}.code", "").strip()
        name = form.get(f"{at}.name", "").strip()
        if not code and not name:
            continue
        names = [("en", name)] if name else []
        for language in ("ru", "uk"):
            said = form.get(f"{at}.names.{language}", "").strip()
            if said:
                names.append((language, said))
        tiers.append(
            Tier(
                code=code,
                name=name,
                threshold=_money(form, f"{at}.threshold"),
                discount_pct=_number(form, f"{at}.discount_pct"),
                earn_pct=_number(form, f"{at}.earn_pct"),
                names=tuple(sorted(names)),
            )
        )
        rows.append(i)
    basis = form.get("spend_basis", "")
    if basis not in {b.value for b in SpendBasis}:
        raise FormError("spend_basis", NOT_A_NUMBER)
    birthday = None
    if form.get("birthday.on") == "on":
        birthday = BirthdayRule(
            days_before=_whole(form, "birthday.days_before"),
            days_after=_whole(form, "birthday.days_after"),
            earn_multiplier=_number(form, "birthday.earn_multiplier"),
            gift=form.get("birthday.gift") == "on",
        )
    confirm = form.get("confirm_above", "").strip()
    try:
        return dataclasses.replace(
            base,
            tiers=tuple(tiers),
            spend_basis=SpendBasis(basis),
            window_days=_whole(form, "window_days"),
            max_discount_pct=_number(form, "max_discount_pct"),
            spend_max_share_pct=_number(form, "spend_max_share_pct"),
            point_value=_number(form, "point_value"),
            earn_min_purchase=_money(form, "earn_min_purchase"),
            feedback_points=_number(form, "feedback_points"),
            max_purchase=_money(form, "max_purchase"),
            confirm_above=_money(form, "confirm_above") if confirm else None,
            birthday=birthday,
        )
    except ProgramError as exc:
        field = exc.field
        found = re.match(r"tiers\[(\d+)\](.*)", field)
        if found and int(found.group(1)) < len(rows):
            field = f"tiers[{rows[int(found.group(1))]}]{found.group(2)}"
        if field.startswith("tiers[") and field.endswith(".names"):
            field = field.removesuffix("s")
        phrase, params = reason_of(exc.problem)
        raise FormError(field, phrase, **params) from None


def simulate(
    program: Program, tier_code: str, amount: Money, day: date, birthday: bool
) -> Quote | str:
    """What the till would work out for a member of ``tier_code`` (their spend at its
    threshold, no points, no purchases yet; born on ``day`` if ``birthday``) buying
    ``amount`` on ``day``: the rules' own :func:`~terminal.loyalty.quote`, as a till's
    checkout preview calls it. A phrase instead when it cannot be worked out."""
    tier = next((t for t in program.tiers if t.code == tier_code), None)
    if tier is None:
        return TIER_UNKNOWN
    member = MemberState(
        lifetime_spend=tier.threshold,
        window_spend=tier.threshold,
        purchases=0,
        points_balance=Decimal(0),
        birthday=day if birthday else None,
        last_birthday_gift_year=None,
    )
    card = CardTerms(CardKind.PERSONAL, CardState.ACTIVE)
    try:
        return quote(program, card, member, amount, day)
    except LoyaltyError:
        return NOT_MONEY
