"""Changing members, cards, the program, gifts and limits at the office: each change
is written and published in the feed in the same transaction (call inside write())."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from office.db import emit
from office.models import cards, gifts, members, program_versions, programs, settings
from sync.protocol import CARD_FIELDS, GIFT_FIELDS, MEMBER_FIELDS, Entity, OfflineLimits
from terminal.loyalty.names import checked_names

_MEMBER_COLS = [members.c[name] for name in MEMBER_FIELDS]
_CARD_COLS = [cards.c[name] for name in CARD_FIELDS]
LIMITS_KEY = "limits"


def member_wire(row: Any) -> list[Any]:
    """A member as the feed and the snapshot send it: MEMBER_FIELDS, in order."""
    return [
        bool(v) if name in ("priority_service", "consent_personal_data", "consent_marketing") else v
        for name, v in zip(MEMBER_FIELDS, row, strict=True)
    ]


def card_wire(row: Any) -> list[Any]:
    return list(row)


_MEMBER_ROW = select(*_MEMBER_COLS, members.c.deleted, members.c.seq).where(
    members.c.id == bindparam("mid")
)


def member_row(conn: Connection, member_id: int) -> dict[str, Any] | None:
    row = conn.execute(_MEMBER_ROW, {"mid": member_id}).first()
    return None if row is None else dict(row._mapping)


def publish_member(conn: Connection, at: str, member_id: int) -> int:
    """Emit the member's current state (or its deletion); stores and returns the seq."""
    row = member_row(conn, member_id)
    if row is None or row["deleted"]:
        seq = emit(conn, at, Entity.MEMBER, member_id, None)
    else:
        seq = emit(conn, at, Entity.MEMBER, member_id, member_wire(row[n] for n in MEMBER_FIELDS))
    conn.execute(update(members).where(members.c.id == member_id).values(seq=seq))
    return seq


def publish_card(conn: Connection, at: str, card_id: int) -> int:
    row = conn.execute(select(*_CARD_COLS, cards.c.deleted).where(cards.c.id == card_id)).first()
    if row is None or row.deleted:
        return emit(conn, at, Entity.CARD, card_id, None)
    return emit(conn, at, Entity.CARD, card_id, card_wire(row[: len(CARD_FIELDS)]))


def upsert_member(conn: Connection, at: str, data: Mapping[str, Any]) -> int:
    """Create or update a member from MEMBER_FIELDS values (missing: defaults)."""
    values = {k: v for k, v in data.items() if k in MEMBER_FIELDS}
    member_id = int(values["id"])
    if member_row(conn, member_id) is None:
        conn.execute(insert(members), [{**values, "deleted": False, "overdrawn": False}])
    else:
        conn.execute(
            update(members).where(members.c.id == member_id).values(**values, deleted=False)
        )
    return publish_member(conn, at, member_id)


def delete_member(conn: Connection, at: str, member_id: int) -> None:
    """Delete (anonymise) a member: personal data wiped, cards detached and blocked, the
    deletion published so that every terminal drops the member from its cache."""
    for (card_id,) in conn.execute(select(cards.c.id).where(cards.c.member_id == member_id)):
        conn.execute(
            update(cards).where(cards.c.id == card_id).values(member_id=None, state="blocked")
        )
        publish_card(conn, at, card_id)
    conn.execute(
        update(members)
        .where(members.c.id == member_id)
        .values(
            full_name="",
            address_as="",
            birthday=None,
            phone=None,
            personal_manager=None,
            deleted=True,
        )
    )
    publish_member(conn, at, member_id)


def upsert_card(conn: Connection, at: str, data: Mapping[str, Any]) -> int:
    values = {k: v for k, v in data.items() if k in CARD_FIELDS}
    card_id = int(values["id"])
    exists = conn.execute(select(cards.c.id).where(cards.c.id == card_id)).first()
    if exists is None:
        conn.execute(insert(cards), [{**values, "deleted": False}])
    else:
        conn.execute(update(cards).where(cards.c.id == card_id).values(**values, deleted=False))
    return publish_card(conn, at, card_id)


def delete_card(conn: Connection, at: str, card_id: int) -> None:
    conn.execute(update(cards).where(cards.c.id == card_id).values(deleted=True))
    publish_card(conn, at, card_id)


def set_program(
    conn: Connection,
    at: str,
    code: str,
    version: int,
    body: dict[str, Any],
    effective_at: str | None = None,
) -> int:
    """Make ``body`` (Program.to_dict()) the one active program, and keep it among the
    published versions (an offline till may name it later: office.checks_purchase);
    ``effective_at``: the date it was saved to take effect (office/program_schedule.py)."""
    conn.execute(delete(programs))
    text = json.dumps(body, sort_keys=True, ensure_ascii=False)
    conn.execute(insert(programs), [{"code": code, "version": version, "body": text}])
    key = (program_versions.c.code == code) & (program_versions.c.version == version)
    if conn.execute(select(program_versions.c.code).where(key)).first() is None:
        conn.execute(
            insert(program_versions),
            [
                {
                    "code": code,
                    "version": version,
                    "body": text,
                    "published_at": at,
                    "effective_at": effective_at,
                }
            ],
        )
    else:
        conn.execute(
            update(program_versions)
            .where(key)
            .values(body=text, published_at=at, effective_at=effective_at)
        )
    return emit(conn, at, Entity.PROGRAM, code, {"code": code, "version": version, "body": body})


def gift_names(value: object) -> str | None:
    """A gift's names as the office keeps and sends them (canonical JSON text), from an
    admin's mapping or a seed file's text. Raises ValueError saying what is wrong."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise ValueError("names: not a JSON object") from None
    if not isinstance(value, Mapping):
        raise ValueError("names: must be an object of ru, uk, en names")
    checked = checked_names(value)
    return None if checked is None else json.dumps(checked, ensure_ascii=False, sort_keys=True)


def upsert_gift(conn: Connection, at: str, data: Mapping[str, Any]) -> int:
    values = {k: data[k] for k in GIFT_FIELDS if k in data}
    if "names" in values:
        values["names"] = gift_names(values["names"])
    exists = conn.execute(select(gifts.c.code).where(gifts.c.code == values["code"])).first()
    if exists is None:
        conn.execute(insert(gifts), [values])
    else:
        conn.execute(update(gifts).where(gifts.c.code == values["code"]).values(**values))
    row = conn.execute(
        select(*[gifts.c[n] for n in GIFT_FIELDS]).where(gifts.c.code == values["code"])
    ).one()
    return emit(conn, at, Entity.GIFT, values["code"], [*row[:4], bool(row[4]), row[5]])


def set_limits(conn: Connection, at: str, limits: OfflineLimits) -> int:
    text = json.dumps(limits.to_dict(), sort_keys=True)
    if conn.execute(select(settings.c.key).where(settings.c.key == LIMITS_KEY)).first() is None:
        conn.execute(insert(settings), [{"key": LIMITS_KEY, "value": text}])
    else:
        conn.execute(update(settings).where(settings.c.key == LIMITS_KEY).values(value=text))
    return emit(conn, at, Entity.LIMITS, "terminal", limits.to_dict())


def get_limits(conn: Connection) -> OfflineLimits:
    text = conn.execute(select(settings.c.value).where(settings.c.key == LIMITS_KEY)).scalar()
    return OfflineLimits() if text is None else OfflineLimits.from_dict(json.loads(text))
