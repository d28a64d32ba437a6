"""The one error base of the product, and the one configuration error.

Every error a person may meet (the rules', the use cases', the cache's, the sync's, the
devices', the office's) is an :class:`AppError`:

- ``code``: stable snake_case, what the UI translates by and tests check (never reworded);
- ``template``: an English message with ``{named}`` fields, and ``params``, their values;
  ``str(error)`` is the template filled in (what the CLI prints and the logs show).

One constructor order, everywhere: **code, then message, then named params**::

    ServiceError("not_allowed", action="a refund", role="cashier")
    AmountError("amount_empty", "enter an amount")
    StoreError("not_a_database", f"{path} is not a database file")

A family whose members differ by code takes the code first (above). A class that fixes
its code (a class attribute) leaves it out and keeps the rest of the order: the message,
then its named params (``NotFound(message)``, ``Transient(message, retry_after=5)``,
``ConfigError(message)``). Without a message, the template comes from the class's
``templates`` by code (the use cases' English texts, marked for translation).

Imports only the standard library: the till (terminal/, drivers/, sync/), the pure rules
(terminal/loyalty) and the office may all build on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar


class AppError(Exception):
    """Base of every error the product raises on purpose, with a stable ``code``."""

    code: str = "app_error"
    #: English templates by code, for an error raised with a code and no message.
    templates: ClassVar[Mapping[str, str]] = {}

    def __init__(self, code: str, message: str | None = None, /, **params: object) -> None:
        self.code = code
        self.template: str = self.templates[code] if message is None else message
        self.params: dict[str, object] = params
        super().__init__(self.template.format(**params) if params else self.template)

    @property
    def message(self) -> str:
        """The English text for people (``str(error)``)."""
        return str(self)


class ConfigError(AppError, ValueError):
    """The configuration cannot be used: the message names the key and the value
    (``sync.poll_s: 0 must be a positive number``). The one configuration error of the
    product: the terminal's options, the readers, the printer, the receipts and the card
    number rules all raise it. Raised by a check that does not know its key, it is raised
    again by the table that does, with the key in front."""

    code = "config_invalid"

    def __init__(self, message: str) -> None:
        super().__init__(self.code, message)
