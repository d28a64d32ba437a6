"""Deterministic demo members and cards: the same seed gives the same cache, byte for byte.

Russian and Ukrainian names with patronymics, birthdays over the whole year (29 February
included), phones of both countries, cards of every kind and state. Member ids run from
1; card numbers are ``2990`` + an 8-digit serial + a Luhn digit (13 digits), and each card
also has a 7-byte NFC UID. :func:`demo_card_number` and :func:`demo_card_uid` give the
number and UID of a card id, so tests and docs can name cards without a lookup.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from terminal.loyalty import CardKind, CardState, Program, standard_program
from terminal.loyalty.names import checked_names
from terminal.services.staff import Role, hash_pin
from terminal.store import demo_fill
from terminal.store.connection import Connection
from terminal.store.demo_fill import DEMO_MARK, is_blank, is_demo_cache, unsent_operations
from terminal.store.normalize import name_key

__all__ = [
    "DEFAULT_SEED",
    "DEMO_MARK",
    "DEMO_PREFIX",
    "DEMO_STAFF",
    "DemoSummary",
    "demo_card_number",
    "demo_card_uid",
    "fill",
    "is_blank",
    "is_demo_cache",
    "luhn_digit",
    "put_program",
    "unsent_operations",
]

DEMO_PREFIX = "2990"
DEFAULT_SEED = 20261122

# (first name, gender) pairs; patronymics are made from the fathers' names below.
_RU_FIRST = (
    ("Александр", "m"),
    ("Дмитрий", "m"),
    ("Сергей", "m"),
    ("Андрей", "m"),
    ("Алексей", "m"),
    ("Иван", "m"),
    ("Михаил", "m"),
    ("Николай", "m"),
    ("Юрий", "m"),
    ("Пётр", "m"),
    ("Анна", "f"),
    ("Елена", "f"),
    ("Ольга", "f"),
    ("Наталья", "f"),
    ("Татьяна", "f"),
    ("Мария", "f"),
    ("Ирина", "f"),
    ("Светлана", "f"),
    ("Юлия", "f"),
    ("Алёна", "f"),
)
_RU_FATHERS = (
    ("Петрович", "Петровна"),
    ("Иванович", "Ивановна"),
    ("Сергеевич", "Сергеевна"),
    ("Александрович", "Александровна"),
    ("Николаевич", "Николаевна"),
    ("Викторович", "Викторовна"),
    ("Юрьевич", "Юрьевна"),
    ("Михайлович", "Михайловна"),
    ("Андреевич", "Андреевна"),
    ("Дмитриевич", "Дмитриевна"),
)
_RU_SURNAMES = (
    ("Иванов", "Иванова"),
    ("Петров", "Петрова"),
    ("Смирнов", "Смирнова"),
    ("Кузнецов", "Кузнецова"),
    ("Соколов", "Соколова"),
    ("Попов", "Попова"),
    ("Лебедев", "Лебедева"),
    ("Новиков", "Новикова"),
    ("Морозов", "Морозова"),
    ("Волков", "Волкова"),
    ("Соловьёв", "Соловьёва"),
    ("Ершов", "Ершова"),
)
_UA_FIRST = (
    ("Олександр", "m"),
    ("Андрій", "m"),
    ("Дмитро", "m"),
    ("Сергій", "m"),
    ("Юрій", "m"),
    ("Євген", "m"),
    ("Ігор", "m"),
    ("Тарас", "m"),
    ("Олег", "m"),
    ("Богдан", "m"),
    ("Олена", "f"),
    ("Ірина", "f"),
    ("Оксана", "f"),
    ("Тетяна", "f"),
    ("Наталія", "f"),
    ("Юлія", "f"),
    ("Марія", "f"),
    ("Ганна", "f"),
    ("Людмила", "f"),
    ("Євгенія", "f"),
)
_UA_FATHERS = (
    ("Петрович", "Петрівна"),
    ("Іванович", "Іванівна"),
    ("Миколайович", "Миколаївна"),
    ("Олександрович", "Олександрівна"),
    ("Васильович", "Василівна"),
    ("Григорович", "Григорівна"),
    ("Юрійович", "Юріївна"),
    ("Степанович", "Степанівна"),
)
_UA_SURNAMES = (
    "Шевченко",
    "Коваленко",
    "Бондаренко",
    "Ткаченко",
    "Кравченко",
    "Мельник",
    "Ковальчук",
    "Гнатюк",
    "Лисенко",
    "Кравець",
    "Поліщук",
    "Ґалаґан",
    "Бойко",
    "Їжакевич",
)
_MANAGERS = ("Орлова Вероника", "Гончаренко Євген", "Фомин Кирилл")
_SEGMENTS = ("regular", "regular", "regular", "family", "family", "business", "vip")
_UA_OPERATORS = ("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99")
# Card states after the first: (state, share in thousandths)
_OTHER_STATES = (
    (CardState.BLOCKED, 10),
    (CardState.LOST, 10),
    (CardState.EXPIRED, 10),
    (CardState.NOT_ACTIVATED, 10),
)
_DEMO_GIFTS = (  # code, name, kind, cost in hundredths, names in ru/uk/en (JSON)
    (
        "BDAY",
        "Подарок ко дню рождения",
        "birthday",
        0,
        ("Подарок ко дню рождения", "Подарунок до дня народження", "Birthday gift"),
    ),
    (
        "MUG",
        "Фирменная кружка",
        "reward",
        50_000,
        ("Фирменная кружка", "Фірмова чашка", "Branded mug"),
    ),
    ("BAG", "Сумка-шопер", "reward", 120_000, ("Сумка-шопер", "Сумка-шопер", "Tote bag")),
    ("LOTTO", "Приз розыгрыша", "prize", 0, ("Приз розыгрыша", "Приз розіграшу", "Prize")),
)


_DOUBLED = {str(d): (2 * d - 9 if d > 4 else 2 * d) for d in range(10)}


#: Staff of the demo till, with their PINs (the docs and `make run` tell them).
DEMO_STAFF = (
    ("Анна Кассирова", Role.CASHIER, "1111"),
    ("Пётр Старший", Role.SUPERVISOR, "999999"),
)


def _names_text(names: dict[str, str]) -> str | None:
    """A gift's names as the cache keeps them: a JSON text."""
    checked = checked_names(names)
    return None if checked is None else json.dumps(checked, ensure_ascii=False, sort_keys=True)


