"""Staff PINs: the one hash the office writes and the till checks, and the PIN rules.

The office hashes a PIN when store IT sets it (``python -m office staff add --pin``); the
hash reaches the tills in the staff feed, and a till checks a typed PIN against it. Both
call these functions, so a change of scheme is made here once; a hash of a scheme this
module does not know never matches.

A new hash is argon2id (``$argon2id$v=19$m=...,t=...,p=...$salt$hash``, the string names
its own parameters) at :data:`ARGON2_MEMORY_KIB` and :data:`ARGON2_TIME_COST`: a few
hundred milliseconds a check on a till, so that trying every 6-digit PIN against a copied
cache takes days (``python -m benchmarks.bench_pins``, docs/PERFORMANCE.md). Hashes of
the scheme before it (``scrypt$n$r$p$salt$hash``, hex) still match; the office replaces
one whenever it sets that person's PIN again (:func:`is_old_hash` tells which they are).

How long a PIN must be depends on the role (:class:`PinRules`): supervisors and store
admins at least :data:`SUPERVISOR_MIN`, cashiers at least :data:`CASHIER_MIN`, never fewer
than 4 digits, never more than 12.

The tests set ``LOYALTY_TEST_CHEAP_PINS=1`` (tests/conftest.py) so that the suite does not
spend minutes hashing: new hashes are then argon2id at the smallest cost. It is read here
only, and a hash made so names its cheap parameters (a till never takes it for a good one).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import Type

#: The production cost of a new hash: 128 MiB and 3 passes, one lane (docs/PERFORMANCE.md).
ARGON2_MEMORY_KIB = 128 * 1024
ARGON2_TIME_COST = 3
ARGON2_PARALLELISM = 1
#: A hash asking for more than this is refused unchecked (a feed cannot make a till swap).
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_TIME_COST = 20
#: The cost with LOYALTY_TEST_CHEAP_PINS=1 (tests only).
_CHEAP_MEMORY_KIB, _CHEAP_TIME_COST = 8, 1
TEST_ENV = "LOYALTY_TEST_CHEAP_PINS"

#: The scheme before argon2id: checked, never written.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1

#: A PIN is 4 to 12 digits; the shortest a role may have is :class:`PinRules`'.
SHORTEST, LONGEST = 4, 12
PIN_LENGTHS = range(SHORTEST, LONGEST + 1)
SUPERVISOR_MIN = 6
CASHIER_MIN = 4
SUPERVISOR_ROLES = frozenset({"supervisor", "store_admin"})


class PinFormatError(ValueError):
    """Not a PIN for this role: digits only, of a length the rules allow."""


@dataclass(frozen=True, slots=True)
class PinRules:
    """The shortest PIN per role. ``supervisor``: supervisors and store admins (at least
    :data:`SUPERVISOR_MIN`); ``cashier``: at least 4. Both at most 12."""

    supervisor: int = SUPERVISOR_MIN
    cashier: int = CASHIER_MIN

    def __post_init__(self) -> None:
        if not SUPERVISOR_MIN <= self.supervisor <= LONGEST:
            raise ValueError(f"a supervisor's shortest PIN is {SUPERVISOR_MIN} to {LONGEST}")
        if not SHORTEST <= self.cashier <= LONGEST:
            raise ValueError(f"a cashier's shortest PIN is {SHORTEST} to {LONGEST}")

    def shortest(self, role: str) -> int:
        return self.supervisor if role in SUPERVISOR_ROLES else self.cashier

    def check(self, pin: str, role: str) -> None:
        """:class:`PinFormatError`, in words, unless ``pin`` is a PIN ``role`` may have."""
        least = self.shortest(role)
        if not (pin.isascii() and pin.isdigit() and least <= len(pin) <= LONGEST):
            who = "a supervisor's or store admin's" if role in SUPERVISOR_ROLES else "a cashier's"
            raise PinFormatError(f"{who} PIN is {least} to {LONGEST} digits")


def is_pin(pin: str) -> bool:
    """Digits, 4 to 12 of them (whatever the role)."""
    return pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS


def _hasher() -> PasswordHasher:
    cheap = os.environ.get(TEST_ENV) == "1"
    return PasswordHasher(
        time_cost=_CHEAP_TIME_COST if cheap else ARGON2_TIME_COST,
        memory_cost=_CHEAP_MEMORY_KIB if cheap else ARGON2_MEMORY_KIB,
        parallelism=ARGON2_PARALLELISM,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


def hash_pin(pin: str, role: str | None = None, rules: PinRules | None = None) -> str:
    """The stored form of ``pin`` (argon2id). :class:`PinFormatError` if it is not 4 to 12
    digits, or (with ``role``) shorter than ``rules`` (default :class:`PinRules`) allow."""
    if role is not None:
        (rules or PinRules()).check(pin, role)
    elif not is_pin(pin):
        raise PinFormatError(f"a PIN is {SHORTEST} to {LONGEST} digits")
    return _hasher().hash(pin)


def hash_password(password: str) -> str:
    """The stored form of an office admin's password: the same argon2id as a PIN's (the
    office's admin accounts, office/admin_accounts.py, say what a password must be)."""
    return _hasher().hash(password)


def password_matches(password: str, stored: str) -> bool:
    """Whether ``password`` is the one ``stored`` (:func:`hash_password`) was made from."""
    return stored.startswith("$argon2id$") and _argon2_matches(password, stored)


def is_old_hash(stored: str) -> bool:
    """Whether ``stored`` is of the scheme before argon2id (set that PIN again)."""
    return stored.startswith("scrypt$")


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` was made from (False for anything unreadable,
    and for a hash asking for more memory or passes than a till should give)."""
    if stored.startswith("$argon2id$"):
        return _argon2_matches(pin, stored)
    if is_old_hash(stored):
        return _scrypt_matches(pin, stored)
    return False


def _argon2_matches(pin: str, stored: str) -> bool:
    try:
        params = extract_parameters(stored)
        if params.memory_cost > _MAX_MEMORY_KIB or params.time_cost > _MAX_TIME_COST:
            return False
        return PasswordHasher().verify(stored, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError, ValueError):
        return False


def _scrypt_matches(pin: str, stored: str) -> bool:
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(
            pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), maxmem=2**26
        )
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(got.hex(), digest)
