"""ISO/IEC 7813 magnetic-stripe tracks: parsing, LRC check, bank-card detection, and the
verdict on a swipe. Pure functions, no I/O.

A swipe arrives as text: ``%...?`` (track 1), ``;...?`` (track 2), ``;...?`` or ``+...?``
(track 3), each optionally followed by its LRC character. Anything doubtful (a missing
end sentinel, a character outside the track's alphabet, a bad LRC, a reader's ``E``
error marker) makes the track *torn*: the swipe is retried, never guessed at.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from drivers.cardnumbers import CardNumberRules, NumberClass, classify, is_payment_pan

_T1_START, _T2_START, _T3_ALT_START, _END = "%", ";", "+", "?"
_STARTS = "%;+"
# Bank-card shapes, looked for anywhere in a swipe (torn ones too): format code B + PAN +
# field separator on track 1, PAN + '=' + expiry YYMM + service code on track 2/3.
_BANK_T1 = re.compile(r"B\d{12,19}\^")
_BANK_T2 = re.compile(r"(?<!\d)\d{12,19}=\d{7}")


class TrackState(enum.Enum):
    OK = "ok"
    TORN = "torn"


@dataclass(frozen=True, slots=True)
class Track:
    number: int  # 1, 2 or 3
    state: TrackState
    data: str = field(default="", repr=False)  # between the sentinels (empty when torn)
    lrc_checked: bool = False


def _t1_ok(ch: str) -> bool:
    return 0x20 <= ord(ch) <= 0x5F and ch not in "%?;"


def _t23_ok(ch: str) -> bool:
    return 0x30 <= ord(ch) <= 0x3F and ch not in ";?"


def lrc_char(track: int, data: str) -> str:
    """The LRC character of a track's ``data`` (between its sentinels)."""
    if track == 1:
        value = 0
        for ch in _T1_START + data + _END:
            value ^= ord(ch) - 0x20
        return chr(value + 0x20)
    value = 0
    for ch in _T2_START + data + _END:
        value ^= ord(ch) - 0x30
    return chr(value + 0x30)


def encode_track(track: int, data: str, with_lrc: bool = False) -> str:
    """The text a reader sends for ``data`` on ``track`` (tests, virtual devices)."""
    start = _T1_START if track == 1 else _T2_START
    return start + data + _END + (lrc_char(track, data) if with_lrc else "")


@dataclass(frozen=True, slots=True)
class ParsedSwipe:
    tracks: tuple[Track, ...]  # in the order read
    saw_sentinel: bool  # False: the text was noise, not a swipe

    def track(self, number: int) -> Track | None:
        for t in self.tracks:
            if t.number == number:
                return t
        return None

    @property
    def torn(self) -> bool:
        return any(t.state is TrackState.TORN for t in self.tracks)


def _is_lrc_position(text: str, i: int, expected: str) -> bool:
    """Is ``text[i]`` (just after an end sentinel) the track's LRC? A start sentinel there
    begins the next track, unless it is the expected LRC and no track can follow it."""
    ch = text[i]
    if ch in "\r\n":
        return False
    if ch not in _STARTS:
        return True
    return ch == expected and (i + 1 == len(text) or text[i + 1] in _STARTS + "\r\n")


def parse_tracks(text: str) -> ParsedSwipe:
    """Split one swipe's text into tracks. Never raises; doubtful tracks come out TORN."""
    tracks: list[Track] = []
    saw = False
    next_semicolon_track = 2
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch not in _STARTS:
            i += 1  # noise between tracks (or before the first): never part of a number
            continue
        saw = True
        if ch == _T1_START:
            number, ok = 1, _t1_ok
        elif ch == _T3_ALT_START:
            number, ok = 3, _t23_ok
        else:
            number, ok = next_semicolon_track, _t23_ok
            next_semicolon_track = 3
        j = i + 1
        while j < n and ok(text[j]):
            j += 1
        if j >= n or text[j] != _END:
            tracks.append(Track(number, TrackState.TORN))
            i = j
            continue
        data = text[i + 1 : j]
        i = j + 1
        checked = False
        if i < n and _is_lrc_position(text, i, lrc_char(number, data)):
            checked = True
            if text[i] != lrc_char(number, data):
                tracks.append(Track(number, TrackState.TORN))
                i += 1
                continue
            i += 1
        if data.upper() == "E" or (number == 1 and data[:1] == "E" and len(data) == 1):
            tracks.append(Track(number, TrackState.TORN))  # the reader's own error mark
            continue
        tracks.append(Track(number, TrackState.OK, data, checked))
    return ParsedSwipe(tuple(tracks), saw)


def looks_like_bank_card(text: str) -> bool:
    """True if any part of ``text`` (even a torn one) has the shape of payment-card data."""
    if _BANK_T1.search(text) or _BANK_T2.search(text):
        return True
    return any(is_payment_pan(run) for run in re.findall(r"\d{12,19}", text))


def number_in_track(track: Track) -> str | None:
    """The account number field of a track: up to the field separator, digits only."""
    data = track.data
    if track.number == 1:
        if data[:1].isalpha():
            data = data[1:]  # the format code
        field_ = data.split("^", 1)[0]
    else:
        field_ = data.split("=", 1)[0]
    return field_ if field_.isascii() and field_.isdigit() else None


class Verdict(enum.Enum):
    OURS = "ours"
    BANK = "bank"
    RETRY = "retry"  # torn or partial: swipe again
    MISSING = "missing"  # the configured track is not on the card
    FOREIGN = "foreign"  # read fine, but not a number of this program
    NOISE = "noise"  # not a swipe at all


@dataclass(frozen=True, slots=True)
class SwipeResult:
    verdict: Verdict
    number: str | None = field(default=None, repr=False)  # only for OURS


def interpret_swipe(text: str, track: int, rules: CardNumberRules) -> SwipeResult:
    """The whole policy for one swipe: bank cards first, then the configured track."""
    if looks_like_bank_card(text):
        return SwipeResult(Verdict.BANK)
    parsed = parse_tracks(text)
    if not parsed.saw_sentinel:
        return SwipeResult(Verdict.NOISE)
    for t in parsed.tracks:
        if t.state is TrackState.OK and t.number == 1 and t.data[:1] == "B" and "^" in t.data:
            return SwipeResult(Verdict.BANK)  # format B: a financial card, whatever its PAN
    chosen = parsed.track(track)
    if chosen is None:
        return SwipeResult(Verdict.RETRY if parsed.torn else Verdict.MISSING)
    if chosen.state is TrackState.TORN:
        return SwipeResult(Verdict.RETRY)
    number = number_in_track(chosen)
    if not number:
        return SwipeResult(Verdict.RETRY if parsed.torn else Verdict.FOREIGN)
    match classify(number, rules):
        case NumberClass.BANK:
            return SwipeResult(Verdict.BANK)
        case NumberClass.OURS:
            return SwipeResult(Verdict.OURS, number)
        case NumberClass.FOREIGN:
            return SwipeResult(Verdict.FOREIGN)
