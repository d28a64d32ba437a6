"""Programs: validation that names the field, the dict round-trip, the standard preset."""

from __future__ import annotations

import enum
import json
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from loyalty_builders import m, plain_program, tiered_program

from terminal.loyalty import (
    BirthdayRule,
    CombineMode,
    DiscountSource,
    Money,
    Program,
    ProgramError,
    Progressive,
    Rounding,
    SpendBasis,
    Tier,
    feedback_award,
    standard_program,
)

D = Decimal
BRONZE = Tier("bronze", "Bronze", m("0"), D(3), D(1))
SILVER = Tier("silver", "Silver", m("1000"), D(5), D(2))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": ""}, "code", "code: '' must not be empty"),
        ({"version": 0}, "version", "version: 0 must be >= 1"),
        ({"tiers": ()}, "tiers", "tiers: () must hold at least one tier"),
        (
            {"tiers": (BRONZE, replace(SILVER, threshold=Money.of(-5)))},
            "tiers[1].threshold",
            "tiers[1].threshold: -5.00 must be >= 0",
        ),
        (
            {"tiers": (replace(BRONZE, threshold=m("10")),)},
            "tiers[0].threshold",
            "tiers[0].threshold: 10.00 must be 0",
        ),
        (
            {"tiers": (BRONZE, replace(SILVER, threshold=m("0")))},
            "tiers[1].threshold",
            "tiers[1].threshold: 0.00 must be greater than the tier before (0.00)",
        ),
        (
            {"tiers": (BRONZE, SILVER, replace(SILVER, code="gold", threshold=m("500")))},
            "tiers[2].threshold",
            "tiers[2].threshold: 500.00 must be greater",
        ),
        (
            {"tiers": (BRONZE, replace(SILVER, code="bronze"))},
            "tiers[1].code",
            "tiers[1].code: 'bronze' is used by another tier",
        ),
        ({"tiers": (replace(BRONZE, name=" "),)}, "tiers[0].name", "must not be empty"),
        (
            {"tiers": (replace(BRONZE, discount_pct=D(101)),)},
            "tiers[0].discount_pct",
            "tiers[0].discount_pct: 101 must be <= 100",
        ),
        (
            {"tiers": (replace(BRONZE, earn_pct=D(-1)),)},
            "tiers[0].earn_pct",
            "tiers[0].earn_pct: -1 must be >= 0",
        ),
        (
            {"tiers": (replace(BRONZE, earn_pct=1.5),)},
            "tiers[0].earn_pct",
            "tiers[0].earn_pct: 1.5 must be a Decimal",
        ),
        ({"window_days": 0}, "window_days", "window_days: 0 must be >= 1"),
        (
            {"progressive": Progressive(D(1), 0, D(5))},
            "progressive.every_n",
            "progressive.every_n: 0 must be >= 1",
        ),
        (
            {"progressive": Progressive(D(-1), 10, D(5))},
            "progressive.step_pct",
            "must be >= 0",
        ),
        (
            {"progressive": Progressive(D(1), 10, D(150))},
            "progressive.cap_pct",
            "must be <= 100",
        ),
        (
            {"stack_order": (DiscountSource.CARD, DiscountSource.CARD, DiscountSource.TIER)},
            "stack_order",
            "must name card, tier and progressive once each",
        ),
        (
            {"stack_order": (DiscountSource.CARD, DiscountSource.TIER)},
            "stack_order",
            "once each",
        ),
        ({"max_discount_pct": D("100.01")}, "max_discount_pct", "100.01 must be <= 100"),
        ({"max_discount_pct": D("NaN")}, "max_discount_pct", "must be a finite number"),
        ({"spend_max_share_pct": D(-1)}, "spend_max_share_pct", "must be >= 0"),
        ({"earn_min_purchase": Money.of(-1)}, "earn_min_purchase", "must be >= 0"),
        ({"point_value": D(0)}, "point_value", "point_value: 0 must be > 0"),
        ({"points_quantum": D(0)}, "points_quantum", "points_quantum: 0 must be >= 0.01"),
        ({"points_quantum": D("0.001")}, "points_quantum", "must be >= 0.01"),
        ({"points_quantum": D("0.015")}, "points_quantum", "must be a multiple of 0.01"),
        (
            {"points_quantum": D("0.01"), "point_value": D("0.5")},
            "point_value",
            "point_value: 0.5 times points_quantum 0.01",
        ),
        ({"combine": "best_of"}, "combine", "combine: 'best_of' must be a CombineMode"),
        ({"discount_rounding": "up"}, "discount_rounding", "must be a Rounding"),
        (
            {"birthday": BirthdayRule(-1, 3, D(2), True)},
            "birthday.days_before",
            "birthday.days_before: -1 must be >= 0",
        ),
        (
            {"birthday": BirthdayRule(3, 40, D(2), True)},
            "birthday.days_after",
            "must be <= 31",
        ),
        (
            {"birthday": BirthdayRule(3, 3, D("0.5"), True)},
            "birthday.earn_multiplier",
            "must be >= 1",
        ),
        ({"feedback_points": D(-50)}, "feedback_points", "feedback_points: -50 must be >= 0"),
    ],
)
def test_validation_names_field_and_value(
    changes: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ProgramError) as info:
        replace(plain_program(), **changes)
    assert info.value.field == field
    assert info.value.code == "program_invalid"
    assert message in str(info.value)
    assert str(info.value).startswith(f"{field}: ")


