"""Layouts of every receipt on 58 and 80 mm paper: what they say, and their golden bytes.

Golden files: tests/receipts/golden/<kind>_<width>.bin. After an intended change of a
layout, regenerate them with ``UPDATE_GOLDEN=1 pytest tests/receipts`` and look at the
preview PNGs (docs/receipts) before committing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from drivers.printer.decoder import TextLine, decode
from drivers.printer.document import Line
from drivers.printer.encoder import encode
from terminal.loyalty import (
    CardKind,
    CardState,
    CardTerms,
    MemberState,
    Money,
    quote,
    standard_program,
)
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.layouts import layout_receipt, layout_shift, money, points
from terminal.receipts.model import ReceiptData, ReceiptKind, ShiftReport, from_quote
from terminal.receipts.samples import KINDS, OP_ID, sample

GOLDEN = Path(__file__).with_name("golden")
CFG = ReceiptConfig(
    header=("ООО «Ромашка»", "г. Москва, ул. Ленина, 1"), footer=("Ждём вас снова!",)
)


def document(kind: str, width: int, cfg: ReceiptConfig = CFG, language: str = "ru"):
    data = sample(kind, language)
    if isinstance(data, ShiftReport):
        return layout_shift(data, cfg, width)
    return layout_receipt(data, cfg, width, drawer_kick=True)


@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize("kind", KINDS)
def test_golden_bytes(kind, width):
    data = encode(document(kind, width))
    path = GOLDEN / f"{kind}_{width}.bin"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes()


@pytest.mark.parametrize("language", ["ru", "uk", "en"])
@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize("kind", KINDS)
def test_lines_fit_the_paper(kind, width, language):
    cols = 32 if width == 58 else 48
    doc = document(kind, width, ReceiptConfig(language=language), language)
    for block in doc.blocks:
        if isinstance(block, Line):
            assert len(block.text) <= (cols // 2 if block.double else cols), block
    decoded = decode(encode(doc))
    assert decoded.cuts() == 1 and not decoded.truncated and decoded.unknown() == []
    for line in decoded.elements:
        if isinstance(line, TextLine):
            assert sum(len(r.text) * r.width for r in line.runs) <= cols


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "shift"])
def test_every_receipt_has_header_qr_of_the_operation_and_footer(kind):
    decoded = decode(encode(document(kind, 80)))
    lines = decoded.lines()
    assert lines[0] == "ООО «Ромашка»"
    assert decoded.qr_codes() == [OP_ID]
    assert "Ждём вас снова!" in lines
    assert "Кассир: Петрова Ю." in lines


def test_purchase_on_a_birthday_wishes_and_shows_every_sum():
    text = decode(encode(document("purchase", 80))).text()
    assert "С днём рождения, Анна Ивановна!" in text
    assert "Скидка 5%" in text and "-122,50" in text
    assert "К ОПЛАТЕ" in text and "2 327,50" in text
    assert "Начислено баллов" in text and "+116" in text
    assert "Баланс баллов" + " " * 30 + "1 316" in text.splitlines()


def test_without_a_member_there_is_no_greeting():
    data = ReceiptData(
        ReceiptKind.PURCHASE,
        "op",
        1,
        datetime(2026, 1, 2, 3, 4),
        amount=Money.parse("10"),
        total=Money.parse("10"),
    )
    text = decode(encode(layout_receipt(data, CFG, 58))).text()
    assert "Здравствуйте" not in text and "10,00" in text


def test_spend_return_gift_adjustment_say_what_happened():
    spend = decode(encode(document("spend", 58))).text()
    assert "Оплачено баллами" in spend and "Списано баллов" in spend
    ret = decode(encode(document("return", 58))).text()
    assert "ВОЗВРАТ" in ret and "К ВОЗВРАТУ" in ret and "Отменено баллов" in ret
    gift = decode(encode(document("gift", 80))).text()
    assert "Подарок: Кружка «Юбилейная»" in gift
    adj = decode(encode(document("adjustment", 80))).text()
    assert "+200" in adj and "компенсация" in adj


def test_ukrainian_receipt_prints_ukrainian_letters():
    text = decode(encode(document("purchase", 80, ReceiptConfig(language="uk"), "uk"))).text()
    assert "З днем народження, Ганна Іванівна!" in text
    assert "Нараховано балів" in text


def test_the_drawer_is_kicked_only_for_sales_when_configured():
    from drivers.printer.decoder import DrawerPulse

    def kicks(kind: str, kick: bool) -> int:
        data = sample(kind)
        assert isinstance(data, ReceiptData)
        d = decode(encode(layout_receipt(data, CFG, 80, drawer_kick=kick)))
        return sum(isinstance(e, DrawerPulse) for e in d.elements)

    assert kicks("purchase", True) == 1
    assert kicks("purchase", False) == 0
    assert kicks("return", True) == 0


def test_from_quote_fills_a_purchase():
    program = standard_program()
    card = CardTerms(CardKind.PERSONAL, CardState.ACTIVE, Decimal(0))
    state = MemberState(Money.parse("10000"), Money.parse("10000"), 5, Decimal(500), None, None)
    q = quote(program, card, state, Money.parse("1000"), date(2026, 6, 15))
    data = from_quote(
        q, operation_id="op-1", seq=7, created_at=datetime(2026, 6, 15, 12, 0), member_name="Анна"
    )
    assert data.kind is ReceiptKind.PURCHASE
    assert data.total == q.paid and data.amount == q.amount
    assert data.points_earned == q.points_earned and data.balance_after == q.balance_after
    taken = sum((line.amount for line in data.lines), Money.zero())
    assert q.amount + taken == q.paid
    text = decode(encode(layout_receipt(data, CFG, 58))).text()
    assert money(q.paid) in text and "Здравствуйте, Анна!" in text
    assert data.tier == "Бронзовый"  # the tier's name in the receipt's language
    english = from_quote(
        q, operation_id="op-1", seq=7, created_at=datetime(2026, 6, 15, 12, 0), language="en"
    )
    assert english.tier == "Bronze"


def test_from_quote_with_points_is_a_spend_receipt():
    program = standard_program()
    card = CardTerms(CardKind.PERSONAL, CardState.ACTIVE, Decimal(0))
    state = MemberState(Money.parse("10000"), Money.parse("10000"), 5, Decimal(500), None, None)
    q = quote(program, card, state, Money.parse("1000"), date(2026, 6, 15), Decimal(100))
    data = from_quote(q, operation_id="op-1", seq=7, created_at=datetime(2026, 6, 15, 12, 0))
    assert data.kind is ReceiptKind.SPEND and data.points_spent == Decimal(100)
    taken = sum((line.amount for line in data.lines), Money.zero())
    assert q.amount + taken == q.paid


def test_number_formats():
    """As on the till's screen in each language: thousands grouped, the decimal sign."""
    assert money(Money.parse("1234567.5")) == "1 234 567,50"
    assert money(Money.parse("1234567.5"), "uk") == "1 234 567,50"
    assert money(Money.parse("1234567.5"), "en") == "1,234,567.50"
    assert points(Decimal("120.00")) == "120"
    assert points(Decimal("12.50")) == "12,5"
    assert points(Decimal("12.50"), "en") == "12.5"
    assert points(Decimal("1E+2")) == "100"
    assert points(Decimal("12500")) == "12 500" and points(Decimal("12500"), "en") == "12,500"


