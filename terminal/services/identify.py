"""Identify a card: who is this, what may they do, what will the cashier see.

The balance shown is the office's last balance plus this terminal's operations on the
member that the office has not acknowledged yet (docs/sync-rules.md); spend and purchase counts are
derived the same way, so tiers and progressive discounts move at once, offline too. So is
the year of the last birthday gift: a sync that rewrites the member row before the office
has seen this terminal's gift cannot make the gift due again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from common.cardnumbers import CardNumberRules, NumberClass, classify
from terminal.loyalty import (
    CardKind,
    CardState,
    CardTerms,
    MemberState,
    Money,
    Program,
    Tier,
    TierProgress,
    birthday_gift_available,
    decide_discount,
    in_birthday_window,
    member_spend,
    tier_for,
    tier_progress,
)
from terminal.services.errors import ServiceError, UnknownCard
from terminal.services.ports import Reads
from terminal.services.unit import Unit
from terminal.store.normalize import normalize_phone
from terminal.store.records import CardRecord, MemberRecord, PendingTotals

CENTI = Decimal("0.01")
_SAMPLE_AMOUNT = Money.of(100)


@dataclass(frozen=True, slots=True)
class CardKey:
    """How a card was presented: its contactless UID and/or its number; or, once it has
    been identified, the cache's card id."""

    uid: str | None = None
    number: str | None = None
    card_id: int | None = None

    def __post_init__(self) -> None:
        if not self.uid and not self.number and self.card_id is None:
            raise ValueError("a card key needs a UID, a number or a card id")


@dataclass(frozen=True, slots=True)
class MemberInfo:
    id: int
    full_name: str
    address_as: str
    birthday: date | None
    phone: str | None
    segment: str | None
    personal_manager: str | None
    priority_service: bool


@dataclass(frozen=True, slots=True)
class MemberView:
    """Everything the cashier sees after a card is read (no Qt, no SQL)."""

    card_id: int
    card_number: str | None
    card_kind: CardKind
    card_state: CardState
    terms: CardTerms
    replaced_by: int | None
    member: MemberInfo | None  # None for a bearer card
    state: MemberState
    office_balance: Decimal
    pending_points: Decimal
    pending_operations: int
    tier: Tier | None
    progress: TierProgress | None
    birthday_window: bool
    gift_available: bool
    synced_at: str | None
    discount_pct: Decimal = Decimal(0)  # what the rules give on a purchase now

    @property
    def balance(self) -> Decimal:
        return self.state.points_balance

    @property
    def usable(self) -> bool:
        return self.card_state is CardState.ACTIVE


def points_from_centi(centi: int) -> Decimal:
    return (Decimal(centi) * CENTI).quantize(CENTI)


def centi_from_points(points: Decimal) -> int:
    return int((points / CENTI).to_integral_exact())


def pending_gift_year(tx: Reads, member_id: int) -> int | None:
    """The latest birthday year of this terminal's gifts to the member that the office
    has not acknowledged yet (None: none waiting)."""
    return tx.gifts.pending_birthday_year(member_id)


def member_state(
    member: MemberRecord | None, pending: PendingTotals, gift_year: int | None = None
) -> MemberState:
    """The office's figures plus this terminal's pending operations (``gift_year``: the
    latest birthday gift among them)."""
    if member is None:
        return MemberState.new()
    years = [y for y in (member.last_gift_year, gift_year) if y is not None]
    return MemberState(
        lifetime_spend=Money.from_minor(member.lifetime_spend_minor + pending.spend_delta_minor),
        window_spend=Money.from_minor(member.window_spend_minor + pending.spend_delta_minor),
        purchases=member.purchases + pending.purchases_delta,
        points_balance=points_from_centi(member.balance_centi + pending.points_delta_centi),
        birthday=member.birthday,
        last_birthday_gift_year=max(years) if years else None,
    )


def card_terms(card: CardRecord) -> CardTerms:
    return CardTerms(
        kind=CardKind(card.kind),
        state=CardState(card.state),
        fixed_discount_pct=(Decimal(card.fixed_discount_bp) * CENTI).quantize(CENTI),
    )


def club_card(key: CardKey, numbers: CardNumberRules) -> CardKey:
    """``key`` as the club may use it: a number in a payment scheme's ranges is refused
    (``bank_card_refused``: never looked up, kept, logged or sent) and so is one that
    matches none of the program's ``numbers`` (``not_club_card``), unless the key has a
    UID too (digits that are valid hex): then the UID alone is kept. A key without a
    number (a UID, a cache id) passes unchanged."""
    if not key.number:
        return key
    match classify(key.number, numbers):
        case NumberClass.BANK:
            raise ServiceError("bank_card_refused")
        case NumberClass.OURS:
            return key
        case NumberClass.FOREIGN:
            if key.uid or key.card_id is not None:
                return CardKey(uid=key.uid, card_id=key.card_id)
            raise ServiceError("not_club_card")


