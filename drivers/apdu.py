"""APDUs we send to contactless cards (PC/SC pseudo-APDUs for storage cards, the PPSE
select of payment cards) and pure decoders of what comes back."""

from __future__ import annotations

from drivers.config import BlockEncoding, KeyType

GET_UID = bytes.fromhex("FFCA000000")
PPSE_NAME = b"2PAY.SYS.DDF01"
SELECT_PPSE = bytes([0x00, 0xA4, 0x04, 0x00, len(PPSE_NAME)]) + PPSE_NAME + b"\x00"
SW_OK = b"\x90\x00"
NDEF_FIRST_PAGE = 4
NDEF_MAX_READS = 12  # 12 x 16 bytes from page 4: enough for any loyalty number record


def load_key(key: bytes, slot: int = 0) -> bytes:
    return bytes([0xFF, 0x82, 0x00, slot, len(key)]) + key


def authenticate(block: int, key_type: KeyType, slot: int = 0) -> bytes:
    kt = 0x60 if key_type is KeyType.A else 0x61
    return bytes([0xFF, 0x86, 0x00, 0x00, 0x05, 0x01, 0x00, block, kt, slot])


def read_binary(block: int, length: int = 16) -> bytes:
    return bytes([0xFF, 0xB0, 0x00, block, length])


def split_sw(response: bytes) -> tuple[bytes, bytes]:
    return response[:-2], response[-2:]


def is_ok(response: bytes) -> bool:
    return len(response) >= 2 and response[-2:] == SW_OK


def payment_application_present(response: bytes) -> bool:
    """The answer to SELECT PPSE: success (90 00, or 61 xx for more data) means a payment
    card (or a phone's wallet) is in the field."""
    return len(response) >= 2 and (response[-2:] == SW_OK or response[-2] == 0x61)


def decode_block(data: bytes, encoding: BlockEncoding) -> str | None:
    """The digits stored in a MIFARE block, or None if it holds anything else."""
    if encoding is BlockEncoding.ASCII:
        text = data.rstrip(b"\x00\xff ").lstrip(b" \x00")
        if text and all(0x30 <= b <= 0x39 for b in text):
            return text.decode("ascii")
        return None
    digits: list[str] = []
    ended = False
    for b in data:
        for nibble in (b >> 4, b & 0x0F):
            if nibble == 0x0F:
                ended = True
            elif ended or nibble > 9:
                return None
            else:
                digits.append(chr(0x30 + nibble))
    return "".join(digits) or None


def ndef_message(memory: bytes) -> bytes | None:
    """The NDEF message in a Type 2 tag's data area (from page 4), or None if it is not
    there or not complete in ``memory``."""
    i = 0
    while i < len(memory):
        tag = memory[i]
        if tag == 0x00:  # NULL TLV
            i += 1
            continue
        if tag == 0xFE:  # terminator
            return None
        if i + 1 >= len(memory):
            return None
        length = memory[i + 1]
        start = i + 2
        if length == 0xFF:
            if i + 3 >= len(memory):
                return None
            length = int.from_bytes(memory[i + 2 : i + 4], "big")
            start = i + 4
        if tag == 0x03:
            body = memory[start : start + length]
            return body if len(body) == length else None
        i = start + length
    return None


def ndef_text(message: bytes) -> str | None:
    """The first well-known text record ("T") of an NDEF message, or None."""
    i = 0
    while i < len(message):
        header = message[i]
        short = bool(header & 0x10)
        has_id = bool(header & 0x08)
        tnf = header & 0x07
        pos = i + 1
        if pos >= len(message):
            return None
        type_len = message[pos]
        pos += 1
        if short:
            if pos >= len(message):
                return None
            payload_len = message[pos]
            pos += 1
        else:
            if pos + 4 > len(message):
                return None
            payload_len = int.from_bytes(message[pos : pos + 4], "big")
            pos += 4
        id_len = 0
        if has_id:
            if pos >= len(message):
                return None
            id_len = message[pos]
            pos += 1
        rtype = message[pos : pos + type_len]
        pos += type_len + id_len
        payload = message[pos : pos + payload_len]
        if len(payload) != payload_len:
            return None
        if tnf == 0x01 and rtype == b"T" and payload:
            status = payload[0]
            lang_len = status & 0x3F
            raw = payload[1 + lang_len :]
            try:
                return raw.decode("utf-16" if status & 0x80 else "utf-8")
            except UnicodeDecodeError:
                return None
        if header & 0x40:  # ME: the last record
            return None
        i = pos + payload_len
    return None


def ndef_text_record(text: str, lang: str = "en") -> bytes:
    """A Type 2 tag data area holding one NDEF text record (virtual cards, tests)."""
    payload = bytes([len(lang)]) + lang.encode("ascii") + text.encode("utf-8")
    record = bytes([0xD1, 0x01, len(payload)]) + b"T" + payload
    return bytes([0x03, len(record)]) + record + b"\xfe"
