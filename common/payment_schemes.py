"""The payment-card schemes whose numbers the till and the office refuse: one row a scheme,
with the sources its ranges come from (docs/payment-cards.md is this table, written out
by :func:`markdown` and kept equal to it by tests/common/test_payment_schemes.py).

Broad on purpose: a false "bank card" only asks the cashier to look again, a missed one
would put a card number into our records. Ranges overlap (Diners US & Canada inside
Mastercard, UzCard-UnionPay inside UnionPay): every row says what its scheme issues.
"""

from __future__ import annotations

from dataclasses import dataclass

_CIS = "international"


@dataclass(frozen=True, slots=True)
class PaymentScheme:
    """``ranges``: (low, high) prefixes of equal length, inclusive ("2200"-"2204": every
    number whose first four digits are 2200 to 2204). ``lengths``: the lengths of the
    scheme's card numbers. ``luhn``: True when every card of the scheme carries a Luhn
    check digit (a number is refused when its digit checks, at any length 12-19); False
    when its cards may not, or the sources disagree (refused on prefix and length alone).
    ``sources``: keys of :data:`SOURCES`."""

    name: str
    country: str
    ranges: tuple[tuple[str, str], ...]
    lengths: tuple[int, ...]
    luhn: bool
    sources: tuple[str, ...]
    note: str = ""


def _r(*items: str) -> tuple[tuple[str, str], ...]:
    """``"2200-2204"`` or ``"62"`` (a single prefix) into (low, high) pairs."""
    out = []
    for item in items:
        low, _, high = item.partition("-")
        out.append((low, high or low))
    return tuple(out)


def _n(low: int, high: int) -> tuple[int, ...]:
    return tuple(range(low, high + 1))


