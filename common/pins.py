"""Staff PINs: the one hash the office writes and the till checks (scrypt today).

The office hashes a PIN when store IT sets it (``python -m office staff add --pin``); the
hash reaches the tills in the staff feed, and a till checks a typed PIN against it. Both
call these two functions, so a change of scheme (argon2, say) is made here once; a hash
of a scheme this module does not know never matches.

A stored hash is ``scrypt$n$r$p$salt$hash`` (hex), never the PIN in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
#: A PIN is 4 to 12 digits.
PIN_LENGTHS = range(4, 13)


class PinFormatError(ValueError):
    """Not a PIN: 4 to 12 digits."""


def is_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The stored form of ``pin`` (:class:`PinFormatError` if it is not 4 to 12 digits)."""
    if not is_pin(pin):
        raise PinFormatError("a PIN is 4 to 12 digits")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` was made from (False for anything unreadable)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), maxmem=2**26
        )
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(got.hex(), digest)
