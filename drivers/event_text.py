"""Card events as masked text and as JSON-ready fields (the `listen` command, logs)."""

from __future__ import annotations

import enum
from dataclasses import fields

from drivers.events import CardEvent, CardPresented
from drivers.masking import mask

_NAMES = {
    "CardPresented": "card presented",
    "CardRemoved": "card removed",
    "BankCardRefused": "BANK CARD REFUSED",
    "ReadFailed": "read failed, try again",
    "ReaderAppeared": "reader appeared",
    "ReaderDisappeared": "reader gone",
    "ReaderFailed": "reader failed",
}


def event_fields(event: CardEvent) -> dict[str, object]:
    """Every field, card data masked, enums by value, plus the latency of card events."""
    out: dict[str, object] = {"event": type(event).__name__}
    for f in fields(event):
        value = getattr(event, f.name)
        if f.name in ("uid", "number"):
            value = mask(value) or None
        elif isinstance(value, enum.Enum):
            value = value.value
        out[f.name] = value
    t_detected = getattr(event, "t_detected", 0.0)
    if t_detected:
        out["latency_ms"] = round((event.t_emitted - t_detected) * 1000, 2)
    return out


def event_line(event: CardEvent) -> str:
    """One line for people, e.g. ``card presented  Virtual PCD 00 00  uid ****B2C3``."""
    f = event_fields(event)
    parts = [_NAMES.get(type(event).__name__, type(event).__name__), str(f["source"])]
    parts.append(str(f["technology"]))
    if isinstance(event, CardPresented):
        parts.append(event.card_type.value)
        if event.uid:
            parts.append(f"uid {mask(event.uid)}")
        if event.number:
            parts.append(f"number {mask(event.number)}")
    for key in ("problem", "error"):
        if key in f:
            parts.append(str(f[key]))
    if "latency_ms" in f:
        parts.append(f"({f['latency_ms']} ms)")
    return "  ".join(parts)
