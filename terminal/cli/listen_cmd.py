"""`loyalty-terminal listen`: print card events as they arrive, card data masked."""

from __future__ import annotations

import argparse
import json
import queue
import time

from drivers.config import ReadersConfig
from drivers.event_text import event_fields, event_line
from drivers.events import CardEvent
from drivers.hub import ReaderHub


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "listen", help="print card events from the configured readers (masked) until Ctrl-C"
    )
    p.add_argument("--seconds", type=float, default=None, metavar="N", help="stop after N s")
    p.add_argument("--json", action="store_true", help="one JSON object a line")


def run(args: argparse.Namespace, readers: ReadersConfig) -> int:
    events: queue.Queue[CardEvent] = queue.Queue()
    seconds = getattr(args, "seconds", None)
    as_json = getattr(args, "json", False)
    deadline = None if seconds is None else time.monotonic() + seconds
    if not as_json:
        until = "Ctrl-C" if deadline is None else f"{seconds:g} s"
        print(f"listening to the card readers for {until}; tap or swipe a card", flush=True)
    try:
        with ReaderHub(readers, events.put):
            while deadline is None or time.monotonic() < deadline:
                wait = 0.2 if deadline is None else max(0.0, min(0.2, deadline - time.monotonic()))
                try:
                    event = events.get(timeout=wait)
                except queue.Empty:
                    continue
                stamp = time.strftime("%H:%M:%S")
                if as_json:
                    print(json.dumps(event_fields(event), ensure_ascii=False), flush=True)
                else:
                    print(f"{stamp}  {event_line(event)}", flush=True)
    except KeyboardInterrupt:
        pass
    return 0
