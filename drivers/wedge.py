"""Keyboard-wedge readers and barcode scanners: telling a device from a person typing.

A device types a whole number in a burst (a few ms between keys) and ends it with a
terminator key (Enter); a person is slower. The classifier works on key *codes* (evdev
numbering, see keycodes.py), so the keyboard layout, Russian included, changes nothing.

The key hook (Qt: wedge_qt.py) gives every key press to :meth:`WedgeReader.press` and
holds it back; the reader answers with :class:`PersonKeys` for the keys that a person
typed (the hook passes those on, in order) and turns a device's burst into a card event
(the hook drops those keys: a card number never lands in a text field). A burst shaped
like a receipt's code (the operation id, a UUID, which a QR scanner types) is no card:
the reader answers :class:`TypedBurst` and the hook types its text where the keys were
going, as a US layout makes it (so a Russian layout does not turn ``a`` into ``ф``). The
hook also
calls :meth:`WedgeReader.tick` from a timer so held keys are released within
``max_inter_key_ms``.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass, field

from drivers.cardnumbers import CardNumberRules, NumberClass, classify
from drivers.config import WedgeConfig
from drivers.events import (
    BankCardRefused,
    CardEvent,
    CardPresented,
    CardType,
    EventSink,
    ReadFailed,
    ReadProblem,
    Technology,
)
from drivers.keycodes import SHIFT_KEYS, TERMINATOR_KEYS, char_of
from drivers.magstripe import Verdict, interpret_swipe, looks_like_bank_card
from drivers.masking import mask

log = logging.getLogger(__name__)

SOURCE = "wedge"
MAX_BURST_KEYS = 256
# A receipt's code: the operation id (a UUID, 36 characters), as its QR holds it.
RECEIPT_CODE = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")


def is_receipt_code(text: str) -> bool:
    """A UUID-shaped text: a receipt's code, never a card number."""
    return RECEIPT_CODE.fullmatch(text.strip()) is not None


@dataclass(frozen=True, slots=True)
class KeyPress:
    code: int  # evdev key code (X11 keycode - 8; Windows set-1 scan code)
    t: float  # monotonic seconds
    shift: bool = False


@dataclass(frozen=True, slots=True)
class DeviceBurst:
    """The oldest ``count`` held keys were a device's: drop them (the card event is out)."""

    count: int
    text: str = field(repr=False)  # what the device typed, as a US keyboard makes it
    t_last: float = 0.0  # the terminator (or last key) time
    terminated: bool = False  # the last of the ``count`` keys is the terminator


@dataclass(frozen=True, slots=True)
class TypedBurst:
    """The oldest ``count`` held keys were a device typing text that is not a card (a
    receipt's code): drop them, type ``text`` where they were going instead, then pass on
    the terminator (the last key) if ``terminated``."""

    count: int
    text: str
    terminated: bool


@dataclass(frozen=True, slots=True)
class PersonKeys:
    """The oldest ``count`` held keys were typed by a person: pass them on."""

    count: int


Decision = DeviceBurst | PersonKeys | TypedBurst


