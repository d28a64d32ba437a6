"""The card type from a contactless card's ATR, as PC/SC readers build it (PC/SC part 3,
supplement for contactless storage cards); anything else is "UID only"."""

from __future__ import annotations

from drivers.events import CardType

# 3B 8F 80 01 80 4F 0C A0 00 00 03 06 <standard> <card name: 2 bytes> 00 00 00 00 <TCK>
_STORAGE_PREFIX = bytes.fromhex("3B8F8001804F0CA000000306")
_NAMES: dict[bytes, CardType] = {
    bytes.fromhex("0001"): CardType.MIFARE_CLASSIC_1K,
    bytes.fromhex("0002"): CardType.MIFARE_CLASSIC_4K,
    bytes.fromhex("0003"): CardType.ULTRALIGHT_NTAG,
    bytes.fromhex("0026"): CardType.MIFARE_MINI,
    bytes.fromhex("003A"): CardType.ULTRALIGHT_NTAG,  # Ultralight C
    bytes.fromhex("003D"): CardType.ULTRALIGHT_NTAG,  # Ultralight EV1 / NTAG
}


def card_type_from_atr(atr: bytes) -> CardType:
    if len(atr) >= 15 and atr.startswith(_STORAGE_PREFIX):
        return _NAMES.get(atr[13:15], CardType.UID_ONLY)
    # A contactless processor card (ISO 14443-4): 3B 8n 80 01 <historical bytes> TCK
    if len(atr) >= 5 and atr[0] == 0x3B and atr[1] & 0xF0 == 0x80 and atr[2:4] == b"\x80\x01":
        return CardType.ISO14443_4
    return CardType.UID_ONLY


def is_storage_card(card_type: CardType) -> bool:
    return card_type in (
        CardType.MIFARE_CLASSIC_1K,
        CardType.MIFARE_CLASSIC_4K,
        CardType.MIFARE_MINI,
        CardType.ULTRALIGHT_NTAG,
    )


def storage_atr(card_type: CardType) -> bytes:
    """The ATR a PC/SC reader builds for a storage card of ``card_type`` (virtual cards)."""
    name = {v: k for k, v in _NAMES.items()}[card_type]
    body = _STORAGE_PREFIX[1:] + bytes([0x03]) + name + bytes(4)
    tck = 0
    for b in body:
        tck ^= b
    return _STORAGE_PREFIX[:1] + body + bytes([tck])


def iso14443_4_atr(historical: bytes) -> bytes:
    """The ATR a PC/SC reader builds for a processor card with these historical bytes."""
    body = bytes([0x80 | len(historical), 0x80, 0x01]) + historical
    tck = 0
    for b in body:
        tck ^= b
    return b"\x3b" + body + bytes([tck])
