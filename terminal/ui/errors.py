"""What the person at the till reads when something is refused or fails: in their
language, saying what happened and what to do.

Slots catch :data:`SHOWN_ERRORS` (the services' and the rules' errors, and the cache's
own: locked, disk full) and show :func:`error_text`; the failed transaction was rolled
back, so nothing is half-recorded and what was typed stays on screen to try again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from decimal import Decimal

from terminal.loyalty import CardNotUsable, LoyaltyError, Money
from terminal.services.errors import STORE_ERRORS, ServiceError, store_failure
from terminal.services.messages import LOYALTY_ERRORS, card_problem
from terminal.ui.formats import money_text, points_text
from terminal.ui.i18n import translate_message

log = logging.getLogger(__name__)

SHOWN_ERRORS: tuple[type[Exception], ...] = (ServiceError, LoyaltyError, *STORE_ERRORS)


def _shown_params(params: Mapping[str, object]) -> dict[str, object]:
    """An error's figures in the locale's format: money with two decimals, points as
    points, thousands grouped (the CLI prints them as they are)."""
    shown: dict[str, object] = {}
    for name, value in params.items():
        if isinstance(value, Money):
            value = money_text(value.amount)
        elif isinstance(value, Decimal) and value.is_finite():
            value = points_text(value)
        shown[name] = value
    return shown


def error_text(exc: BaseException) -> str:
    if isinstance(exc, STORE_ERRORS):
        # SQLite's own words only: the statement and its parameters may hold personal data.
        log.error("the cache failed: %s", getattr(exc, "orig", exc).args[:1])
        exc = store_failure(exc)
    if isinstance(exc, ServiceError):
        try:
            return translate_message(exc.template).format(**_shown_params(exc.params))
        except (KeyError, IndexError, ValueError):  # a translation that lost a field
            return str(exc)
    if isinstance(exc, CardNotUsable) and (problem := card_problem(exc.state)) is not None:
        return translate_message(problem)
    if isinstance(exc, LoyaltyError) and (template := LOYALTY_ERRORS.get(exc.code)):
        translated = translate_message(template)
        return str(exc) if translated == template else translated  # English: the details
    return str(exc)