def test_defaults() -> None:
    p = Program("p", 1, (BRONZE,))
    assert p.spend_basis is SpendBasis.LIFETIME and p.window_days == 365
    assert p.combine is CombineMode.BEST_OF and p.progressive is None
    assert p.stack_order == (DiscountSource.CARD, DiscountSource.TIER, DiscountSource.PROGRESSIVE)
    assert p.max_discount_pct == 50 and p.spend_max_share_pct == 50
    assert p.earn_min_purchase == Money.zero()
    assert p.point_value == 1 and p.points_quantum == 1
    assert p.discount_rounding is Rounding.HALF_UP and p.earn_rounding is Rounding.DOWN
    assert p.birthday is None and p.feedback_points == 0


@pytest.mark.parametrize(
    ("enum_value", "stored"),
    [
        (SpendBasis.LIFETIME, "lifetime"),
        (SpendBasis.WINDOW, "window"),
        (CombineMode.BEST_OF, "best_of"),
        (CombineMode.STACKED, "stacked"),
        (DiscountSource.CARD, "card"),
        (DiscountSource.TIER, "tier"),
        (DiscountSource.PROGRESSIVE, "progressive"),
        (Rounding.HALF_EVEN, "half_even"),
    ],
)
def test_enum_values_are_what_the_database_stores(enum_value: enum.Enum, stored: str) -> None:
    assert enum_value.value == stored
    assert type(enum_value)(stored) is enum_value


EVERYTHING = tiered_program(
    spend_basis=SpendBasis.WINDOW,
    window_days=180,
    progressive=Progressive(D("0.5"), 3, D("4.5")),
    combine=CombineMode.STACKED,
    stack_order=(DiscountSource.PROGRESSIVE, DiscountSource.CARD, DiscountSource.TIER),
    max_discount_pct=D("20.00"),
    earn_min_purchase=m("50.5"),
    spend_max_share_pct=D("33.3"),
    point_value=D("0.10"),
    points_quantum=D("0.10"),
    discount_rounding=Rounding.HALF_EVEN,
    earn_rounding=Rounding.UP,
    birthday=BirthdayRule(0, 7, D("1.5"), False),
    feedback_points=D("12.5"),
)


@pytest.mark.parametrize("program", [standard_program(), plain_program(), EVERYTHING])
def test_dict_round_trip_is_exact_and_json_safe(program: Program) -> None:
    data = program.to_dict()
    text = json.dumps(data, sort_keys=True)
    back = Program.from_dict(json.loads(text))
    assert back == program
    assert back.to_dict() == data
    # exponents survive too ("20.00" stays "20.00")
    assert json.dumps(back.to_dict(), sort_keys=True) == text


def test_dict_shape() -> None:
    data = EVERYTHING.to_dict()
    assert data["spend_basis"] == "window"
    assert data["stack_order"] == ["progressive", "card", "tier"]
    assert data["max_discount_pct"] == "20.00"
    assert data["earn_min_purchase"] == "50.50"
    assert data["birthday"] == {
        "days_before": 0,
        "days_after": 7,
        "earn_multiplier": "1.5",
        "gift": False,
    }
    tiers = data["tiers"]
    assert isinstance(tiers, list) and tiers[1]["threshold"] == "1000.00"


def test_optional_keys_take_defaults() -> None:
    minimal = {
        "code": "p",
        "version": 3,
        "tiers": [
            {"code": "b", "name": "B", "threshold": "0", "discount_pct": "1", "earn_pct": "2"}
        ],
    }
    assert Program.from_dict(minimal) == Program("p", 3, (Tier("b", "B", m("0"), D(1), D(2)),))


def _standard_with(**changes: object) -> dict[str, object]:
    return {**standard_program().to_dict(), **changes}


