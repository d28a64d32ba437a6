"""Reading a contactless card through a transmit function: the virtual cards answer
directly (no pcscd), and Hypothesis plays a card that answers anything at all."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paymentkit import SAMPLES, ids

from common.cardnumbers import CardNumberRules
from drivers import apdu
from drivers.atr import card_type_from_atr, iso14443_4_atr, storage_atr
from drivers.config import BlockEncoding, KeyType, NumberSource, PcscConfig, demo_rules
from drivers.contactless import CardGone, Outcome, read_card
from drivers.events import CardType, ReadProblem
from drivers.virtual.cards import (
    BankCard,
    MifareClassicCard,
    VirtualCard,
    mifare_with_number,
    ntag_with_number,
)

OURS = "2990000000018"
UID = bytes.fromhex("04A1B2C3")
RULES = demo_rules()
UID_CFG = PcscConfig()
BLOCK_CFG = PcscConfig(number_source=NumberSource.MIFARE_BLOCK, block=5)
NDEF_CFG = PcscConfig(number_source=NumberSource.NDEF_TEXT)


def read(card: VirtualCard, cfg: PcscConfig):  # type: ignore[no-untyped-def]
    return read_card(card.atr, card.answer, cfg, RULES)


def test_uid() -> None:
    r = read(VirtualCard(UID), UID_CFG)
    assert r.outcome is Outcome.PRESENTED and r.uid == "04A1B2C3" and r.number is None
    assert r.card_type is CardType.MIFARE_CLASSIC_1K


def test_mifare_block_number() -> None:
    r = read(mifare_with_number(UID, OURS, block=5), BLOCK_CFG)
    assert r.outcome is Outcome.PRESENTED and r.number == OURS and r.uid == "04A1B2C3"


def test_mifare_key_b() -> None:
    key = bytes.fromhex("A0A1A2A3A4A5")
    card = mifare_with_number(UID, OURS, block=5, key=key, key_type="B")
    cfg = replace(BLOCK_CFG, mifare_key=key.hex(), key_type=KeyType.B)
    assert read(card, cfg).number == OURS
    assert read(card, replace(cfg, key_type=KeyType.A)).problem is ReadProblem.UNREADABLE


def test_mifare_bcd_block() -> None:
    card = MifareClassicCard(UID, blocks={5: bytes.fromhex("2990000000018F").ljust(16, b"\xff")})
    cfg = replace(BLOCK_CFG, block_encoding=BlockEncoding.BCD)
    assert read(card, cfg).number == OURS


def test_wrong_key_is_unreadable() -> None:
    card = mifare_with_number(UID, OURS, block=5, key=bytes.fromhex("010203040506"))
    r = read(card, BLOCK_CFG)
    assert r.outcome is Outcome.FAILED and r.problem is ReadProblem.UNREADABLE


def test_ndef_text_number() -> None:
    r = read(ntag_with_number(UID, OURS), NDEF_CFG)
    assert r.outcome is Outcome.PRESENTED and r.number == OURS
    assert r.card_type is CardType.ULTRALIGHT_NTAG


def test_long_ndef_record_spans_reads() -> None:
    card = ntag_with_number(UID, OURS)
    padded = b"\x00" * 20 + card.memory  # NULL TLVs before the message
    assert read(replace(card, memory=padded), NDEF_CFG).number == OURS


def test_source_not_applicable_falls_back_to_uid() -> None:
    r = read(VirtualCard(UID, atr=iso14443_4_atr(b"\x01\x02")), BLOCK_CFG)
    assert r.outcome is Outcome.PRESENTED and r.card_type is CardType.UID_ONLY and r.uid


def test_bank_card_refused_with_no_data() -> None:
    for cfg in (UID_CFG, BLOCK_CFG, NDEF_CFG):
        r = read(BankCard(UID), cfg)
        assert r.outcome is Outcome.BANK and r.uid is None and r.number is None


def test_bank_number_stored_on_a_loyalty_card_is_refused() -> None:
    r = read(mifare_with_number(UID, "4111111111111111", block=5), BLOCK_CFG)
    assert r.outcome is Outcome.BANK and r.number is None


def test_foreign_number() -> None:
    r = read(mifare_with_number(UID, "1234567", block=5), BLOCK_CFG)
    assert r.problem is ReadProblem.NOT_OURS and r.number is None


def test_card_gone_propagates() -> None:
    def transmit(command: bytes) -> bytes:
        raise CardGone("removed")

    with pytest.raises(CardGone):
        read_card(storage_atr(CardType.MIFARE_CLASSIC_1K), transmit, UID_CFG, RULES)


def test_atr_classification() -> None:
    assert card_type_from_atr(storage_atr(CardType.MIFARE_CLASSIC_4K)) is CardType.MIFARE_CLASSIC_4K
    assert card_type_from_atr(b"") is CardType.UID_ONLY
    assert card_type_from_atr(bytes.fromhex("3B00")) is CardType.UID_ONLY
    assert card_type_from_atr(iso14443_4_atr(b"\x80")) is CardType.ISO14443_4


def test_ndef_decoder() -> None:
    memory = apdu.ndef_text_record("ABC", lang="ru")
    message = apdu.ndef_message(memory)
    assert message is not None and apdu.ndef_text(message) == "ABC"


# -- a card that answers anything --------------------------------------------------

answers = st.one_of(
    st.binary(max_size=40),
    st.builds(lambda b: b + b"\x90\x00", st.binary(max_size=40)),
    st.just(b"\x90\x00"),
    st.just(apdu.ndef_text_record(OURS)[:16] + b"\x90\x00"),
)


@settings(max_examples=300)
@given(
    st.sampled_from(
        [
            storage_atr(CardType.MIFARE_CLASSIC_1K),
            storage_atr(CardType.ULTRALIGHT_NTAG),
            iso14443_4_atr(b"\x80\x73"),
            b"",
            b"\x3b",
        ]
    ),
    st.lists(answers, min_size=20, max_size=20),
    st.sampled_from([UID_CFG, BLOCK_CFG, NDEF_CFG]),
)
def test_any_answers_end_in_a_result(atr: bytes, script: list[bytes], cfg: PcscConfig) -> None:
    replies = iter(script)

    def transmit(command: bytes) -> bytes:
        return next(replies, b"\x6a\x82")

    r = read_card(atr, transmit, cfg, RULES)
    if r.number is not None:
        assert r.outcome is Outcome.PRESENTED and RULES.matches(r.number)
    if r.outcome is not Outcome.PRESENTED:
        assert r.number is None and r.uid is None


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_every_scheme_stored_on_a_storage_card_is_refused(scheme: str, pan: str) -> None:
    """A payment card's number written into a MIFARE block or an NDEF text: refused
    under the demo's patterns and under patterns that take any number."""
    for rules in (RULES, CardNumberRules()):
        stored = [(mifare_with_number(UID, pan, block=5), BLOCK_CFG)]
        stored.append((ntag_with_number(UID, pan), NDEF_CFG))
        for card, cfg in stored:
            r = read_card(card.atr, card.answer, cfg, rules)
            assert r.outcome is Outcome.BANK and r.number is None and r.uid is None
