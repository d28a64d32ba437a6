"""What the cashier's window shows next: the results its parts hand it.

Card routing, the search, the session and checkout completion do not switch pages: each
gives the window one of these values (``MainWindow.show_screen``), which a test can check
without looking at widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from terminal.services.identify import CardKey, MemberView
from terminal.ui.errors import error_text


class MessageKind(StrEnum):
    """How a message looks (the object names of the stylesheet's rules)."""

    REFUSAL = "refusal"  # the card cannot be used here: a bank card
    PROBLEM = "problem"  # something to do about it: read again, unknown card, an error
    DONE = "done"  # a checkout recorded


@dataclass(frozen=True, slots=True)
class MemberScreen:
    """The member of a card, with their checkout."""

    view: MemberView


@dataclass(frozen=True, slots=True)
class MessageScreen:
    """A message; ``text()`` is called again when the language changes."""

    text: Callable[[], str]
    kind: MessageKind = MessageKind.REFUSAL
    #: A card the club does not know, which a supervisor may register a member with: the
    #: message then waits (for the supervisor, or Esc) instead of timing out.
    unknown: CardKey | None = None


Screen = MemberScreen | MessageScreen


def problem_screen(exc: BaseException) -> MessageScreen:
    """An error, in the words of terminal.ui.errors."""
    return MessageScreen(partial(error_text, exc), MessageKind.PROBLEM)
