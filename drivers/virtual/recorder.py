"""An event sink that keeps what it gets and lets a caller wait for an event (tests,
benchmark, the `listen` command)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from drivers.events import CardEvent

T = TypeVar("T")


class Recorder:
    """An event sink that keeps what it gets and lets a test wait for an event."""

    def __init__(self) -> None:
        self.events: list[CardEvent] = []
        self._cond = threading.Condition()

    def __call__(self, event: CardEvent) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def of(self, kind: type[T]) -> list[T]:
        with self._cond:
            return [e for e in self.events if isinstance(e, kind)]

    def wait_for(
        self,
        kind: type[T],
        where: Callable[[Any], bool] = lambda e: True,
        *,
        count: int = 1,
        timeout: float = 5.0,
        after: int = 0,
    ) -> list[T]:
        """Wait until ``count`` events of ``kind`` (matching ``where``) arrived at or
        after index ``after``; return them all."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found: list[T] = [
                    e for e in self.events[after:] if isinstance(e, kind) and where(e)
                ]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    names = [type(e).__name__ for e in self.events[after:]]
                    raise AssertionError(f"no {count} x {kind.__name__} within {timeout}s: {names}")
                self._cond.wait(left)

    def mark(self) -> int:
        with self._cond:
            return len(self.events)