class BurstClassifier:
    """Pure state machine: key presses in, decisions out (nothing is kept after one)."""

    def __init__(self, config: WedgeConfig) -> None:
        self.max_gap_s = config.max_inter_key_ms / 1000
        self.min_length = config.min_length
        self.terminators = frozenset(TERMINATOR_KEYS[k] for k in config.terminator_keys)
        self._held: list[KeyPress] = []

    @property
    def holding(self) -> int:
        return len(self._held)

    def press(self, key: KeyPress) -> list[Decision]:
        out: list[Decision] = []
        if self._held and key.t - self._held[-1].t > self.max_gap_s:
            out += self._timeout()
        if key.code in self.terminators:
            burst = self._burst(self._held, key.t, len(self._held) + 1)
            if burst is not None:
                out.append(burst)
            else:
                out.append(PersonKeys(len(self._held) + 1))
            self._held.clear()
            return out
        if key.code not in SHIFT_KEYS and char_of(key.code, key.shift) is None:
            out.append(PersonKeys(len(self._held) + 1))  # arrows, Backspace, F-keys...
            self._held.clear()
            return out
        self._held.append(key)
        if len(self._held) > MAX_BURST_KEYS:
            out.append(PersonKeys(len(self._held)))
            self._held.clear()
        return out

    def tick(self, now: float) -> list[Decision]:
        """Called by a timer: settle held keys once the burst has gone quiet."""
        if self._held and now - self._held[-1].t > self.max_gap_s:
            return self._timeout()
        return []

    def _timeout(self) -> list[Decision]:
        held = list(self._held)
        self._held.clear()
        if not self.terminators:  # devices configured to send no terminator
            burst = self._burst(held, held[-1].t, len(held))
            if burst is not None:
                return [burst]
        return [PersonKeys(len(held))]

    def _burst(self, keys: list[KeyPress], t_end: float, count: int) -> DeviceBurst | None:
        typed = [k for k in keys if k.code not in SHIFT_KEYS]
        if len(typed) < self.min_length:
            return None
        times = [k.t for k in keys] + [t_end]
        if any(b - a > self.max_gap_s for a, b in itertools.pairwise(times)):
            return None
        text = "".join(char_of(k.code, k.shift) or "" for k in typed)
        return DeviceBurst(count, text, t_end, terminated=count > len(keys))


class WedgeReader:
    """The classifier plus the card policy: bursts become events on ``sink``."""

    technology = Technology.WEDGE

    def __init__(
        self,
        config: WedgeConfig,
        rules: CardNumberRules,
        sink: EventSink,
        source: str = SOURCE,
    ) -> None:
        self.source = source
        self.config = config
        self.rules = rules
        self._sink = sink
        self.classifier = BurstClassifier(config)

    def press(self, key: KeyPress) -> list[Decision]:
        """Classify ``key``; device bursts become events here. The caller passes on the
        keys of each PersonKeys, drops those of each DeviceBurst and types the text of
        each TypedBurst instead of its keys, in order."""
        return self._settle(self.classifier.press(key))

    def tick(self, now: float) -> list[Decision]:
        return self._settle(self.classifier.tick(now))

    def _settle(self, decisions: list[Decision]) -> list[Decision]:
        out: list[Decision] = []
        for d in decisions:
            if isinstance(d, DeviceBurst) and is_receipt_code(d.text):
                log.debug("wedge: a receipt code, typed into the field")
                out.append(TypedBurst(d.count, d.text.strip(), d.terminated))
                continue
            if isinstance(d, DeviceBurst):
                self._on_burst(d)
            out.append(d)
        return out

    def _on_burst(self, burst: DeviceBurst) -> None:
        text = burst.text
        t = burst.t_last
        if looks_like_bank_card(text):
            log.info("wedge: bank card refused")
            self._emit(BankCardRefused(self.source, self.technology, t))
            return
        if any(c in text for c in "%;+"):
            result = interpret_swipe(text, self.config.track, self.rules)
            if result.verdict is Verdict.BANK:
                self._emit(BankCardRefused(self.source, self.technology, t))
            elif result.verdict is Verdict.OURS and result.number:
                self._presented(result.number, CardType.MAGNETIC, t)
            else:
                problem = (
                    ReadProblem.NOT_OURS
                    if result.verdict is Verdict.FOREIGN
                    else ReadProblem.TORN_SWIPE
                )
                self._emit(ReadFailed(self.source, self.technology, problem, t))
            return
        number = text.strip()
        match classify(number, self.rules):
            case NumberClass.BANK:
                self._emit(BankCardRefused(self.source, self.technology, t))
            case NumberClass.OURS:
                self._presented(number, CardType.KEYED, t)
            case NumberClass.FOREIGN:
                self._emit(ReadFailed(self.source, self.technology, ReadProblem.NOT_OURS, t))

    def _emit(self, event: CardEvent) -> None:
        try:
            self._sink(event)
        except Exception:
            log.exception("wedge: the event sink failed on %s", type(event).__name__)

    def _presented(self, number: str, card_type: CardType, t: float) -> None:
        log.debug("wedge: card %s", mask(number))
        self._emit(
            CardPresented(self.source, self.technology, card_type, number=number, t_detected=t)
        )