@pytest.mark.parametrize(
    ("language", "own", "foreign"),
    [
        ("ru", "Спасибо за покупку!", ("Дякуємо", "Thank you")),
        ("uk", "Дякуємо за покупку!", ("Спасибо", "Thank you")),
        ("en", "Thank you for shopping with us!", ("Спасибо", "Дякуємо")),
    ],
)
def test_a_till_without_its_own_footer_thanks_in_the_receipts_language(
    language: str, own: str, foreign: tuple[str, ...]
) -> None:
    cfg = ReceiptConfig(language=language)  # no header or footer configured
    text = decode(encode(document("purchase", 80, cfg, language))).text()
    assert own in text and not any(word in text for word in foreign)
    assert ("Shop" in text) == (language == "en")
    configured = ReceiptConfig(language=language, footer=("Ждём вас!",))
    assert "Ждём вас!" in decode(encode(document("purchase", 80, configured, language))).text()


def test_the_date_is_written_as_the_screen_writes_it_in_each_language() -> None:
    from datetime import UTC, datetime

    from terminal.receipts.layouts import stamp

    at = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)
    with local_time("UTC"):
        assert stamp(at, "ru") == stamp(at, "uk") == "22.11.2026 10:30"
        assert stamp(at, "en") == "22/11/2026 10:30"
    with local_time("Europe/Kyiv"):  # a shop in Kyiv: its own time, not UTC
        assert stamp(at, "uk") == "22.11.2026 12:30"


@contextmanager
def local_time(zone: str) -> Iterator[None]:
    """The process's local time zone for a moment (Linux: TZ and tzset)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
