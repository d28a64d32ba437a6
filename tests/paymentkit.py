"""Sample numbers of every payment scheme in common.payment_schemes, for the tests of every
path a card number takes (readers, the search box, registration, the canary).

Importable from every test folder (``from paymentkit import SAMPLES``). One sample a
scheme row (its first range), 16 digits where the scheme issues them: with a valid Luhn
digit where the scheme's cards carry one, and with a *wrong* one where they may not (so
the sample is refused on its prefix and length alone). ``EVERY_RANGE`` has one a range.
None is a real account.
"""

from __future__ import annotations

from common.cardnumbers import luhn_valid
from common.payment_schemes import PAYMENT_SCHEMES, PaymentScheme

_FILL = "31415926535897932384626"


def _check_digit(body: str) -> str:
    return next(d for d in "0123456789" if luhn_valid(body + d))


def sample_pan(scheme: PaymentScheme, prefix: str | None = None) -> str:
    """A number of ``scheme`` beginning with ``prefix`` (its first range's low end)."""
    head = scheme.ranges[0][0] if prefix is None else prefix
    length = 16 if 16 in scheme.lengths else scheme.lengths[0]
    body = (head + _FILL)[: length - 1]
    digit = _check_digit(body)
    if not scheme.luhn:
        digit = str((int(digit) + 1) % 10)  # refused without a Luhn digit: prove it
    return body + digit


#: (scheme name, sample number), one a scheme row.
SAMPLES: list[tuple[str, str]] = [(s.name, sample_pan(s)) for s in PAYMENT_SCHEMES]

#: (scheme name, range, number), one for each end of each range of each scheme.
EVERY_RANGE: list[tuple[str, str, str]] = [
    (s.name, f"{low}-{high}", sample_pan(s, end))
    for s in PAYMENT_SCHEMES
    for low, high in s.ranges
    for end in dict.fromkeys((low, high))
]


def ids(samples: list[tuple[str, str]]) -> list[str]:
    return [name for name, _ in samples]
