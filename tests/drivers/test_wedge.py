"""The keyboard-wedge burst classifier: a device's burst against a person typing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from paymentkit import SAMPLES, ids

from common.cardnumbers import CardNumberRules
from drivers.config import WedgeConfig, demo_rules
from drivers.events import BankCardRefused, CardPresented, CardType, ReadFailed
from drivers.keycodes import KEY_BACKSPACE, KEY_ENTER, KEY_LEFTSHIFT, code_of
from drivers.virtual.recorder import Recorder
from drivers.wedge import (
    BurstClassifier,
    DeviceBurst,
    KeyPress,
    PersonKeys,
    TypedBurst,
    WedgeReader,
)

OURS = "2990000000018"
CONFIG = WedgeConfig()


def keys(text: str, t0: float, gap: float, enter: bool = True) -> list[KeyPress]:
    """Key presses that type ``text`` on a US keyboard (Shift as its own press)."""
    out: list[KeyPress] = []
    t = t0
    for ch in text:
        code, shift = code_of(ch)
        if shift:
            out.append(KeyPress(KEY_LEFTSHIFT, t, False))
            t += gap / 4
        out.append(KeyPress(code, t, shift))
        t += gap
    if enter:
        out.append(KeyPress(KEY_ENTER, t))
    return out


def run(reader: WedgeReader | BurstClassifier, presses: list[KeyPress]) -> list[object]:
    decisions: list[object] = []
    for k in presses:
        decisions += reader.press(k)
    decisions += reader.tick(presses[-1].t + 10)
    return decisions


def test_a_scanner_burst_is_a_device() -> None:
    decisions = run(BurstClassifier(CONFIG), keys(OURS, 0.0, 0.008))
    assert len(decisions) == 1
    burst = decisions[0]
    assert isinstance(burst, DeviceBurst)
    assert burst.text == OURS and burst.count == len(OURS) + 1


def test_a_person_typing_is_a_person() -> None:
    presses = keys(OURS, 0.0, 0.120)
    decisions = run(BurstClassifier(CONFIG), presses)
    assert all(isinstance(d, PersonKeys) for d in decisions)
    assert sum(d.count for d in decisions if isinstance(d, PersonKeys)) == len(presses)


def test_a_fast_person_typing_a_short_word() -> None:
    decisions = run(BurstClassifier(CONFIG), keys("ok", 0.0, 0.010))
    assert [type(d) for d in decisions] == [PersonKeys]


def test_one_slow_key_in_a_burst_makes_it_a_person() -> None:
    presses = keys(OURS, 0.0, 0.008)
    presses = presses[:10] + [KeyPress(k.code, k.t + 0.2, k.shift) for k in presses[10:]]
    decisions = run(BurstClassifier(CONFIG), presses)
    assert not any(isinstance(d, DeviceBurst) for d in decisions)


def test_editing_keys_go_to_the_person() -> None:
    presses = [*keys("12", 0.0, 0.005, enter=False), KeyPress(KEY_BACKSPACE, 0.012)]
    decisions = run(BurstClassifier(CONFIG), presses)
    assert decisions == [PersonKeys(3)]


def test_no_terminator_configured() -> None:
    classifier = BurstClassifier(WedgeConfig(terminator_keys=()))
    decisions = run(classifier, keys(OURS, 0.0, 0.005, enter=False))
    assert [type(d) for d in decisions] == [DeviceBurst]


def test_a_magstripe_wedge_types_sentinels_via_shift() -> None:
    text = "%A" + OURS + "^MEMBER^?;" + OURS + "=4912?"
    decisions = run(BurstClassifier(CONFIG), keys(text, 0.0, 0.004))
    assert isinstance(decisions[0], DeviceBurst) and decisions[0].text == text


def test_reader_turns_bursts_into_events() -> None:
    rec = Recorder()
    reader = WedgeReader(CONFIG, demo_rules(), rec)
    run(reader, keys(OURS, 0.0, 0.005))
    run(reader, keys(";" + OURS + "=4912?", 1.0, 0.005))
    run(reader, keys("4111111111111111", 2.0, 0.005))
    run(reader, keys("%B4111111111111111^DOE/J^2512101?", 3.0, 0.005))
    run(reader, keys("1234567", 4.0, 0.005))
    presented = rec.of(CardPresented)
    assert [(e.number, e.card_type) for e in presented] == [
        (OURS, CardType.KEYED),
        (OURS, CardType.MAGNETIC),
    ]
    assert len(rec.of(BankCardRefused)) == 2
    assert len(rec.of(ReadFailed)) == 1
    assert "4111" not in repr(rec.events)


def test_a_receipt_code_is_typed_not_taken_for_a_card() -> None:
    """A QR scanner reading a receipt (its operation id, a UUID): no card event, the
    code is to be typed where the keys were going, Enter included."""
    code = "0f8fad5b-d9cb-469f-A165-70867728950e"
    rec = Recorder()
    reader = WedgeReader(CONFIG, demo_rules(), rec)
    presses = keys(code, 0.0, 0.005)  # the A with its Shift, then Enter
    assert run(reader, presses) == [TypedBurst(len(presses), code, True)]
    no_enter = WedgeReader(WedgeConfig(terminator_keys=()), demo_rules(), rec)
    presses = keys(code, 1.0, 0.005, enter=False)
    assert run(no_enter, presses) == [TypedBurst(len(presses), code, False)]
    assert rec.events == []
    # one character off the shape: still the card policy (not a club card)
    run(reader, keys(code[:-1] + "g", 2.0, 0.005))
    assert len(rec.of(ReadFailed)) == 1


@given(
    st.lists(
        st.tuples(st.sampled_from([2, 3, 11, 16, 28, 39, 42, 53, 14, 57, 96]), st.floats(0, 0.3)),
        max_size=60,
    )
)
def test_every_key_is_accounted_for_exactly_once(presses: list[tuple[int, float]]) -> None:
    classifier = BurstClassifier(CONFIG)
    t = 0.0
    seen = 0
    accounted = 0
    for code, gap in presses:
        t += gap
        seen += 1
        for d in classifier.press(KeyPress(code, t)):
            assert isinstance(d, PersonKeys | DeviceBurst)
            accounted += d.count
        assert accounted + classifier.holding == seen
    for d in classifier.tick(t + 1):
        accounted += d.count
    assert accounted == seen and classifier.holding == 0


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_every_scheme_through_a_wedge_is_refused(scheme: str, pan: str) -> None:
    """A scanner typing the bare number, a stripe wedge typing its tracks: each scheme of
    docs/payment-cards.md is a bank card (BELKART, UzCard, Humo, ... were taken for club
    cards under patterns that allowed them), and no event carries its digits."""
    texts = [pan, f";{pan}?", f";{pan}=2812?", f"%{pan}^CARDHOLDER^?"]
    for rules in (demo_rules(), CardNumberRules(), CardNumberRules(prefixes=(pan[:2],))):
        rec = Recorder()
        reader = WedgeReader(CONFIG, rules, rec)
        for i, text in enumerate(texts):
            run(reader, keys(text, float(i), 0.005))
        assert len(rec.of(BankCardRefused)) == len(texts) and rec.of(CardPresented) == []
        assert pan[:12] not in repr(rec.events)