def _tier_dict(**changes: object) -> dict[str, object]:
    tier: dict[str, object] = {
        "code": "b",
        "name": "B",
        "threshold": "0",
        "discount_pct": "1",
        "earn_pct": "2",
    }
    return {**tier, **changes}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (_standard_with(colour="red"), "colour", "colour: 'red' is not a known key"),
        (_standard_with(version="1"), "version", "version: '1' must be an integer"),
        (_standard_with(version=True), "version", "must be an integer"),
        (_standard_with(max_discount_pct=15.0), "max_discount_pct", "15.0 must be a decimal"),
        (_standard_with(max_discount_pct="lots"), "max_discount_pct", "is not a decimal"),
        (_standard_with(max_discount_pct="Infinity"), "max_discount_pct", "finite"),
        (_standard_with(spend_basis="forever"), "spend_basis", "must be one of: lifetime"),
        (_standard_with(combine=None), "combine", "combine: None must be one of"),
        (_standard_with(stack_order="card"), "stack_order", "must be a list"),
        (_standard_with(stack_order=["card", "tier", "luck"]), "stack_order[2]", "'luck'"),
        (_standard_with(earn_min_purchase="1.005"), "earn_min_purchase", "two decimals"),
        (_standard_with(tiers={}), "tiers", "must be a list of tiers"),
        (_standard_with(tiers=["gold"]), "tiers[0]", "must be an object"),
        (
            _standard_with(tiers=[_tier_dict(colour=1)]),
            "tiers[0].colour",
            "tiers[0].colour: 1 is not a known key",
        ),
        (_standard_with(tiers=[_tier_dict(threshold=0.0)]), "tiers[0].threshold", "decimal"),
        (_standard_with(tiers=[_tier_dict(name=5)]), "tiers[0].name", "must be text"),
        (
            _standard_with(tiers=[_tier_dict(names={"de": "Gold"})]),
            "tiers[0].names.de",
            "is not a known key",
        ),
        (_standard_with(tiers=[_tier_dict(names={"ru": 5})]), "tiers[0].names.ru", "text"),
        (_standard_with(tiers=[_tier_dict(names=["ru"])]), "tiers[0].names", "object"),
        (
            _standard_with(tiers=[{"code": "b", "name": "B", "threshold": "0"}]),
            "tiers[0].discount_pct",
            "is missing",
        ),
        (_standard_with(tiers=[_tier_dict(threshold="5")]), "tiers[0].threshold", "must be 0"),
        (
            _standard_with(progressive={"step_pct": "1", "every_n": "10", "cap_pct": "5"}),
            "progressive.every_n",
            "'10' must be an integer",
        ),
        (_standard_with(birthday={"days_before": 1}), "birthday.days_after", "is missing"),
        (
            _standard_with(
                birthday={"days_before": 1, "days_after": 1, "earn_multiplier": "2", "gift": 1}
            ),
            "birthday.gift",
            "must be true or false",
        ),
        ({"version": 1, "tiers": []}, "code", "is missing"),
    ],
)
def test_from_dict_refuses(data: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(ProgramError) as info:
        Program.from_dict(data)
    assert info.value.field == field
    assert message in str(info.value)


def test_from_dict_refuses_a_non_mapping() -> None:
    with pytest.raises(ProgramError):
        Program.from_dict([])  # type: ignore[arg-type]


def test_standard_program() -> None:
    p = standard_program()
    assert [(t.name, str(t.threshold), t.discount_pct, t.earn_pct) for t in p.tiers] == [
        ("Bronze", "0.00", 3, 3),
        ("Silver", "30000.00", 5, 5),
        ("Gold", "100000.00", 7, 7),
        ("Platinum", "250000.00", 10, 10),
    ]
    assert p.spend_basis is SpendBasis.LIFETIME
    assert p.progressive == Progressive(D(1), 10, D(5))
    assert p.combine is CombineMode.BEST_OF and p.max_discount_pct == 15
    assert p.earn_min_purchase == m("100") and p.spend_max_share_pct == 30
    assert p.point_value == 1 and p.points_quantum == 1
    assert p.birthday == BirthdayRule(3, 3, D(2), True)
    assert p.feedback_points == 50
    gold = p.tiers[2]
    assert (gold.name_in("ru"), gold.name_in("uk"), gold.name_in("en")) == (
        "Золотой",
        "Золотий",
        "Gold",
    )


def test_tier_names_travel_as_an_object_and_fall_back_to_the_name() -> None:
    data = standard_program().to_dict()
    tiers = data["tiers"]
    assert isinstance(tiers, list)
    assert tiers[1]["names"] == {"en": "Silver", "ru": "Серебряный", "uk": "Срібний"}
    bare = Tier("b", "Base", m("0"), D(1), D(1))
    assert bare.name_in("uk") == "Base" and bare.params() == {"tier": "Base", "tier_code": "b"}
    only_ru = Tier("b", "Base", m("0"), D(1), D(1), (("ru", "База"),))
    assert only_ru.name_in("ru") == "База" and only_ru.name_in("en") == "Base"


@pytest.mark.parametrize(
    ("points", "quantum", "expected"),
    [("50", "1", "50"), ("12.5", "1", "12"), ("12.567", "0.01", "12.56"), ("0", "1", "0")],
)
def test_feedback_award(points: str, quantum: str, expected: str) -> None:
    p = plain_program(feedback_points=D(points), points_quantum=D(quantum))
    assert str(feedback_award(p)) == expected
    assert feedback_award(standard_program()) == 50