def luhn_digit(digits: str) -> str:
    """The Luhn check digit to append to ``digits``."""
    rev = digits[::-1]
    total = sum(_DOUBLED[c] for c in rev[0::2]) + sum(map(int, rev[1::2]))
    return str(-total % 10)


def demo_card_number(card_id: int) -> str:
    body = f"{DEMO_PREFIX}{card_id:08d}"
    return body + luhn_digit(body)


def demo_card_uid(card_id: int) -> str:
    """A 7-byte NXP-style UID (04 ...), unique per card id below 2**48."""
    return f"04{(card_id * 0x9E3779B1) % (1 << 48):012X}"


@dataclass(frozen=True, slots=True)
class DemoSummary:
    members: int
    cards: int
    seed: int


def _names() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Every (full name, how to address, name key) combination, Russian and Ukrainian."""
    ru, ua = [], []
    for first, gender in _RU_FIRST:
        g = 0 if gender == "m" else 1
        for father in _RU_FATHERS:
            for surname in _RU_SURNAMES:
                full = f"{surname[g]} {first} {father[g]}"
                ru.append((full, f"{first} {father[g]}", name_key(full)))
    for first, gender in _UA_FIRST:
        g = 0 if gender == "m" else 1
        for father in _UA_FATHERS:
            for ua_surname in _UA_SURNAMES:
                full = f"{ua_surname} {first} {father[g]}"
                ua.append((full, f"{first} {father[g]}", name_key(full)))
    return ru, ua


_RU_NAMES, _UA_NAMES = _names()
# Month-day of every day of a leap year, so that 29 February comes up.
_DAYS = [(date(2000, 1, 1) + timedelta(days=i)).strftime("%m-%d") for i in range(366)]


def _birthday(r: Callable[[], float]) -> str:
    mmdd = _DAYS[int(r() * 366)]
    year = 1950 + int(r() * 57)
    if mmdd == "02-29":
        year -= year % 4  # a leap year (1948..2004: 2000 is one)
    return f"{year}-{mmdd}"


def _member_row(rng: random.Random, member_id: int, synced_at: str) -> tuple[Any, ...]:
    r = rng.random
    if r() < 0.4:
        full, address_as, key = _UA_NAMES[int(r() * len(_UA_NAMES))]
        operator = _UA_OPERATORS[int(r() * len(_UA_OPERATORS))]
        phone = f"380{operator}{int(r() * 10**7):07d}"
    else:
        full, address_as, key = _RU_NAMES[int(r() * len(_RU_NAMES))]
        phone = f"79{int(r() * 10**9):09d}"
    segment = _SEGMENTS[int(r() * len(_SEGMENTS))]
    vip = segment == "vip"
    spend = int(rng.expovariate(1 / 40_000) * 100)  # kopecks; a long tail into platinum
    return (
        member_id,
        full,
        address_as,
        key,
        _birthday(r),
        phone,
        segment,
        _MANAGERS[int(r() * len(_MANAGERS))] if vip else None,
        vip,
        True,
        r() < 0.6,
        int(r() * 3000) * 100,  # whole points, in hundredths
        spend,
        spend // 3,
        spend // 150_000 + int(r() * 5),
        (None, None, 2024, 2025)[int(r() * 4)],
        0,
        synced_at,
    )


def _card_rows(rng: random.Random, members: int) -> Iterator[tuple[Any, ...]]:
    """Cards of members 1..members (about 1.3 each), then bearer cards after them."""
    next_id = 1
    for member_id in range(1, members + 1):
        card_id = next_id
        two = rng.random() < 0.3
        next_id += 2 if two else 1
        roll = int(rng.random() * 1000)
        state = CardState.ACTIVE
        for candidate, share in _OTHER_STATES:
            if roll < share:
                state = candidate
                break
            roll -= share
        discount = 1000 if rng.random() < 0.02 else 0  # staff cards: 10 %
        expires = "2030-12-31" if state is not CardState.EXPIRED else "2025-06-30"
        yield _card(card_id, CardKind.PERSONAL, state, member_id, discount, expires, None)
        if two:  # an older card, replaced by the first one (the balance moved with it)
            old = card_id + 1
            yield _card(old, CardKind.PERSONAL, CardState.REPLACED, member_id, 0, None, card_id)
    for card_id in range(next_id, next_id + max(1, members // 50)):
        state = CardState.ACTIVE if card_id % 3 else CardState.NOT_ACTIVATED
        discount = (300, 500, 1000)[card_id % 3]
        yield _card(card_id, CardKind.BEARER, state, None, discount, None, None)


def _card(
    card_id: int,
    kind: CardKind,
    state: CardState,
    member_id: int | None,
    discount_bp: int,
    expires: str | None,
    replaced_by: int | None,
) -> tuple[Any, ...]:
    return (
        card_id,
        demo_card_uid(card_id),
        demo_card_number(card_id),
        kind.value,
        state.value,
        member_id,
        discount_bp,
        expires,
        replaced_by,
    )


def put_program(conn: Connection, program: Program) -> None:
    """Make ``program`` the cache's only program (in the caller's write transaction)."""
    demo_fill.put_program(conn, program.code, program.version, program.to_dict())


def fill(
    conn: Connection,
    members: int,
    *,
    seed: int = DEFAULT_SEED,
    synced_at: str = "2026-11-22T06:00:00+00:00",
) -> DemoSummary:
    """Fill an empty cache with ``members`` demo members, their cards, the standard program
    and the gift catalogue. Run inside ``Database.write()`` (set-up, not a use case: it
    takes the write transaction's connection)."""
    put_program(conn, standard_program())
    rng = random.Random(seed)
    member_rows = (_member_row(rng, i, synced_at) for i in range(1, members + 1))
    card_rng = random.Random(seed + 1)
    n_members, n_cards = demo_fill.load(
        conn,
        seed=seed,
        gift_rows=[
            (code, name, kind, cost, _names_text(dict(zip(("ru", "uk", "en"), names, strict=True))))
            for code, name, kind, cost, names in _DEMO_GIFTS
        ],
        staff_rows=[(name, role.value, hash_pin(pin, role)) for name, role, pin in DEMO_STAFF],
        member_rows=member_rows,
        card_rows=_card_rows(card_rng, members),
    )
    return DemoSummary(n_members, n_cards, seed)
