"""Seeding an office from a till's cache through a seed file: `loyalty-terminal
export-seed FILE` writes the protocol's rows, `python -m office import-seed FILE` loads
them, on SQLite and on the real PostgreSQL; a file cut short, of another version or for
an office that has members already imports nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pg
import pytest
from sqlalchemy import Table, func, select

from office.__main__ import main as office_main
from office.db import OfficeDB
from office.models import cards, changes, gifts, members, programs
from office.seed import SeedError, import_seed
from sync.protocol import CARD_FIELDS, MEMBER_FIELDS
from terminal.cli.main import main as till_main
from terminal.store.database import Database


def _count(db: OfficeDB, table: Table) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _cache_count(path: Path, table: str) -> int:
    with Database.open(path) as cache, cache.read() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def test_export_then_import_carries_every_row_as_the_feed_would(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed, office = tmp_path / "seed.jsonl", tmp_path / "office.sqlite3"
    assert till_main(["--db", str(demo_file), "export-seed", str(seed)]) == 0
    n_members, n_cards = _cache_count(demo_file, "members"), _cache_count(demo_file, "cards")
    assert f"{n_members} members, {n_cards} cards, 4 gifts" in capsys.readouterr().out
    assert office_main(["--db", str(office), "import-seed", str(seed)]) == 0
    assert f"{n_members} members, {n_cards} cards" in capsys.readouterr().out

    lines = [json.loads(line) for line in seed.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["fields"]["member"] == list(MEMBER_FIELDS)
    assert lines[-1] == [
        "end",
        {"program": 1, "gift": 4, "staff": 2, "member": n_members, "card": n_cards},
    ]
    first_member = next(data for kind, data in lines[1:-1] if kind == "member")
    db = OfficeDB.open(str(office))
    try:
        assert (_count(db, members), _count(db, cards)) == (n_members, n_cards)
        assert (_count(db, gifts), _count(db, programs)) == (4, 1)
        with db.read() as conn:
            row = conn.execute(
                select(*[members.c[n] for n in MEMBER_FIELDS], members.c.seq).where(
                    members.c.id == first_member[0]
                )
            ).one()
            entities = conn.execute(select(changes.c.entity)).scalars().all()
            card = conn.execute(select(*[cards.c[n] for n in CARD_FIELDS])).first()
        assert [*row] == [*first_member, 0]  # the wire's values; no change of its own
        assert isinstance(row.priority_service, bool) and isinstance(row.birthday, str)
        # members come by snapshot; the demo's two staff are published (and in the meta)
        assert sorted(entities) == ["gift"] * 4 + ["program"] + ["staff"] * 2
        assert card is not None and len(card) == len(CARD_FIELDS)
    finally:
        db.close()


def test_a_seed_loads_the_same_on_postgresql(pg_url: str, demo_seed: Path) -> None:
    pg.reset(pg_url)
    db = OfficeDB.open(pg_url)
    try:
        seeded = import_seed(db, demo_seed)
        assert seeded.members == _count(db, members) > 0
        assert seeded.cards == _count(db, cards) > seeded.members
        with db.read() as conn:
            flags = conn.execute(select(members.c.consent_marketing).limit(5)).scalars().all()
        assert {type(f) for f in flags} == {bool}
    finally:
        db.close()


def _office(tmp_path: Path) -> OfficeDB:
    return OfficeDB.open(str(tmp_path / "office.sqlite3"))


Edit = Callable[[list[str]], list[str]]
_WRONG_END = '["end",{"program":1,"gift":4,"member":1,"card":1}]'


def _header(old: str, new: str) -> Edit:
    return lambda lines: [lines[0].replace(old, new, 1), *lines[1:]]


def _second(line: str) -> Edit:
    return lambda lines: [lines[0], line, *lines[1:]]


BAD_SEEDS: dict[str, tuple[Edit, str]] = {
    "cut": (lambda lines: lines[:-1], "cut short"),
    "counts": (lambda lines: [*lines[:-1], _WRONG_END], "counts"),
    "after-end": (lambda lines: [*lines, lines[-1]], "after the end line"),
    "version": (_header('"version":1', '"version":2'), "version 2"),
    "fields": (_header('"uid",', ""), "not this office's"),
    "header": (lambda lines: ['{"hello": 1}', *lines[1:]], "not a seed file"),
    "row": (_second('["member",[1,2]]'), ":2: a member row has 15"),
    "json": (_second("[not json"), ":2: not a JSON line"),
    "entity": (_second('["planet",[]]'), "unknown entity 'planet'"),
}


@pytest.mark.parametrize("case", list(BAD_SEEDS))
def test_a_bad_seed_imports_nothing(demo_seed: Path, tmp_path: Path, case: str) -> None:
    edit, message = BAD_SEEDS[case]
    lines = demo_seed.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    db = _office(tmp_path)
    try:
        with pytest.raises(SeedError, match=message):
            import_seed(db, bad)
        assert (_count(db, members), _count(db, cards), _count(db, changes)) == (0, 0, 0)
    finally:
        db.close()


def test_a_seed_fills_an_empty_office_only(
    demo_seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _office(tmp_path)
    try:
        first = import_seed(db, demo_seed)
        with db.read() as conn:
            head = conn.execute(select(func.max(changes.c.seq))).scalar_one()
    finally:
        db.close()
    office = str(tmp_path / "office.sqlite3")
    assert office_main(["--db", office, "import-seed", str(demo_seed)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"already has {first.members} members" in err
    db = _office(tmp_path)
    try:
        assert _count(db, members) == first.members
        with db.read() as conn:
            assert conn.execute(select(func.max(changes.c.seq))).scalar_one() == head
    finally:
        db.close()


def test_a_cache_without_a_program_seeds_the_limits_in_the_feed(tmp_path: Path) -> None:
    cache, seed = tmp_path / "empty.sqlite3", tmp_path / "seed.jsonl"
    Database.open(cache).close()
    assert till_main(["--db", str(cache), "export-seed", str(seed)]) == 0
    db = _office(tmp_path)
    try:
        seeded = import_seed(db, seed)
        assert (seeded.program, seeded.members) == (0, 0)
        with db.read() as conn:
            assert conn.execute(select(changes.c.entity)).scalars().all() == ["limits"]
    finally:
        db.close()


def test_a_seed_with_a_payment_card_imports_nothing(demo_file: Path, tmp_path: Path) -> None:
    seed, office = tmp_path / "seed.jsonl", tmp_path / "office.sqlite3"
    assert till_main(["--db", str(demo_file), "export-seed", str(seed)]) == 0
    lines = seed.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith('["card"'))
    kind, row = json.loads(lines[at])
    row[CARD_FIELDS.index("number")] = "4111111111111111"
    lines[at] = json.dumps([kind, row])
    seed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = OfficeDB.open(str(office))
    try:
        with pytest.raises(SeedError, match="payment card"):
            import_seed(db, seed)
        assert _count(db, members) == _count(db, cards) == 0
    finally:
        db.close()
