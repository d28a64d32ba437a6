"""What to make of a contactless card once connected: bank card or ours, UID, number.

Independent of PC/SC: it talks to the card through a ``transmit`` callable, so the same
logic runs against pcscd, a fake, or Hypothesis-generated answers.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from common.errors import AppError
from drivers import apdu
from drivers.atr import card_type_from_atr, is_storage_card
from drivers.cardnumbers import CardNumberRules, NumberClass, classify
from drivers.config import NumberSource, PcscConfig
from drivers.events import CardType, ReadProblem

Transmit = Callable[[bytes], bytes]


class CardGone(AppError):
    """The card left the field (or was reset) during the read."""

    code = "card_gone"

    def __init__(self, message: str) -> None:
        super().__init__(self.code, message)


class CardIoError(AppError):
    """The reader or the card failed to answer."""

    code = "card_io_failed"

    def __init__(self, message: str) -> None:
        super().__init__(self.code, message)


class Outcome(enum.Enum):
    PRESENTED = "presented"
    BANK = "bank"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ContactlessRead:
    outcome: Outcome
    card_type: CardType
    uid: str | None = field(default=None, repr=False)
    number: str | None = field(default=None, repr=False)
    problem: ReadProblem | None = None


def _failed(card_type: CardType, problem: ReadProblem) -> ContactlessRead:
    return ContactlessRead(Outcome.FAILED, card_type, problem=problem)


def read_card(
    atr: bytes, transmit: Transmit, config: PcscConfig, rules: CardNumberRules
) -> ContactlessRead:
    """Classify and read one card. Raises CardGone / CardIoError only from ``transmit``;
    any answer the card gives, however malformed, ends in a result."""
    card_type = card_type_from_atr(atr)
    if not is_storage_card(card_type):
        # Payment cards (and phones' wallets) answer the PPSE; storage cards are not asked.
        if apdu.payment_application_present(transmit(apdu.SELECT_PPSE)):
            return ContactlessRead(Outcome.BANK, card_type)
    answer = transmit(apdu.GET_UID)
    uid_bytes, _ = apdu.split_sw(answer)
    if not apdu.is_ok(answer) or not 4 <= len(uid_bytes) <= 10:
        return _failed(card_type, ReadProblem.UNREADABLE)
    uid = uid_bytes.hex().upper()
    source = config.number_source
    number: str | None = None
    if source is NumberSource.MIFARE_BLOCK and card_type in (
        CardType.MIFARE_CLASSIC_1K,
        CardType.MIFARE_CLASSIC_4K,
        CardType.MIFARE_MINI,
    ):
        number = _mifare_number(transmit, config)
    elif source is NumberSource.NDEF_TEXT and card_type is CardType.ULTRALIGHT_NTAG:
        number = _ndef_number(transmit)
    elif source is not NumberSource.UID:
        return ContactlessRead(Outcome.PRESENTED, CardType.UID_ONLY, uid=uid)
    else:
        return ContactlessRead(Outcome.PRESENTED, card_type, uid=uid)
    if number is None:
        return _failed(card_type, ReadProblem.UNREADABLE)
    match classify(number, rules):
        case NumberClass.BANK:
            return ContactlessRead(Outcome.BANK, card_type)
        case NumberClass.FOREIGN:
            return _failed(card_type, ReadProblem.NOT_OURS)
        case NumberClass.OURS:
            return ContactlessRead(Outcome.PRESENTED, card_type, uid=uid, number=number)


def _mifare_number(transmit: Transmit, config: PcscConfig) -> str | None:
    if not apdu.is_ok(transmit(apdu.load_key(config.key_bytes))):
        return None
    if not apdu.is_ok(transmit(apdu.authenticate(config.block, config.key_type))):
        return None
    answer = transmit(apdu.read_binary(config.block, 16))
    data, _ = apdu.split_sw(answer)
    if not apdu.is_ok(answer) or len(data) != 16:
        return None
    return apdu.decode_block(data, config.block_encoding)


def _ndef_number(transmit: Transmit) -> str | None:
    memory = b""
    for i in range(apdu.NDEF_MAX_READS):
        answer = transmit(apdu.read_binary(apdu.NDEF_FIRST_PAGE + 4 * i, 16))
        data, _ = apdu.split_sw(answer)
        if not apdu.is_ok(answer) or len(data) != 16:
            return None
        memory += data
        message = apdu.ndef_message(memory)
        if message is not None:
            text = apdu.ndef_text(message)
            if text is None:
                return None
            text = text.strip()
            return text if text.isascii() and text.isdigit() else None
    return None
