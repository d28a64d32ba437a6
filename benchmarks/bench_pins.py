"""What a PIN check costs, and so how long guessing every PIN of a copied cache takes.

    python -m benchmarks.bench_pins [--checks 10] [--cores 2]

Hashes a 6-digit PIN at the production cost (common/pins.py: argon2id, m=131072 KiB,
t=3, p=1), then times ``pin_matches`` with a wrong PIN ``--checks`` times in a row: the
median is one guess. The whole space is 10^6 guesses for 6 digits, 10^4 for 4, spread
over ``--cores`` cores (each guess is one lane: an attacker runs one per core). The same
for the old scrypt hash (n=2^14) for comparison. Prints one JSON object as its last line.
Never asserted by a test (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import time

from common import pins


def _median_check_s(stored: str, checks: int, clock: str = "wall") -> float:
    """The median time of one wrong guess: ``wall`` (what a person waits) or ``cpu``
    (this process's own, the figure a machine shared with other work still shows)."""
    timer = time.perf_counter if clock == "wall" else time.process_time
    pins.pin_matches("000000", stored)  # warm-up
    times = []
    for _ in range(checks):
        start = timer()
        pins.pin_matches("000001", stored)
        times.append(timer() - start)
    return statistics.median(times)


def _old_hash() -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(b"482193", salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${2**14}$8$1${salt.hex()}${digest.hex()}"


def measure(checks: int, cores: int) -> dict[str, float | int | str]:
    os.environ.pop(pins.TEST_ENV, None)  # the production cost, whatever the caller set
    stored = pins.hash_pin("482193", "supervisor")
    check_s = _median_check_s(stored, checks)
    cpu_s = _median_check_s(stored, checks, "cpu")
    old_s = _median_check_s(_old_hash(), checks)
    return {
        "params": stored.split("$")[3],
        "check_ms": round(check_s * 1000, 1),
        "check_cpu_ms": round(cpu_s * 1000, 1),
        "space_6_digits_days": round(10**6 * check_s / cores / 86400, 2),
        "space_4_digits_min": round(10**4 * check_s / cores / 60, 1),
        "cores": cores,
        "old_scrypt_check_ms": round(old_s * 1000, 1),
        "old_scrypt_space_4_digits_min": round(10**4 * old_s / cores / 60, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checks", type=int, default=10)
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.checks, args.cores)))


if __name__ == "__main__":
    main()
