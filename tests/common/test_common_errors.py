"""One error base for the product: one constructor order, stable snake_case codes, and
the English message a person reads (str) filled in from a template and its params."""

from __future__ import annotations

import re
from typing import ClassVar

import pytest

from common.errors import AppError, ConfigError
from drivers.contactless import CardGone, CardIoError
from drivers.pcsc import PcscError
from drivers.printer.transport import PrintError, PrinterStatus
from office.admin import AdminError
from sync.client import (
    AuthFailed,
    CursorGone,
    ProtocolError,
    Refused,
    SyncError,
    TlsFailed,
    Transient,
)
from terminal.loyalty import (
    AmountError,
    CardNotUsable,
    CardState,
    LoyaltyError,
    PointsError,
    ProgramError,
    ReturnError,
    TermsError,
)
from terminal.services.errors import NotAMemberCard, ServiceError, StoreUnavailable, UnknownCard
from terminal.store.errors import NotFound, StoreError

SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


class _Family(AppError):
    code = "family"
    templates: ClassVar[dict[str, str]] = {
        "greeting": "hello, {name}",
        "plain": "no fields here: {kept}",
    }


def test_code_then_message_then_params() -> None:
    error = _Family("greeting", name="world")
    assert (error.code, error.template, error.params) == (
        "greeting",
        "hello, {name}",
        {"name": "world"},
    )
    assert str(error) == error.message == "hello, world"
    assert str(_Family("other", "given {x}", x=1)) == "given 1"
    assert str(_Family("plain")) == "no fields here: {kept}"  # no params: the text as it is
    with pytest.raises(KeyError):
        _Family("no_such_code")


def test_the_one_config_error_is_a_value_error() -> None:
    error = ConfigError("sync.poll_s: 0 must be a positive number")
    assert isinstance(error, AppError) and isinstance(error, ValueError)
    assert (error.code, str(error)) == (
        "config_invalid",
        "sync.poll_s: 0 must be a positive number",
    )


EVERY_ERROR: list[AppError] = [
    LoyaltyError("loyalty_error", "x"),
    AmountError("amount_empty", "enter an amount"),
    PointsError("points_negative", "x"),
    ReturnError("return_nothing_bought", "x"),
    TermsError("fixed_discount_pct: 101 must be a percentage within 0..100"),
    ProgramError("tiers[0].code", "", "must not be empty"),
    CardNotUsable(CardState.BLOCKED),
    ServiceError("pin_format"),
    UnknownCard(),
    NotAMemberCard("a refund"),
    StoreUnavailable("store_busy"),
    StoreError("not_a_database", "x is not a database file"),
    NotFound("no card 5"),
    SyncError("x"),
    Transient("x", retry_after=3.0),
    TlsFailed("x"),
    ProtocolError("x"),
    AuthFailed("x", 401),
    CursorGone("x"),
    Refused("x", 422),
    PrintError(PrinterStatus.PAPER_OUT, "out of paper"),
    PcscError("SCardConnect", 0x8010001D),
    CardIoError("SCardTransmit: 0x80100016"),
    CardGone("0x80100069"),
    AdminError("members.csv:3: full_name is empty"),
    ConfigError("x"),
]


@pytest.mark.parametrize("error", EVERY_ERROR, ids=lambda e: type(e).__name__)
def test_every_error_of_the_product_has_a_stable_code(error: AppError) -> None:
    assert isinstance(error, AppError)
    assert SNAKE.fullmatch(error.code), error.code
    assert str(error) and error.args == (str(error),)


def test_codes_and_messages_people_and_tests_rely_on() -> None:
    codes = {type(e).__name__: e.code for e in EVERY_ERROR}
    assert codes["CardNotUsable"] == "card_blocked" and codes["ProgramError"] == "program_invalid"
    assert codes["TermsError"] == "card_terms_invalid" and codes["UnknownCard"] == "unknown_card"
    assert codes["NotFound"] == "not_found" and codes["Transient"] == "transient"
    assert codes["TlsFailed"] == "tls_failed" and codes["PrintError"] == "printer_paper_out"
    assert str(NotAMemberCard("a refund")) == "a refund needs a personalised card"
    assert (
        str(ProgramError("tiers[0].code", "", "must not be empty"))
        == "tiers[0].code: '' must not be empty"
    )
    transient = Transient("x", retry_after=3.0)
    assert transient.retry_after == 3.0
    pcsc = PcscError("SCardConnect", -2146435043)
    assert pcsc.hresult == 0x8010001D and str(pcsc).startswith("SCardConnect: 0x8010001D")
