"""The PIN hash (common/pins.py, issue 13 point 3): argon2id at the documented production
cost for every new hash, the old scrypt hashes still checked, the shortest PIN per role.
The cost in time is measured by ``python -m benchmarks.bench_pins`` (docs/PERFORMANCE.md),
never timed here; this suite hashes at the cheap test cost (tests/conftest.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from argon2 import extract_parameters
from argon2.low_level import Type

from common import pins
from terminal.services.roles import Role
from terminal.services.staff import BadPin, hash_pin


def _old_scrypt_hash(pin: str) -> str:
    """A hash as the office wrote them before argon2id (scrypt n=2^14, r=8, p=1)."""
    salt = bytes(range(16))
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${2**14}$8$1${salt.hex()}${digest.hex()}"


def test_a_new_hash_is_argon2id_at_the_production_cost_the_docs_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(pins.TEST_ENV)
    stored = pins.hash_pin("482193", "supervisor")
    assert stored.startswith("$argon2id$v=19$m=131072,t=3,p=1$")
    params = extract_parameters(stored)
    assert params.type is Type.ID
    assert (params.memory_cost, params.time_cost, params.parallelism) == (128 * 1024, 3, 1)
    assert (params.salt_len, params.hash_len) == (16, 32)
    # docs/PERFORMANCE.md states these figures beside the measured cost
    perf = (Path(__file__).parents[2] / "docs" / "PERFORMANCE.md").read_text(encoding="utf-8")
    assert "m=131072" in perf and "t=3" in perf and "python -m benchmarks.bench_pins" in perf
    assert pins.pin_matches("482193", stored) and not pins.pin_matches("482194", stored)


def test_the_test_suite_hashes_cheaply_and_says_so_in_the_hash() -> None:
    stored = pins.hash_pin("4821")
    assert stored.startswith("$argon2id$v=19$m=8,t=1,p=1$")
    assert pins.pin_matches("4821", stored)


def test_an_old_scrypt_hash_still_matches_and_is_named_old() -> None:
    old = _old_scrypt_hash("9999")
    assert pins.pin_matches("9999", old) and not pins.pin_matches("9998", old)
    assert pins.is_old_hash(old) and not pins.is_old_hash(pins.hash_pin("9999"))


@pytest.mark.parametrize(
    "stored",
    [
        "md5$abc",
        "",
        "$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",  # not argon2id
        "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$" + "A" * 43,  # 4 GiB: refused
        "$argon2id$v=19$m=8,t=1000,p=1$c2FsdHNhbHRzYWx0$" + "A" * 43,
        "scrypt$zz$8$1$00$00",
    ],
)
def test_an_unknown_or_too_costly_hash_never_matches(stored: str) -> None:
    assert not pins.pin_matches("1234", stored)


@pytest.mark.parametrize(
    ("role", "short", "shortest_ok"),
    [
        ("supervisor", "12345", "123456"),
        ("store_admin", "12345", "123456"),
        ("cashier", "123", "1234"),
    ],
)
def test_each_role_has_its_shortest_pin(role: str, short: str, shortest_ok: str) -> None:
    with pytest.raises(pins.PinFormatError, match=f"{len(shortest_ok)} to 12 digits"):
        pins.hash_pin(short, role)
    assert pins.pin_matches(shortest_ok, pins.hash_pin(shortest_ok, role))
    with pytest.raises(pins.PinFormatError):
        pins.hash_pin("1" * 13, role)
    with pytest.raises(pins.PinFormatError):
        pins.hash_pin("12a456", role)


def test_the_rules_are_configurable_but_never_below_six_and_four() -> None:
    rules = pins.PinRules(supervisor=8, cashier=6)
    with pytest.raises(pins.PinFormatError, match="supervisor's or store admin's PIN is 8"):
        pins.hash_pin("1234567", "supervisor", rules)
    with pytest.raises(pins.PinFormatError, match="cashier's PIN is 6"):
        pins.hash_pin("12345", "cashier", rules)
    assert pins.hash_pin("123456", "cashier", rules)
    for bad in ((5, 4), (6, 3), (13, 4), (6, 13)):
        with pytest.raises(ValueError):
            pins.PinRules(*bad)


def test_the_till_refuses_a_short_supervisor_pin_on_its_own_staff_path() -> None:
    with pytest.raises(BadPin) as refused:
        hash_pin("9999", Role.SUPERVISOR)
    assert refused.value.params == {"least": "6"}
    assert hash_pin("1111", Role.CASHIER).startswith("$argon2id$")