PAYMENT_SCHEMES: tuple[PaymentScheme, ...] = (
    PaymentScheme("Visa", _CIS, _r("4"), (13, 16, 18, 19), True, ("W", "B", "CZ")),
    PaymentScheme("Mastercard", _CIS, _r("51-55", "2221-2720"), (16,), True, ("W", "B", "MC")),
    PaymentScheme(
        "Maestro",
        _CIS,
        _r("493698", "50", "56-69"),
        _n(12, 19),
        True,
        ("W", "B", "DW", "CZ"),
        "the broad set (Wikipedia's narrow list 5018, 5020, 5038, 5893, 6304, 6759, "
        "6761-6763 lies inside it)",
    ),
    PaymentScheme("American Express", _CIS, _r("34", "37"), (15,), True, ("W", "B", "DW")),
    PaymentScheme(
        "Diners Club International",
        _CIS,
        _r("300-305", "3095", "36", "38-39"),
        _n(14, 19),
        True,
        ("W", "B"),
    ),
    PaymentScheme(
        "Diners Club US & Canada", _CIS, _r("54-55"), (16,), True, ("W",), "inside Mastercard"
    ),
    PaymentScheme(
        "Discover",
        _CIS,
        _r("6011", "644-649", "65", "622126-622925"),
        _n(16, 19),
        True,
        ("W", "B", "CZ"),
    ),
    PaymentScheme(
        "JCB",
        _CIS,
        _r("3528-3589", "1800", "2131"),
        _n(15, 19),
        True,
        ("W", "B", "DW"),
        "1800 and 2131: legacy 15-digit cards",
    ),
    PaymentScheme(
        "UnionPay",
        _CIS,
        _r("62", "81"),
        _n(14, 19),
        False,
        ("W", "B", "DW", "T1"),
        "Luhn disputed (Wikipedia: yes; didww: skip_luhn; T1: no)",
    ),
    PaymentScheme(
        "RuPay",
        "international (India)",
        _r("60", "65", "81", "82", "508", "353", "356"),
        (16,),
        True,
        ("W", "CZ"),
        "353 and 356: co-branded with JCB",
    ),
    PaymentScheme(
        "Troy",
        "international (Türkiye)",
        _r("9792", "65"),
        (16,),
        False,
        ("W", "B", "CZ", "T1"),
        "Luhn disputed (Wikipedia: yes; T1: no); 65: co-branded with Discover",
    ),
    PaymentScheme(
        "Mir",
        "Russia",
        _r("2200-2204"),
        _n(16, 19),
        True,
        ("B70", "W", "B", "FMF"),
        "NSPK card-design standard: 220000... to 220499...; co-badged ArCa-Mir, "
        "Elcard-Mir, Belkart-Mir carry these ranges",
    ),
    PaymentScheme(
        "PROSTIR",
        "Ukraine",
        _r("980"),
        _n(16, 19),
        False,
        ("D1", "T1", "PROSTIR"),
        "9804 in D1; the wider 980 of T1 refused; Luhn not confirmed",
    ),
    PaymentScheme("UkrCard", "Ukraine", _r("60400100-60420099"), _n(16, 19), True, ("W", "CZ")),
    PaymentScheme(
        "BELKART",
        "Belarus",
        _r("9112"),
        _n(16, 19),
        False,
        ("BG", "D1", "T1", "S2"),
        "Luhn disputed (S2: yes; T1: no)",
    ),
    PaymentScheme(
        "UzCard",
        "Uzbekistan",
        _r("8600", "5614", "6262"),
        _n(16, 19),
        False,
        ("W", "FMF", "CP", "T1"),
        "Luhn unknown; 5614 lies inside Maestro, 6262 (UzCard-UnionPay) inside UnionPay",
    ),
    PaymentScheme(
        "Humo",
        "Uzbekistan",
        _r("9860", "55553660"),
        _n(16, 19),
        False,
        ("W", "CZ", "FMF", "CP", "T1", "HUMO"),
        "Luhn unknown; 55553660: Humo-Mastercard, inside Mastercard",
    ),
    PaymentScheme(
        "ArCa",
        "Armenia",
        _r("9051"),
        _n(16, 19),
        False,
        ("S1", "ARCA"),
        "one code source (with a Luhn check): refused without one too",
    ),
    PaymentScheme(
        "Elcard",
        "Kyrgyzstan",
        _r("9417"),
        _n(16, 19),
        False,
        ("T1", "NBKR"),
        "T1: no Luhn digit",
    ),
    PaymentScheme(
        "Korti Milli",
        "Tajikistan",
        _r("9762"),
        _n(16, 19),
        False,
        ("NBT",),
        "UNVERIFIED: no source gives the range (the scheme exists: NBT); refused until confirmed",
    ),
    PaymentScheme(
        "NPS Pridnestrovie",
        "Moldova (Transnistria)",
        _r("6054740-6054744"),
        (16,),
        True,
        ("W", "CZ"),
    ),
)

#: Countries of our markets with no card scheme of their own: their cards are the
#: international schemes' (and Mir's), already in the table. Country, why, sources.
NO_NATIONAL_SCHEME: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Kazakhstan",
        "cards are Visa, Mastercard, UnionPay, Amex, switched at home by NPCK, which issues "
        "no card of its own; closed domestic systems (Altyn, Kaspi) have no published range",
        ("KURSIV", "TREND"),
    ),
    (
        "Azerbaijan",
        "AzeriKard and MilliKart are processing centres of the CBA's Interbank Card Center, "
        "not card brands",
        ("CBA",),
    ),
    (
        "Georgia",
        "no domestic card brand; banks' closed-loop cards have no published range",
        ("PCY-GE", "NBG"),
    ),
    ("Moldova", "no domestic card brand (NPS Pridnestrovie: in the table)", ("PCY-MD",)),
)

