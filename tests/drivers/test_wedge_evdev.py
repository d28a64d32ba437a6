"""A dedicated wedge device read from a Linux input device; a FIFO plays the device."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drivers.config import WedgeConfig, demo_rules
from drivers.events import (
    BankCardRefused,
    CardPresented,
    CardType,
    ReaderAppeared,
    ReaderDisappeared,
    ReaderFailed,
)
from drivers.keycodes import KEY_ENTER, KEY_LEFTSHIFT, code_of
from drivers.virtual.recorder import Recorder
from drivers.wedge_evdev import EvdevWedgeDriver, input_event

OURS = "2990000000018"


def typed(text: str) -> bytes:
    out = b""
    for ch in text:
        code, shift = code_of(ch)
        if shift:
            out += input_event(KEY_LEFTSHIFT, 1)
        out += input_event(code, 1) + input_event(code, 0)
        if shift:
            out += input_event(KEY_LEFTSHIFT, 0)
    return out + input_event(KEY_ENTER, 1) + input_event(KEY_ENTER, 0)


@pytest.mark.expected_log(r"reader-evdev-.*device gone")
def test_a_scanner_on_evdev(tmp_path: Path) -> None:
    fifo = tmp_path / "event-kbd"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR)
    recorder = Recorder()
    driver = EvdevWedgeDriver(str(fifo), WedgeConfig(), demo_rules(), recorder)
    driver.start()
    try:
        recorder.wait_for(ReaderAppeared)
        os.write(writer, typed(OURS))
        [event] = recorder.wait_for(CardPresented)
        assert event.number == OURS and event.source == str(fifo)
        assert event.card_type is CardType.KEYED
        os.write(writer, typed("%B4111111111111111^DOE/J^2512101?"))
        recorder.wait_for(BankCardRefused)
        os.close(writer)  # unplugged
        writer = -1
        recorder.wait_for(ReaderDisappeared)
        recorder.wait_for(ReaderFailed)
    finally:
        if writer >= 0:
            os.close(writer)
        driver.stop()
    assert "4111" not in repr(recorder.events)
