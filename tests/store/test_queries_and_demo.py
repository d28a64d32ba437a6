"""Lookups on the demo cache, and the demo data's promises."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from terminal.loyalty import CardKind, CardState
from terminal.services import demo_data
from terminal.store import queries
from terminal.store.database import Database


def test_card_by_uid_and_by_number(demo_db: Database) -> None:
    with demo_db.read() as conn:
        by_number = queries.card_by_number(conn, demo_data.demo_card_number(7))
        by_uid = queries.card_by_uid(conn, demo_data.demo_card_uid(7).lower())
        missing = queries.card_by_number(conn, "2990999999990")
    assert by_number is not None and by_uid == by_number
    assert by_number.id == 7
    assert missing is None


def test_phone_and_name_prefix(demo_db: Database) -> None:
    with demo_db.read() as conn:
        member = queries.member_by_id(conn, 42)
        assert member is not None and member.phone is not None
        assert member in queries.members_by_phone(conn, member.phone)
        surname, first = member.full_name.split()[:2]
        found = queries.members_by_name_prefix(conn, f"{surname.upper()} {first[:2]}", limit=500)
        assert member in found
        assert all(m.full_name.startswith(f"{surname} {first[:2]}") for m in found)
        assert queries.members_by_name_prefix(conn, "   ") == []


def test_lookups_use_indexes(demo_db: Database) -> None:
    plans = {
        "uid": "SELECT * FROM cards WHERE uid = 'x'",
        "number": "SELECT * FROM cards WHERE number = 'x'",
        "phone": "SELECT * FROM members WHERE phone = 'x'",
        "name": "SELECT * FROM members WHERE name_key >= 'a' AND name_key < 'b'",
        "pending": "SELECT sum(points_delta_centi) FROM operations "
        "WHERE member_id = 1 AND status = 'pending'",
    }
    with demo_db.read() as conn:
        for name, sql in plans.items():
            plan = " ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
            assert "USING" in plan and "INDEX" in plan, (name, plan)


def test_demo_data_covers_every_kind_state_and_both_languages(demo_db: Database) -> None:
    with demo_db.read() as conn:
        states = Counter((k, s) for k, s in conn.exec_driver_sql("SELECT kind, state FROM cards"))
        names = [r[0] for r in conn.exec_driver_sql("SELECT full_name FROM members")]
        birthdays = [r[0] for r in conn.exec_driver_sql("SELECT birthday FROM members")]
        numbers = [r[0] for r in conn.exec_driver_sql("SELECT number FROM cards")]
        phones = [r[0] for r in conn.exec_driver_sql("SELECT phone FROM members")]
    assert {s for _, s in states} == {s.value for s in CardState}
    assert {k for k, _ in states} == {k.value for k in CardKind}
    per_member = sum(n for (k, _), n in states.items() if k == "personal") / len(names)
    assert 1.2 <= per_member <= 1.4
    assert any(re.search("[ієїґ]", n) for n in names), "no Ukrainian names"
    assert any(re.search("[ыэъё]", n) for n in names), "no Russian names"
    assert any(b.endswith("-02-29") for b in birthdays)
    assert {b[5:7] for b in birthdays} == {f"{m:02d}" for m in range(1, 13)}
    assert all(n.startswith(demo_data.DEMO_PREFIX) and len(n) == 13 for n in numbers)
    assert all(demo_data.luhn_digit(n[:-1]) == n[-1] for n in numbers)
    assert any(p.startswith("380") for p in phones) and any(p.startswith("79") for p in phones)


def test_demo_data_is_deterministic(tmp_path: Path) -> None:
    digests = []
    for name in ("a", "b"):
        with Database.open(tmp_path / f"{name}.sqlite3") as db:
            with db.write() as conn:
                demo_data.fill(conn, 300, seed=7)
            with db.read() as conn:
                rows = [
                    *conn.exec_driver_sql("SELECT * FROM members ORDER BY id"),
                    *conn.exec_driver_sql("SELECT * FROM cards ORDER BY id"),
                ]
        digests.append(hashlib.sha256(repr(rows).encode()).hexdigest())
    assert digests[0] == digests[1]
