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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert

from terminal.loyalty import CardKind, CardState, Program, standard_program
from terminal.store import bulk
from terminal.store.normalize import name_key
from terminal.store.schema import gifts, programs

DEMO_PREFIX = "2990"
DEFAULT_SEED = 20261122

# (first name, gender) pairs; patronymics are made from the fathers' names below.
_RU_FIRST = (
    ("Александр", "m"), ("Дмитрий", "m"), ("Сергей", "m"), ("Андрей", "m"), ("Алексей", "m"),
    ("Иван", "m"), ("Михаил", "m"), ("Николай", "m"), ("Юрий", "m"), ("Пётр", "m"),
    ("Анна", "f"), ("Елена", "f"), ("Ольга", "f"), ("Наталья", "f"), ("Татьяна", "f"),
    ("Мария", "f"), ("Ирина", "f"), ("Светлана", "f"), ("Юлия", "f"), ("Алёна", "f"),
)  # fmt: skip
_RU_FATHERS = (
    ("Петрович", "Петровна"), ("Иванович", "Ивановна"), ("Сергеевич", "Сергеевна"),
    ("Александрович", "Александровна"), ("Николаевич", "Николаевна"),
    ("Викторович", "Викторовна"), ("Юрьевич", "Юрьевна"), ("Михайлович", "Михайловна"),
    ("Андреевич", "Андреевна"), ("Дмитриевич", "Дмитриевна"),
)  # fmt: skip
_RU_SURNAMES = (
    ("Иванов", "Иванова"), ("Петров", "Петрова"), ("Смирнов", "Смирнова"),
    ("Кузнецов", "Кузнецова"), ("Соколов", "Соколова"), ("Попов", "Попова"),
    ("Лебедев", "Лебедева"), ("Новиков", "Новикова"), ("Морозов", "Морозова"),
    ("Волков", "Волкова"), ("Соловьёв", "Соловьёва"), ("Ершов", "Ершова"),
)  # fmt: skip
_UA_FIRST = (
    ("Олександр", "m"), ("Андрій", "m"), ("Дмитро", "m"), ("Сергій", "m"), ("Юрій", "m"),
    ("Євген", "m"), ("Ігор", "m"), ("Тарас", "m"), ("Олег", "m"), ("Богдан", "m"),
    ("Олена", "f"), ("Ірина", "f"), ("Оксана", "f"), ("Тетяна", "f"), ("Наталія", "f"),
    ("Юлія", "f"), ("Марія", "f"), ("Ганна", "f"), ("Людмила", "f"), ("Євгенія", "f"),
)  # fmt: skip
_UA_FATHERS = (
    ("Петрович", "Петрівна"), ("Іванович", "Іванівна"), ("Миколайович", "Миколаївна"),
    ("Олександрович", "Олександрівна"), ("Васильович", "Василівна"),
    ("Григорович", "Григорівна"), ("Юрійович", "Юріївна"), ("Степанович", "Степанівна"),
)  # fmt: skip
_UA_SURNAMES = (
    "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник",
    "Ковальчук", "Гнатюк", "Лисенко", "Кравець", "Поліщук", "Ґалаґан", "Бойко", "Їжакевич",
)  # fmt: skip
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
_DEMO_GIFTS = (
    ("BDAY", "Подарок ко дню рождения", "birthday", 0),
    ("MUG", "Фирменная кружка", "reward", 50_000),
    ("BAG", "Сумка-шопер", "reward", 120_000),
    ("LOTTO", "Приз розыгрыша", "prize", 0),
)


def luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


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


def _birthday(rng: random.Random) -> date:
    day = rng.randrange(366)  # over a leap year, so 29 February comes up
    year = rng.randrange(1950, 2007)
    leap = date(2000, 1, 1).toordinal() + day
    d = date.fromordinal(leap)
    if d.month == 2 and d.day == 29:
        year -= year % 4  # a leap year (1952..2004: none is a century)
    return d.replace(year=year)


def _member_row(rng: random.Random, member_id: int, synced_at: str) -> tuple[Any, ...]:
    ukrainian = rng.random() < 0.4
    if ukrainian:
        first, gender = rng.choice(_UA_FIRST)
        father = rng.choice(_UA_FATHERS)
        surname = rng.choice(_UA_SURNAMES)
        phone = "380" + rng.choice(_UA_OPERATORS) + f"{rng.randrange(10**7):07d}"
    else:
        first, gender = rng.choice(_RU_FIRST)
        father = rng.choice(_RU_FATHERS)
        surname = rng.choice(_RU_SURNAMES)[0 if gender == "m" else 1]
        phone = "79" + f"{rng.randrange(10**9):09d}"
    patronymic = father[0 if gender == "m" else 1]
    full = f"{surname} {first} {patronymic}"
    segment = rng.choice(_SEGMENTS)
    vip = segment == "vip"
    spend = int(rng.expovariate(1 / 40_000) * 100)  # kopecks; a long tail into platinum
    purchases = spend // 150_000 + rng.randrange(5)
    balance = rng.randrange(0, 3000) * 100  # whole points, in hundredths
    last_gift = rng.choice((None, None, 2024, 2025))
    return (
        member_id,
        full,
        f"{first} {patronymic}",
        name_key(full),
        _birthday(rng).isoformat(),
        phone,
        segment,
        rng.choice(_MANAGERS) if vip else None,
        vip,
        True,
        rng.random() < 0.6,
        balance,
        spend,
        spend // 3,
        purchases,
        last_gift,
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
        roll = rng.randrange(1000)
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
    conn.execute(delete(programs))
    conn.execute(
        insert(programs),
        [
            {
                "code": program.code,
                "version": program.version,
                "body": json.dumps(program.to_dict(), sort_keys=True),
                "active": True,
            }
        ],
    )


def fill(
    conn: Connection,
    members: int,
    *,
    seed: int = DEFAULT_SEED,
    synced_at: str = "2026-11-22T06:00:00+00:00",
) -> DemoSummary:
    """Fill an empty cache with ``members`` demo members, their cards, the standard program
    and the gift catalogue. Run inside ``Database.write()``."""
    put_program(conn, standard_program())
    conn.execute(
        insert(gifts),
        [{"code": c, "name": n, "kind": k, "points_cost_centi": p} for c, n, k, p in _DEMO_GIFTS],
    )
    rng = random.Random(seed)
    member_rows = (_member_row(rng, i, synced_at) for i in range(1, members + 1))
    n_members, _ = bulk.load(conn, member_rows, ())
    card_rng = random.Random(seed + 1)
    _, n_cards = bulk.load(conn, (), _card_rows(card_rng, members))
    return DemoSummary(n_members, n_cards, seed)
