"""The receipts and the shift report, laid out for 58 mm (32 columns) or 80 mm (48).

A layout returns a :class:`~drivers.printer.document.Document`: lines that never exceed
the paper's columns (double-size lines: half as many), the operation's id as a QR code,
a cut. The same document gives the bytes (encoder) and, decoded, the preview.
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from decimal import Decimal

from drivers.printer.document import Align, Block, Cut, Document, DrawerKick, Feed, Line, Qr
from terminal.loyalty import Money
from terminal.loyalty.receipt_codes import short_code
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.model import ReceiptData, ReceiptKind, ShiftReport
from terminal.receipts.texts import t

COLUMNS = {58: 32, 80: 48}


def columns_for(width_mm: int) -> int:
    return COLUMNS[width_mm]


#: The thousands and decimal separators of each receipt language, as on the till's
#: screen (a plain space: every printer code page has one).
_SEPARATORS = {"ru": (" ", ","), "uk": (" ", ","), "en": (",", ".")}


def _number(text: str, language: str) -> str:
    """``text`` ("1,234.50", Python's own) with the language's separators."""
    group, point = _SEPARATORS.get(language, _SEPARATORS["en"])
    whole, dot, frac = text.partition(".")
    return whole.replace(",", group) + (point + frac if dot else "")


def money(m: Money, language: str = "ru") -> str:
    """1 234,50 (ru, uk) or 1,234.50 (en): thousands grouped, always two decimals."""
    return _number(f"{m.amount:,.2f}", language)


def points(p: Decimal, language: str = "ru") -> str:
    """Points without trailing zeros, thousands grouped: 12 500, 12,5 (ru, uk)."""
    text = f"{p:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _number(text, language)


def stamp(at: datetime, language: str = "ru") -> str:
    """A receipt's date and time as the till's screen writes it in that language:
    22.11.2026 10:30 (ru, uk), 22/11/2026 10:30 (en, the British order the app uses), in
    the till's own time zone (the till records times in UTC)."""
    local = at.astimezone() if at.tzinfo is not None else at
    return local.strftime("%d/%m/%Y %H:%M" if language == "en" else "%d.%m.%Y %H:%M")


class _Page:
    def __init__(self, cols: int) -> None:
        self.cols = cols
        self.blocks: list[Block] = []

    def line(
        self,
        text: str = "",
        align: Align = Align.LEFT,
        *,
        bold: bool = False,
        double: bool = False,
    ) -> None:
        width = self.cols // 2 if double else self.cols
        for part in textwrap.wrap(text, width) or [""]:
            self.blocks.append(Line(part, align, bold, double))

    def center(self, text: str, *, bold: bool = False, double: bool = False) -> None:
        self.line(text, Align.CENTER, bold=bold, double=double)

    def pair(self, label: str, value: str, *, bold: bool = False) -> None:
        """``label ....... value`` on one line, the label wrapped if it must."""
        room = self.cols - len(value) - 1
        parts = textwrap.wrap(label, max(room, 8)) or [""]
        for part in parts[:-1]:
            self.blocks.append(Line(part, bold=bold))
        last = parts[-1]
        if len(last) > room:
            self.blocks.append(Line(last, bold=bold))
            last = ""
        self.blocks.append(
            Line(last + " " * (self.cols - len(last) - len(value)) + value, bold=bold)
        )

    def rule(self) -> None:
        self.blocks.append(Line("-" * self.cols))

    def add(self, block: Block) -> None:
        self.blocks.append(block)


def _header(page: _Page, cfg: ReceiptConfig, title: str, copy: bool) -> None:
    for i, text in enumerate(cfg.header_lines):
        page.center(text, bold=i == 0)
    page.rule()
    page.center(title, bold=True, double=True)
    if copy:
        page.center(t(cfg.language, "reprint"), bold=True)


def _footer(page: _Page, cfg: ReceiptConfig, qr_data: str | None) -> None:
    page.rule()
    if qr_data and cfg.qr:
        page.add(Qr(qr_data, size=4 if page.cols < 40 else 6))
        page.center(qr_data)
    code = None if qr_data is None else short_code(qr_data)
    if code is not None:  # typed for a return when the QR cannot be scanned
        page.center(t(cfg.language, "receipt_code", code=code), bold=True)
    for text in cfg.footer_lines:
        page.center(text)
    page.add(Cut())


def layout_receipt(
    data: ReceiptData, cfg: ReceiptConfig, width_mm: int = 80, *, drawer_kick: bool = False
) -> Document:
    lang = cfg.language
    page = _Page(columns_for(width_mm))
    if drawer_kick and data.kind in (ReceiptKind.PURCHASE, ReceiptKind.SPEND):
        page.add(DrawerKick())
    _header(page, cfg, t(lang, data.kind.value), data.copy)
    page.pair(t(lang, "operation", seq=data.seq), stamp(data.created_at, lang))
    if data.cashier:
        page.line(t(lang, "cashier", name=data.cashier))
    if data.card_tail:
        page.line(t(lang, "card", card="*" + data.card_tail))
    if data.member_name:
        page.rule()
        if data.birthday:
            page.center(t(lang, "birthday", name=data.member_name), bold=True)
            page.center(t(lang, "birthday_wish"))
        else:
            page.center(t(lang, "greeting", name=data.member_name))
    if data.gift_name:
        page.rule()
        page.line(t(lang, "gift_name", name=data.gift_name), bold=True)
    if data.reverses:
        page.line(t(lang, "original", op=data.reverses))
    if data.amount is not None or data.lines or data.total is not None:
        page.rule()
        if data.amount is not None:
            page.pair(t(lang, "amount"), money(data.amount, lang))
        for item in data.lines:
            page.pair(item.label, money(item.amount, lang))
        if data.total is not None:
            key = "refund" if data.kind is ReceiptKind.RETURN else "to_pay"
            page.pair(t(lang, key), money(data.total, lang), bold=True)
    page.rule()
    _points(page, data, lang)
    if data.note:
        page.line(t(lang, "reason", text=data.note))
    _footer(page, cfg, data.operation_id)
    return Document(tuple(page.blocks), title=f"{data.kind.value} #{data.seq}")


def _points(page: _Page, data: ReceiptData, lang: str) -> None:
    if data.kind is ReceiptKind.ADJUSTMENT:
        delta = data.points_earned - data.points_spent
        page.pair(t(lang, "adjusted"), ("+" if delta > 0 else "") + points(delta, lang))
    elif data.kind is ReceiptKind.RETURN:
        if data.points_spent:
            page.pair(t(lang, "returned_points"), "+" + points(data.points_spent, lang))
        if data.points_earned:
            page.pair(t(lang, "revoked_points"), "-" + points(data.points_earned, lang))
    else:
        if data.points_spent:
            page.pair(t(lang, "spent"), "-" + points(data.points_spent, lang))
        if data.points_earned:
            page.pair(t(lang, "earned"), "+" + points(data.points_earned, lang))
    if data.balance_after is not None:
        page.pair(t(lang, "balance"), points(data.balance_after, lang), bold=True)
    if data.tier:
        page.pair(t(lang, "tier"), data.tier)


def layout_shift(report: ShiftReport, cfg: ReceiptConfig, width_mm: int = 80) -> Document:
    lang = cfg.language
    page = _Page(columns_for(width_mm))
    _header(page, cfg, t(lang, "shift"), False)
    page.pair(t(lang, "till"), report.till)
    if report.cashier:
        page.line(t(lang, "cashier", name=report.cashier))
    page.pair(t(lang, "opened"), stamp(report.opened_at, lang))
    page.pair(t(lang, "closed"), stamp(report.closed_at, lang))
    page.rule()
    page.pair(t(lang, "count"), str(report.operations))
    page.pair(t(lang, "purchases"), str(report.purchases))
    page.pair(t(lang, "returns"), str(report.returns))
    page.pair(t(lang, "gifts"), str(report.gifts))
    page.pair(t(lang, "adjustments"), str(report.adjustments))
    page.rule()
    page.pair(t(lang, "sales"), money(report.sales, lang))
    page.pair(t(lang, "discounts"), money(report.discounts, lang))
    page.pair(t(lang, "returned_total"), money(report.returned, lang))
    page.pair(t(lang, "paid_total"), money(report.paid, lang), bold=True)
    page.rule()
    page.pair(t(lang, "points_earned_total"), points(report.points_earned, lang))
    page.pair(t(lang, "points_spent_total"), points(report.points_spent, lang))
    if report.adjustments:
        page.pair(t(lang, "points_added_total"), "+" + points(report.points_added, lang))
        page.pair(t(lang, "points_removed_total"), "-" + points(report.points_removed, lang))
    if report.unsent:
        page.pair(t(lang, "unsent"), str(report.unsent), bold=True)
    page.add(Feed(1))
    page.add(Cut())
    return Document(tuple(page.blocks), title=f"shift {report.closed_at:%Y-%m-%d %H:%M}")


def layout_test_page(cfg: ReceiptConfig, width_mm: int, code_page: str, where: str) -> Document:
    """For store IT: every letter, the code page in use, a QR code, a cut."""
    from drivers.printer.codepages import RUSSIAN, UKRAINIAN

    lang = cfg.language
    page = _Page(columns_for(width_mm))
    page.center(t(lang, "test"), bold=True, double=True)
    page.center(where)
    page.line(t(lang, "code_page", name=code_page))
    page.rule()
    for key, alphabet in (("alphabet_ru", RUSSIAN), ("alphabet_uk", UKRAINIAN)):
        page.line(t(lang, key), bold=True)
        half = len(alphabet) // 2
        page.line(" ".join(alphabet[:half]))
        page.line(" ".join(alphabet[half:]))
    page.line("0123456789 +-*/=%№ .,:;!?()«»")
    page.rule()
    page.line("Bold", bold=True)
    page.line("Center", Align.CENTER)
    page.line("Right", Align.RIGHT)
    page.line("Двойной", double=True)
    page.add(Qr("loyalty-terminal print-test", size=4 if page.cols < 40 else 6))
    page.add(Cut())
    return Document(tuple(page.blocks), title="test page")
