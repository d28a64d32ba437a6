"""Applying ``member_register``: a member and their card registered at a till.

The till gave both ids from its own block (``sync.protocol.block_of``); an id outside the
pushing till's block is rejected (``id_not_yours``), one the office holds already too
(``id_taken``). The member (balance 0, with the consents) and the card are created and
published in the change feed, so every till gets them.

A card with the same UID or number may exist at the office already (issued there, not yet
in the till's cache). If it is unassigned and not activated, it becomes the member's card
under the till's id: its old id is published as deleted and the card again under the new
id. (Keeping the office's id instead would leave the till's pending operations naming a
card the office does not know, and the till's cache with two rows for one card.) Any other
card with that UID or number is someone's: rejected (``card_taken``).
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from sqlalchemy import Connection, or_, select, update

from common.cardnumbers import is_payment_pan
from office import entities
from office.db import emit
from office.models import cards
from sync.protocol import Entity, OpResult, OpStatus, in_block

log = logging.getLogger(__name__)

_TEXTS = ("full_name", "address_as", "birthday", "phone")
MAX_NAME = 200  # characters of a name or a greeting


def _reject(op: dict[str, Any], code: str, message: str) -> OpResult:
    return OpResult(str(op["id"]), OpStatus.REJECTED, code, message)


def _problem(op: dict[str, Any]) -> str | None:
    """What makes the operation unusable (None: it is well formed)."""
    facts = op.get("facts")
    if not isinstance(facts, dict):
        return "facts must be an object"
    member, card, consents = facts.get("member"), facts.get("card"), facts.get("consents")
    if not isinstance(member, dict) or not isinstance(card, dict):
        return "facts.member and facts.card must be objects"
    if member.get("id") != op.get("member_id") or not isinstance(op.get("member_id"), int):
        return "facts.member.id must be the operation's member_id"
    if card.get("id") != op.get("card_id") or not isinstance(op.get("card_id"), int):
        return "facts.card.id must be the operation's card_id"
    name = member.get("full_name")
    if not isinstance(name, str) or not name.strip():
        return "facts.member.full_name is empty"
    for key in _TEXTS:
        if member.get(key) is not None and not isinstance(member.get(key), str):
            return f"facts.member.{key} must be a string"
    for key in ("full_name", "address_as"):
        if isinstance(member.get(key), str) and len(member[key]) > MAX_NAME:
            return f"facts.member.{key} is longer than {MAX_NAME} characters"
    phone = member.get("phone")
    if isinstance(phone, str) and len(phone) > 16:  # the office's column
        return "facts.member.phone is longer than 16 digits"
    if isinstance(phone, str) and not phone.isdigit():
        return "facts.member.phone must be digits"
    birthday = member.get("birthday")
    if isinstance(birthday, str):
        try:
            date.fromisoformat(birthday)
        except ValueError:
            return "facts.member.birthday must be a date (YYYY-MM-DD)"
        if len(birthday) != 10:
            return "facts.member.birthday must be a date (YYYY-MM-DD)"
    for key, longest in (("uid", 20), ("number", 32)):  # the office's columns
        value = card.get(key)
        if value is not None and not isinstance(value, str):
            return f"facts.card.{key} must be a string"
        if isinstance(value, str) and len(value) > longest:
            return f"facts.card.{key} is longer than {longest} characters"
    if not card.get("uid") and not card.get("number"):
        return "facts.card needs a uid or a number"
    personal = consents.get("personal_data") if isinstance(consents, dict) else None
    if not isinstance(personal, dict) or personal.get("given") is not True:
        return "no consent to the processing of personal data"
    return None


def apply(conn: Connection, at: str, terminal_id: int, op: dict[str, Any]) -> OpResult:
    problem = _problem(op)
    if problem is not None:
        return _reject(op, "bad_operation", problem)
    facts: dict[str, Any] = op["facts"]
    number_read = facts["card"].get("number")
    if isinstance(number_read, str) and is_payment_pan(number_read):
        return _reject(op, "payment_card", "the card's number is a payment card's")
    member_id, card_id = int(op["member_id"]), int(op["card_id"])
    for what, value in (("member", member_id), ("card", card_id)):
        if not in_block(terminal_id, value):
            return _reject(
                op, "id_not_yours", f"{what} id {value} is not in terminal {terminal_id}'s block"
            )
    if entities.member_row(conn, member_id) is not None:
        return _reject(op, "id_taken", f"member {member_id} exists already")
    if conn.execute(select(cards.c.id).where(cards.c.id == card_id)).first() is not None:
        return _reject(op, "id_taken", f"card {card_id} exists already")
    card: dict[str, Any] = facts["card"]
    uid, number = card.get("uid") or None, card.get("number") or None
    same = [cards.c.uid == uid] if uid else []
    if number:
        same.append(cards.c.number == number)
    found = conn.execute(
        select(
            cards.c.id,
            cards.c.uid,
            cards.c.number,
            cards.c.member_id,
            cards.c.state,
            cards.c.deleted,
        ).where(or_(*same))
    ).all()
    if len(found) > 1 or any(not _linkable(row, uid, number) for row in found):
        return _reject(op, "card_taken", "a card with this UID or number belongs to someone")
    member = facts["member"]
    consents = facts.get("consents") or {}
    marketing = consents.get("marketing") if isinstance(consents, dict) else None
    entities.upsert_member(
        conn,
        at,
        {
            "id": member_id,
            "full_name": member["full_name"].strip(),
            "address_as": (member.get("address_as") or member["full_name"]).strip(),
            "birthday": member.get("birthday"),
            "phone": member.get("phone"),
            "segment": None,
            "personal_manager": None,
            "priority_service": False,
            "consent_personal_data": True,
            "consent_marketing": isinstance(marketing, dict) and marketing.get("given") is True,
            "balance_centi": 0,
            "lifetime_spend_minor": 0,
            "window_spend_minor": 0,
            "purchases": 0,
            "last_gift_year": None,
        },
    )
    values = {"kind": "personal", "state": "active", "member_id": member_id}
    if found:
        old = found[0]
        conn.execute(
            update(cards)
            .where(cards.c.id == old.id)
            .values(id=card_id, uid=old.uid or uid, number=old.number or number, **values)
        )
        emit(conn, at, Entity.CARD, old.id, None)  # tills drop it, then take it anew
        entities.publish_card(conn, at, card_id)
        log.info("card %s linked to member %s as card %s", old.id, member_id, card_id)
    else:
        entities.upsert_card(
            conn,
            at,
            {
                "id": card_id,
                "uid": uid,
                "number": number,
                "fixed_discount_bp": 0,
                "expires": None,
                "replaced_by": None,
                **values,
            },
        )
    row = entities.member_row(conn, member_id)
    assert row is not None
    return OpResult(
        str(op["id"]),
        OpStatus.APPLIED,
        member_id=member_id,
        member_seq=int(row["seq"]),
        balance_centi=0,
        lifetime_spend_minor=0,
        window_spend_minor=0,
        purchases=0,
    )


def _linkable(row: Any, uid: str | None, number: str | None) -> bool:
    """An office card that is nobody's yet and is the same card as the one read."""
    return (
        not row.deleted
        and row.member_id is None
        and row.state == "not_activated"
        and (row.uid is None or uid is None or row.uid == uid)
        and (row.number is None or number is None or row.number == number)
    )