SOURCES: dict[str, str] = {
    "W": 'Wikipedia, "Payment card number", https://en.wikipedia.org/wiki/Payment_card_number '
    "(read through d-edge/Cardizer issues #118, #125, #130, #155, #156, #236-#238)",
    "B": "braintree/credit-card-type, src/lib/card-types.ts (2026-06-30), "
    "https://github.com/braintree/credit-card-type",
    "B70": 'braintree/credit-card-type PR #70, quoting NSPK\'s "Mir" card-design standard '
    "v1.3 (§5.2.1), https://github.com/braintree/credit-card-type/pull/70",
    "MC": "Mastercard Rules (BINs 222100-272099, 510000-559999), "
    "https://www.mastercard.us/content/dam/mccom/global/documents/mastercard-rules.pdf",
    "CZ": "d-edge/Cardidy, src/DEdge.Cardidy/Model/Cards.cs (2023-09-21), "
    "https://github.com/d-edge/Cardidy",
    "FMF": "caseyryan/flutter_multi_formatter (2025-12-27), issue #150 and PR #183, "
    "https://github.com/caseyryan/flutter_multi_formatter",
    "DW": "didww/credit_card_validations, lib/data/brands.yaml (2026-06-07), "
    "https://github.com/didww/credit_card_validations",
    "CP": "CloudPayments Android SDK, ru.cloudpayments.sdk.card.CardType",
    "BG": "beGateway Android SDK, CardType, https://github.com/begateway/begateway-android-sdk",
    "T1": "a TypeScript card-type table (BELCARD, PROSTIR, ELCART, UZCARD, HUMO, TROY)",
    "D1": "a Dart card-brand table (BEL_CARD, PROSTIR)",
    "S1": "HSCreditCardValidator.swift (LXTeamDevs)",
    "S2": "a Swift CardTypePattern table (belkart)",
    "PROSTIR": "PROSTIR, How to become a member, https://prostir.gov.ua/en/how-to-become",
    "HUMO": "Humo FAQ, https://humocard.uz/en/payment-system/question_answer/3303",
    "ARCA": "arca.am; Evocabank cards (ArCa, ArCa-MIR), "
    "https://www.evocabank.am/en/services/individuals/payment-cards/cards.html",
    "NBKR": "National Bank of the Kyrgyz Republic on Elcard, "
    "https://www.nbkr.kg/newsout.jsp?&item=31&lang=RUS&material=107295",
    "NBT": 'National Bank of Tajikistan, "Market review of payment cards", '
    "http://nbt.tj/en/pl_sys/cards.php",
    "KURSIV": "Kursiv, 2024-06-12, https://kz.kursiv.media/en/2024-06-12/"
    "npck-reveals-what-will-happen-if-visa-and-mastercard-leave-kazakhstan",
    "TREND": "Trend, 2025-09-06, https://www.trend.az/business/finance/4087605.html",
    "CBA": "Central Bank of Azerbaijan, The Interbank Card Center, "
    "https://www.cbar.az/page-480/the-interbank-card-center-icc?language=en",
    "PCY-GE": "Payment Card Year Books, Georgia 2017/2018, "
    "https://paymentyearbooks.com/collections/eurasia/products/georgia-2017-2018",
    "NBG": "National Bank of Georgia, Important payment systems, "
    "https://nbg.gov.ge/en/page/important-payment-systems",
    "PCY-MD": "Payment Card Year Books, Moldova 2019/2020, "
    "https://paymentyearbooks.com/collections/eurasia/products/moldova-2019-2020",
}


def _lengths(lengths: tuple[int, ...]) -> str:
    if len(lengths) > 2 and lengths == _n(lengths[0], lengths[-1]):
        return f"{lengths[0]}-{lengths[-1]}"
    return ", ".join(str(n) for n in lengths)


def _ranges(ranges: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(low if low == high else f"{low}-{high}" for low, high in ranges)


def markdown() -> str:
    """The tables of docs/payment-cards.md, as the code has them."""
    lines = [
        "| scheme | country | ranges (leading digits) | lengths | Luhn digit | sources | note |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in PAYMENT_SCHEMES:
        luhn = "yes" if s.luhn else "not required"
        cells = (s.name, s.country, _ranges(s.ranges), _lengths(s.lengths), luhn)
        refs = ", ".join(f"[{k}]" for k in s.sources)
        lines.append("| " + " | ".join((*cells, refs, s.note)) + " |")
    lines += ["", "| country | no national card scheme | sources |", "|---|---|---|"]
    for country, why, keys in NO_NATIONAL_SCHEME:
        lines.append(f"| {country} | {why} | {', '.join(f'[{k}]' for k in keys)} |")
    lines += [""] + [f"- [{k}] {text}" for k, text in SOURCES.items()]
    return "\n".join(lines) + "\n"
