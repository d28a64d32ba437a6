"""Registering a new club member at the till: a supervisor, a card the club does not
know yet, the member's consent to the processing of their personal data (required) and,
separately, to marketing (optional).

Everything happens in one transaction: the member and their card go into the cache (so
the member can check out at once, offline too), and a ``member_register`` operation
carries the member, the consents and the card to the office. The ids come from this
till's own block (terminal.store.local_ids); the office takes them as they are.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date

from terminal.loyalty import CardKind, CardState
from terminal.loyalty.id_blocks import block_of
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey, club_card
from terminal.services.ports import Reads, Writes
from terminal.services.roles import Role
from terminal.services.unit import Unit
from terminal.store.normalize import normalize_phone
from terminal.store.records import NewOperation
from terminal.store.registration_rows import REGISTER_KIND

log = logging.getLogger(__name__)

KIND = REGISTER_KIND
MAX_NAME = 200
_DATE_DMY = re.compile(r"(\d{1,2})[./\-](\d{1,2})[./\-](\d{4})")


@dataclass(frozen=True, slots=True)
class Registered:
    """A member registered at this till: the ids this till gave, and the operation."""

    member_id: int
    card_id: int
    operation_id: str
    seq: int

    @property
    def card(self) -> CardKey:
        return CardKey(card_id=self.card_id)


def parse_birthday(text: str, today: date) -> date | None:
    """A birthday as typed: DD.MM.YYYY (or with / or -), or YYYY-MM-DD; empty: none."""
    t = text.strip()
    if not t:
        return None
    try:
        m = _DATE_DMY.fullmatch(t)
        value = (
            date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if m is not None
            else date.fromisoformat(t)
        )
    except ValueError:
        raise ServiceError("bad_birthday", text=t) from None
    if value > today or value.year < today.year - 130:
        raise ServiceError("bad_birthday", text=t)
    return value


def _terminal_id(tx: Reads) -> int:
    """The till's terminal id at the office. A till not enrolled has no id block: what
    it registered could never be taken by the office (no terminal has its ids)."""
    text = tx.sync.terminal_id()
    if text is None:
        raise ServiceError("register_not_enrolled")
    return int(text)


def _next_ids(tx: Writes, terminal_id: int) -> tuple[int, int]:
    """The next member and card ids of the block. Past registrations count too: a member
    the office has deleted since (and the cache forgot) keeps its id at the office."""
    member_id, card_id = tx.registrations.next_free_ids(terminal_id)
    low, high = block_of(terminal_id)
    top_member, top_card = tx.registrations.registered_max()
    if top_member is not None and low <= top_member <= high:
        member_id = max(member_id, top_member + 1)
    if top_card is not None and low <= top_card <= high:
        card_id = max(card_id, top_card + 1)
    if member_id > high or card_id > high:
        raise OverflowError(f"terminal {terminal_id} has used every id of its block")
    return member_id, card_id


def _card_of(read: CardKey, unit: Unit) -> tuple[str | None, str | None]:
    """The new card's UID and number: a payment card's number is refused, and so is a
    number that is not one of the club's (``unit.numbers``): only those are registered."""
    read = club_card(read, unit.numbers)
    uid = read.uid.strip().upper() if read.uid else None
    number = read.number.strip() if read.number else None
    if not uid and not number:
        raise ServiceError("register_needs_card")
    return uid or None, number or None


def register_member(
    unit: Unit,
    card_read: CardKey,
    full_name: str,
    address_as: str,
    phone: str,
    birthday: date | None,
    consent_personal_data: bool,
    consent_marketing: bool,
) -> Registered:
    """Register a member with a new personal card (the card read that found no card).

    Refused: a person who is not a supervisor, no consent to personal data, an empty
    name, a phone that is not one, a bank card, a number that is not the club's, a card
    the cache knows already."""
    who = unit.require(Role.SUPERVISOR, "registering a member")
    name = " ".join(full_name.split())
    if not name:
        raise ServiceError("name_missing")
    if len(name) > MAX_NAME:
        raise ServiceError("name_too_long")
    if not consent_personal_data:
        raise ServiceError("consent_missing")
    greeting = " ".join(address_as.split()) or name
    phone_norm = None
    if phone.strip():
        phone_norm = normalize_phone(phone)
        if phone_norm is None:
            raise ServiceError("bad_phone")
    uid, number = _card_of(card_read, unit)
    if birthday is not None and birthday > unit.clock.today():
        raise ServiceError("bad_birthday", text=birthday.isoformat())
    now = unit.clock.now().isoformat()
    with unit.write() as tx:
        if (uid and tx.cards.by_uid(uid)) or (number and tx.cards.by_number(number)):
            raise ServiceError("card_known")
        terminal_id = _terminal_id(tx)
        member_id, card_id = _next_ids(tx, terminal_id)
        member = {
            "id": member_id,
            "full_name": name,
            "address_as": greeting,
            "birthday": None if birthday is None else birthday.isoformat(),
            "phone": phone_norm,
            "consent_personal_data": True,
            "consent_marketing": bool(consent_marketing),
        }
        card = {
            "id": card_id,
            "uid": uid,
            "number": number,
            "kind": CardKind.PERSONAL.value,
            "state": CardState.ACTIVE.value,
        }
        tx.registrations.add_member(
            member_id,
            full_name=name,
            address_as=greeting,
            birthday=birthday,
            phone=phone_norm,
            consent_personal_data=True,
            consent_marketing=bool(consent_marketing),
        )
        tx.registrations.add_card(
            card_id,
            uid=uid,
            number=number,
            kind=CardKind.PERSONAL.value,
            state=CardState.ACTIVE.value,
            member_id=member_id,
        )
        facts = {
            "member": member,
            "consents": {
                "personal_data": {"given": True, "at": now},
                "marketing": {"given": bool(consent_marketing), "at": now},
            },
            "card": card,
            "terminal_id": terminal_id,
        }
        op = NewOperation(
            id=unit.ids(),
            kind=KIND,
            created_at=now,
            card_id=card_id,
            member_id=member_id,
            staff_id=who.id,
            facts=json.dumps(facts, sort_keys=True, ensure_ascii=False),
        )
        seq = tx.ledger.record(op)
        tx.ledger.audit(
            now,
            KIND,
            staff_id=who.id,
            target=f"member:{member_id}",
            details={
                "op": op.id,
                "card": card_id,
                "consent_marketing": bool(consent_marketing),
            },
        )
        tx.commit()
    log.info("member %s registered with card %s (operation %s)", member_id, card_id, seq)
    return Registered(member_id, card_id, op.id, seq)
