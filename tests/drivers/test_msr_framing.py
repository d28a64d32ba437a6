"""Cutting serial bytes into swipes: CR/LF ends, MSR605 ESC frames, timeouts, floods."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drivers.magstripe import encode_track
from drivers.msr_framing import AsciiFramer, Msr605Framer, msr605_response

OURS = "2990000000018"


def test_ascii_lines() -> None:
    f = AsciiFramer(0.3)
    frames = f.feed(b";" + OURS.encode() + b"?\r\n;1?\n", 1.0)
    assert [x.text for x in frames] == [";" + OURS + "?", ";1?"]
    assert all(x.complete and x.t_last == 1.0 for x in frames)


def test_ascii_split_across_reads_and_torn_by_silence() -> None:
    f = AsciiFramer(0.3)
    assert f.feed(b";2990", 1.0) == []
    assert f.expire(1.2) == []
    [torn] = f.expire(1.31)
    assert not torn.complete and torn.text == ";2990"
    assert f.feed(b"\r\n", 2.0) == []


def test_ascii_flood_is_bounded() -> None:
    f = AsciiFramer(0.3, max_bytes=100)
    frames = f.feed(b"x" * 65536, 1.0)
    assert len(frames) == 1 and not frames[0].complete
    assert f.feed(b"\n;" + OURS.encode() + b"?\n", 1.1)[-1].text == ";" + OURS + "?"


def test_msr605_frame() -> None:
    f = Msr605Framer(0.3)
    raw = msr605_response(encode_track(1, "A" + OURS + "^X^"), encode_track(2, OURS), "")
    frames = f.feed(b"noise" + raw[:7], 1.0) + f.feed(raw[7:], 1.01)
    [frame] = frames
    assert frame.complete and frame.text == "%A" + OURS + "^X^?;" + OURS + "?"


def test_msr605_track3_only_and_bad_status() -> None:
    f = Msr605Framer(0.3)
    [frame] = f.feed(msr605_response("", "", encode_track(3, OURS)), 1.0)
    assert frame.text == "+" + OURS + "?"
    [bad] = f.feed(msr605_response("", encode_track(2, OURS), "", status="9"), 1.0)
    assert not bad.complete


def test_msr605_torn_by_silence() -> None:
    f = Msr605Framer(0.3)
    assert f.feed(b"\x1bs\x1b1%A12", 1.0) == []
    [torn] = f.expire(1.5)
    assert not torn.complete


@given(st.binary(max_size=3000))
def test_framers_never_raise(data: bytes) -> None:
    for framer in (AsciiFramer(0.3), Msr605Framer(0.3)):
        frames = framer.feed(data, 1.0) + framer.expire(5.0)
        assert all(len(x.text) <= 2048 for x in frames)