def find_card(tx: Reads, key: CardKey) -> CardRecord:
    card = None
    if key.card_id is not None:
        card = tx.cards.by_id(key.card_id)
    if card is None and key.uid:
        card = tx.cards.by_uid(key.uid)
    if card is None and key.number:
        card = tx.cards.by_number(key.number)
    if card is None:
        raise UnknownCard()
    return card


def view_of(tx: Reads, program: Program, card: CardRecord, today: date) -> MemberView:
    member = None if card.member_id is None else tx.members.by_id(card.member_id)
    pending = PendingTotals() if member is None else tx.operations.pending_totals(member.id)
    gift_year = None if member is None else pending_gift_year(tx, member.id)
    state = member_state(member, pending, gift_year)
    terms = card_terms(card)
    personal = member is not None and terms.kind is CardKind.PERSONAL
    progress = tier_progress(program, member_spend(program, state)) if personal else None
    tier = progress.current if progress is not None else tier_for(program, Money.zero())
    # The percentage the program's rules give now (best of / stacked, capped): a quote
    # of any amount applies it; 100.00 keeps the rounding of the money out of it.
    discount = decide_discount(program, terms, state, tier, _SAMPLE_AMOUNT).pct
    window = False
    if personal and program.birthday is not None:
        rule = program.birthday
        window = in_birthday_window(state.birthday, today, rule.days_before, rule.days_after)
    return MemberView(
        card_id=card.id,
        card_number=card.number,
        card_kind=terms.kind,
        card_state=terms.state,
        terms=terms,
        replaced_by=card.replaced_by,
        member=None if member is None else _info(member),
        state=state,
        office_balance=points_from_centi(member.balance_centi if member else 0),
        pending_points=points_from_centi(pending.points_delta_centi),
        pending_operations=pending.operations,
        tier=None if progress is None else progress.current,
        progress=progress,
        birthday_window=window,
        gift_available=personal and birthday_gift_available(program, state, today),
        synced_at=None if member is None else member.synced_at,
        discount_pct=discount,
    )


def identify(unit: Unit, key: CardKey) -> MemberView:
    """The card presented (by UID, number or id), and what the cashier sees of it. A
    payment card's number is refused before any look-up (``bank_card_refused``), and so
    is a number that is not the club's (``not_club_card``): see ``club_card``."""
    key = club_card(key, unit.numbers)
    program = unit.rules
    with unit.read() as tx:
        return view_of(tx, program, find_card(tx, key), unit.clock.today())


def _info(m: MemberRecord) -> MemberInfo:
    return MemberInfo(
        id=m.id,
        full_name=m.full_name,
        address_as=m.address_as,
        birthday=m.birthday,
        phone=m.phone,
        segment=m.segment,
        personal_manager=m.personal_manager,
        priority_service=m.priority_service,
    )


def member_view(unit: Unit, member_id: int) -> MemberView:
    """The view of a member found by search: through their active card, else any card."""
    program = unit.rules
    with unit.read() as tx:
        cards = tx.cards.of_member(member_id)
        if not cards:
            raise UnknownCard()
        active = [c for c in cards if c.state == CardState.ACTIVE.value]
        return view_of(tx, program, (active or cards)[0], unit.clock.today())


def search(unit: Unit, text: str, limit: int = 20) -> list[MemberInfo]:
    """Manual search as a cashier types it: a phone, a card number or a name prefix."""
    text = text.strip()
    if not text:
        return []
    with unit.read() as tx:
        phone = normalize_phone(text)
        if phone is not None:
            found = tx.members.by_phone(phone)
            if found:
                return [_info(m) for m in found[:limit]]
        if text.isdigit():
            card = tx.cards.by_number(text)
            if card is not None and card.member_id is not None:
                m = tx.members.by_id(card.member_id)
                return [] if m is None else [_info(m)]
            return []
        return [_info(m) for m in tx.members.by_name_prefix(text, limit)]


_HEX = frozenset("0123456789ABCDEF")


def card_key_from_text(text: str) -> CardKey | None:
    """A card as typed or scanned: digits are a number, 4/7/10-byte hex is a UID
    (digits that are also valid hex are tried as both). None: it cannot be a card."""
    t = "".join(text.split()).replace(":", "").upper()
    if not t:
        return None
    uid = t if len(t) in (8, 14, 20) and set(t) <= _HEX else None
    number = t if t.isdigit() and 6 <= len(t) <= 32 else None
    if uid is None and number is None:
        return None
    return CardKey(uid=uid, number=number)
