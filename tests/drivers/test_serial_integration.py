"""The serial magnetic-stripe driver reading a pty that plays swipes."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drivers.config import Framing, SerialReaderConfig, demo_rules
from drivers.events import (
    BankCardRefused,
    CardPresented,
    CardType,
    ReaderAppeared,
    ReaderDisappeared,
    ReaderFailed,
    ReadFailed,
    ReadProblem,
)
from drivers.serial_msr import SerialMsrDriver
from drivers.virtual.pty_msr import PtyMsr
from drivers.virtual.recorder import Recorder

pytestmark = pytest.mark.integration

OURS = "2990000000018"
OTHER = "2990000000026"
BANK_T1 = "B4111111111111111^DOE/JOHN^2512101000000000000"
BANK_T2 = "4111111111111111=25121010000000"

Start = Callable[..., PtyMsr]


@pytest.fixture
def start(tmp_path: Path, recorder: Recorder) -> Iterator[Start]:
    made: list[tuple[PtyMsr, SerialMsrDriver]] = []

    def start_(framing: Framing = Framing.ASCII, track: int = 2) -> PtyMsr:
        pty = PtyMsr(tmp_path / f"ttyMSR{len(made)}")
        config = SerialReaderConfig(port=str(pty.path), framing=framing, track=track)
        driver = SerialMsrDriver(config, demo_rules(), recorder)
        made.append((pty, driver))
        driver.start()
        recorder.wait_for(ReaderAppeared)
        return pty

    yield start_
    for pty, driver in made:
        driver.stop()
        pty.vanish()


def test_good_swipes(start: Start, recorder: Recorder) -> None:
    pty = start()
    t_written = pty.swipe(t1="A" + OURS + "^MEMBER^", t2=OURS + "=49121", lrc=True)
    [event] = recorder.wait_for(CardPresented)
    assert event.number == OURS and event.uid is None
    assert event.card_type is CardType.MAGNETIC and event.source == str(pty.path)
    assert event.t_emitted - t_written < 0.05
    pty.swipe(t2=OTHER)
    assert recorder.wait_for(CardPresented, count=2)[1].number == OTHER


def test_torn_swipes_ask_for_another(start: Start, recorder: Recorder) -> None:
    pty = start()
    pty.write(b";2990000")  # the card left the head: no end sentinel, no CR
    [failed] = recorder.wait_for(ReadFailed, timeout=2)
    assert failed.problem is ReadProblem.TORN_SWIPE
    time.sleep(1.0)  # failures are reported at most once a second
    pty.write(b";299000000\r\n")
    recorder.wait_for(ReadFailed, count=2, timeout=2)
    pty.swipe(t2=OURS)
    [event] = recorder.wait_for(CardPresented)
    assert event.number == OURS


def test_noise_then_a_good_swipe(start: Start, recorder: Recorder) -> None:
    pty = start()
    pty.write(b"\x00\xff\x13garbage\r\n\x7f")
    time.sleep(0.4)
    pty.swipe(t2=OURS)
    [event] = recorder.wait_for(CardPresented)
    assert event.number == OURS


def test_a_64k_flood_is_survived(start: Start, recorder: Recorder) -> None:
    pty = start()
    flood = os.urandom(65536).replace(b";2990", b"xxxxx")
    pty.write(flood)
    time.sleep(0.5)
    mark = recorder.mark()
    pty.swipe(t2=OURS)
    [event] = recorder.wait_for(CardPresented, after=mark, timeout=3)
    assert event.number == OURS
    assert all(e.number == OURS for e in recorder.of(CardPresented))


def test_bank_card_swipe_is_refused(start: Start, recorder: Recorder) -> None:
    pty = start()
    pty.swipe(t1=BANK_T1, t2=BANK_T2)
    [refused] = recorder.wait_for(BankCardRefused)
    assert refused.source == str(pty.path)
    assert "4111" not in repr(recorder.events)
    assert recorder.of(CardPresented) == []


def test_msr605_framing(start: Start, recorder: Recorder) -> None:
    pty = start(Framing.MSR605, track=1)
    pty.swipe_msr605(t1="A" + OURS + "^MEMBER^", t2=OTHER)
    [event] = recorder.wait_for(CardPresented)
    assert event.number == OURS
    assert b"\x1br" in pty.read_available()  # the driver armed the reader
    pty.swipe_msr605(t1="A" + OURS, status="9")
    recorder.wait_for(ReadFailed)


@pytest.mark.expected_log(r"reader-serial-.* failed")
def test_the_port_vanishes_and_comes_back(start: Start, recorder: Recorder) -> None:
    pty = start()
    pty.vanish()
    recorder.wait_for(ReaderDisappeared, timeout=3)
    recorder.wait_for(ReaderFailed, timeout=3)
    pty.reappear()
    recorder.wait_for(ReaderAppeared, count=2, timeout=5)
    pty.swipe(t2=OURS)
    [event] = recorder.wait_for(CardPresented)
    assert event.number == OURS
