"""A refusal's figures read as the screen's own: money with the locale's separators and
two decimals, points as points, thousands grouped; the CLI's English text keeps them
plain."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication

from terminal.loyalty import Money
from terminal.services.errors import ServiceError
from terminal.services.offline import OfflineLimit
from terminal.ui.errors import error_text
from terminal.ui.i18n import switch_language


@pytest.fixture
def language(qapp: QApplication) -> Iterator[None]:
    yield
    switch_language("en")


def test_a_limit_in_money_is_grouped_with_the_locales_decimals(language: None) -> None:
    refusal = ServiceError("purchase_needs_supervisor", limit=Money.parse("1000000"))
    assert "1000000.00" in str(refusal)  # the CLI and the log: plain
    switch_language("en")
    assert "1,000,000.00" in error_text(refusal)
    switch_language("ru")
    shown = error_text(refusal)
    assert "1000000.00" not in shown
    assert "1\xa0000\xa0000,00" in shown


def test_points_left_are_points(language: None) -> None:
    switch_language("uk")
    shown = error_text(OfflineLimit("office_refused", left=Decimal(1234500).scaleb(-2)))
    assert "12\xa0345" in shown and "12345.00" not in shown


def test_a_figure_that_is_not_a_number_is_shown_as_it_is(language: None) -> None:
    shown = error_text(ServiceError("bad_points", points=Decimal("NaN")))
    assert "NaN" in shown
