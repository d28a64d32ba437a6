"""What a card is to the rules: personal or bearer, and its state (only an active card
may be used). Plain enums: the errors, the members and the program all name them."""

from __future__ import annotations

import enum


class CardKind(enum.Enum):
    PERSONAL = "personal"
    BEARER = "bearer"


class CardState(enum.Enum):
    NOT_ACTIVATED = "not_activated"
    ACTIVE = "active"
    BLOCKED = "blocked"
    LOST = "lost"
    EXPIRED = "expired"
    REPLACED = "replaced"
