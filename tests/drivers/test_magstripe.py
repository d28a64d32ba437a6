"""ISO/IEC 7813 tracks: parsing, LRC, torn swipes, bank cards; fuzzed with Hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paymentkit import SAMPLES, ids

from common.cardnumbers import CardNumberRules
from drivers.config import demo_rules
from drivers.magstripe import (
    TrackState,
    Verdict,
    encode_track,
    interpret_swipe,
    lrc_char,
    number_in_track,
    parse_tracks,
)

OURS = "2990000000018"
RULES = demo_rules()


def test_track_2_number() -> None:
    r = interpret_swipe(encode_track(2, OURS), 2, RULES)
    assert r.verdict is Verdict.OURS and r.number == OURS


def test_track_2_with_separator_and_lrc() -> None:
    text = encode_track(2, OURS + "=4912", with_lrc=True)
    parsed = parse_tracks(text)
    assert parsed.tracks[0].lrc_checked
    assert interpret_swipe(text, 2, RULES).number == OURS


def test_track_1_loyalty_layouts() -> None:
    for data in (OURS, "A" + OURS + "^MEMBER^", OURS + "^"):
        r = interpret_swipe(encode_track(1, data, with_lrc=True), 1, RULES)
        assert r.verdict is Verdict.OURS, data
        assert r.number == OURS


def test_all_three_tracks_pick_the_named_one() -> None:
    text = encode_track(1, "A1111^X^") + encode_track(2, OURS) + encode_track(3, "2990000000026")
    assert interpret_swipe(text, 2, RULES).number == OURS
    assert interpret_swipe(text, 3, RULES).number == "2990000000026"
    assert interpret_swipe(text, 1, RULES).verdict is Verdict.FOREIGN


def test_track_3_alone_with_plus_sentinel() -> None:
    assert interpret_swipe("+" + OURS + "?", 3, RULES).number == OURS


@pytest.mark.parametrize(
    "text",
    [
        ";2990000000",  # no end sentinel
        ";29900000A0018?",  # a character outside track 2's alphabet
        ";" + OURS + "?" + chr(ord(lrc_char(2, OURS)) ^ 1),  # wrong LRC
        ";E?",  # the reader's own error mark
        "%E?;E?",
        "%" + OURS + "^X^;" + OURS,  # track 2 torn
    ],
)
def test_torn_swipes_say_swipe_again(text: str) -> None:
    assert interpret_swipe(text, 2, RULES).verdict is Verdict.RETRY


def test_missing_track() -> None:
    assert interpret_swipe(encode_track(1, OURS), 2, RULES).verdict is Verdict.MISSING


def test_noise_is_not_a_swipe() -> None:
    assert interpret_swipe("\x00\x7fhello", 2, RULES).verdict is Verdict.NOISE


@pytest.mark.parametrize(
    "text",
    [
        "%B4111111111111111^DOE/JOHN^2512101000000000000?;4111111111111111=25121010000000?",
        ";5555555555554444=2512101?",
        "%B5555555555554444^DOE/JANE^2512?",
        "%B1234567890123^ANY^2512101?",  # format B is financial, whatever the number
        ";4111111111111111=25121",  # torn, but bank-shaped: refused all the same
        "%B4111111111111111^DOE",
    ],
)
def test_bank_cards_are_refused(text: str) -> None:
    for track in (1, 2, 3):
        r = interpret_swipe(text, track, RULES)
        assert r.verdict is Verdict.BANK
        assert r.number is None


def test_a_bank_pan_on_the_named_track_is_refused() -> None:
    assert interpret_swipe(";4111111111111111?", 2, RULES).verdict is Verdict.BANK


def test_number_field_must_be_digits() -> None:
    t = parse_tracks(";29900=00018?").tracks[0]
    assert t.state is TrackState.OK
    assert number_in_track(t) == "29900"


# -- fuzzing ---------------------------------------------------------------------------

track2_chars = st.sampled_from("0123456789=:<>")
swipe_alphabet = st.sampled_from("%;+?^=0123456789ABZ /\r\n\x00\xff")


@settings(max_examples=400)
@given(st.text(alphabet=swipe_alphabet, max_size=120), st.integers(1, 3))
def test_parser_never_raises_and_never_invents_a_number(text: str, track: int) -> None:
    r = interpret_swipe(text, track, RULES)
    if r.verdict is Verdict.OURS:
        assert r.number is not None and r.number in text
        assert RULES.matches(r.number)
    else:
        assert r.number is None


@given(st.text(track2_chars, max_size=30), st.booleans())
def test_encode_then_parse_round_trips(data: str, lrc: bool) -> None:
    parsed = parse_tracks(encode_track(2, data, lrc))
    assert len(parsed.tracks) == 1
    assert parsed.tracks[0].state is TrackState.OK and parsed.tracks[0].data == data


@given(st.integers(1, 12), st.data())
def test_a_cut_swipe_never_gives_a_number(cut: int, data: st.DataObject) -> None:
    """Any prefix of a good swipe that lost its end gives no number."""
    full = encode_track(2, OURS)
    prefix = full[: len(full) - cut]
    assert interpret_swipe(prefix, 2, RULES).number is None


@given(st.integers(0, len(OURS) - 1), st.sampled_from("0123456789"))
def test_a_flipped_digit_with_lrc_is_caught(pos: int, digit: str) -> None:
    good = encode_track(2, OURS, with_lrc=True)
    bad_digits = OURS[:pos] + digit + OURS[pos + 1 :]
    text = ";" + bad_digits + "?" + good[-1]
    r = interpret_swipe(text, 2, RULES)
    if bad_digits != OURS:
        assert r.verdict is not Verdict.OURS


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_every_scheme_on_a_stripe_is_refused(scheme: str, pan: str) -> None:
    """Each scheme of docs/payment-cards.md, on track 2 with or without an expiry, on a
    track 1 of no format code, or as bare digits: a bank card whatever the patterns."""
    swipes = [
        (encode_track(2, pan), 2),
        (encode_track(2, f"{pan}=", with_lrc=True), 2),
        (encode_track(2, f"{pan}=2812"), 2),
        (encode_track(1, f"{pan}^CARDHOLDER^"), 1),
        (encode_track(3, pan), 3),
    ]
    for rules in (RULES, CardNumberRules(), CardNumberRules(prefixes=(pan[:2],))):
        for text, track in swipes:
            result = interpret_swipe(text, track, rules)
            assert result.verdict is Verdict.BANK and result.number is None, (text, track)
