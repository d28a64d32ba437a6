"""What the use cases need to know of the till's conversation with the office (kept in
``sync_state`` by :mod:`terminal.store.sync_state`): is the till enrolled, under which
terminal id, with which offline limits, and when did it last hear from the office."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Connection

from terminal.store import sync_state


class SyncFacts:
    """Reading the sync state inside a transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def terminal_id(self) -> str | None:
        """The till's terminal id at the office, as stored (None: not enrolled)."""
        return sync_state.get_state(self._conn, sync_state.OFFICE_TERMINAL)

    def offline_limits(self) -> dict[str, int | bool]:
        """The office's offline limits as it last sent them ({}: none sent yet)."""
        text = sync_state.get_state(self._conn, sync_state.LIMITS)
        return dict(json.loads(text)) if text else {}

    def last_contact(self) -> datetime | None:
        """The till's time of its last successful exchange with the office."""
        return self._time(sync_state.LAST_CONTACT)

    def last_pull(self) -> datetime | None:
        """The till's time when its cache last caught up with the office."""
        return self._time(sync_state.LAST_PULL)

    def _time(self, key: str) -> datetime | None:
        text = sync_state.get_state(self._conn, key)
        return None if text is None else datetime.fromisoformat(text)
