"""Virtual contactless cards: what a card answers to the APDUs a PC/SC reader passes on.

Each card has an ATR and an ``answer(apdu) -> response`` method. Storage cards answer the
PC/SC pseudo-APDUs (FF CA get UID, FF 82 load key, FF 86 authenticate, FF B0 read); a
bank card answers SELECT PPSE.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drivers import apdu
from drivers.atr import iso14443_4_atr, storage_atr
from drivers.events import CardType

SW_OK = b"\x90\x00"
SW_WRONG_INS = b"\x6d\x00"
SW_NOT_FOUND = b"\x6a\x82"
SW_AUTH_FAILED = b"\x63\x00"
SW_SECURITY = b"\x69\x82"
SW_WRONG_P1P2 = b"\x6b\x00"
# A contactless processor card (ISO 14443-4), as PC/SC builds its ATR.
BANK_ATR = iso14443_4_atr(bytes.fromhex("8073C821C0"))
# SELECT PPSE answer: FCI with one directory entry (a Visa AID)
PPSE_FCI = (
    bytes.fromhex("6F23840E")
    + apdu.PPSE_NAME
    + bytes.fromhex("A511BF0C0E610C4F07A0000000031010870101")
)
DEFAULT_KEY = b"\xff" * 6


@dataclass
class VirtualCard:
    """A card that has a UID and nothing else (an unknown contactless card)."""

    uid: bytes
    atr: bytes = storage_atr(CardType.MIFARE_CLASSIC_1K)

    def answer(self, command: bytes) -> bytes:
        if command[:2] == b"\xff\xca" and len(command) >= 4:
            return self.uid + SW_OK if command[2:4] == b"\x00\x00" else SW_WRONG_P1P2
        return self.answer_other(command)

    def answer_other(self, command: bytes) -> bytes:
        return SW_WRONG_INS


@dataclass
class MifareClassicCard(VirtualCard):
    """MIFARE Classic 1K: 16 sectors of 4 blocks; the last block of a sector holds its
    keys. ``blocks`` maps block number -> 16 bytes; ``keys`` sector -> (key A, key B)."""

    blocks: dict[int, bytes] = field(default_factory=dict)
    keys: dict[int, tuple[bytes, bytes]] = field(default_factory=dict)
    _loaded: dict[int, bytes] = field(default_factory=dict)
    _authenticated: int | None = None  # the sector

    def key_of(self, sector: int, key_type: int) -> bytes:
        a, b = self.keys.get(sector, (DEFAULT_KEY, DEFAULT_KEY))
        return a if key_type == 0x60 else b

    def answer_other(self, command: bytes) -> bytes:
        ins = command[:2]
        if ins == b"\xff\x82" and len(command) == 11:
            self._loaded[command[3]] = command[5:11]
            return SW_OK
        if ins == b"\xff\x86" and len(command) == 10:
            block, key_type, slot = command[7], command[8], command[9]
            sector = block // 4
            if self._loaded.get(slot) == self.key_of(sector, key_type):
                self._authenticated = sector
                return SW_OK
            self._authenticated = None
            return SW_AUTH_FAILED
        if ins == b"\xff\xb0" and len(command) == 5:
            block = command[3]
            if self._authenticated != block // 4:
                return SW_SECURITY
            return self.blocks.get(block, bytes(16)).ljust(16, b"\x00")[:16] + SW_OK
        return SW_WRONG_INS


def mifare_with_number(
    uid: bytes, number: str, block: int = 4, key: bytes = DEFAULT_KEY, key_type: str = "A"
) -> MifareClassicCard:
    """A MIFARE Classic card holding ``number`` as ASCII digits in ``block``."""
    sector = block // 4
    keys = {sector: (key, DEFAULT_KEY) if key_type == "A" else (DEFAULT_KEY, key)}
    data = number.encode("ascii").ljust(16, b"\x00")
    return MifareClassicCard(uid=uid, blocks={block: data}, keys=keys)


@dataclass
class NtagCard(VirtualCard):
    """NTAG21x / Ultralight: 4-byte pages; FF B0 00 <page> 10 reads four pages."""

    atr: bytes = storage_atr(CardType.ULTRALIGHT_NTAG)
    memory: bytes = b""  # from page 4 on

    def answer_other(self, command: bytes) -> bytes:
        if command[:2] == b"\xff\xb0" and len(command) == 5:
            page = command[3]
            if page < 4:
                return bytes(16) + SW_OK
            start = (page - 4) * 4
            return self.memory[start : start + 16].ljust(16, b"\x00") + SW_OK
        return SW_WRONG_INS


def ntag_with_number(uid: bytes, number: str) -> NtagCard:
    return NtagCard(uid=uid, memory=apdu.ndef_text_record(number))


@dataclass
class BankCard(VirtualCard):
    """A contactless payment card: answers SELECT PPSE with its directory."""

    atr: bytes = BANK_ATR

    def answer_other(self, command: bytes) -> bytes:
        if command[:4] == b"\x00\xa4\x04\x00" and apdu.PPSE_NAME in command:
            return PPSE_FCI + SW_OK
        return SW_NOT_FOUND
