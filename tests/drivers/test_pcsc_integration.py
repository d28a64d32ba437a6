"""The PC/SC driver against a real pcscd with the vpcd virtual readers."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from drivers.config import NumberSource, PcscConfig, demo_rules
from drivers.events import (
    BankCardRefused,
    CardPresented,
    CardRemoved,
    CardType,
    ReaderAppeared,
    ReaderFailed,
    ReadFailed,
)
from drivers.pcsc import PcscDriver
from drivers.virtual.cards import BankCard, VirtualCard, mifare_with_number, ntag_with_number
from drivers.virtual.pcscd import Pcscd, wait_empty
from drivers.virtual.recorder import Recorder
from drivers.virtual.vpcd_card import VpcdCard

pytestmark = pytest.mark.integration

OURS = "2990000000018"
READER0, READER1 = "Virtual PCD 00 00", "Virtual PCD 00 01"
UID1, UID2 = bytes.fromhex("04A1B2C3"), bytes.fromhex("04D5E6F708090A")

StartDriver = Callable[..., PcscDriver]


@pytest.fixture
def start_driver(recorder: Recorder) -> Iterator[StartDriver]:
    drivers: list[PcscDriver] = []
    cards: list[VpcdCard] = []

    def start(config: PcscConfig | None = None, wait_readers: bool = True) -> PcscDriver:
        wait_empty()  # the previous test's cards are gone for pcscd too (if it runs)
        driver = PcscDriver(config or PcscConfig(poll_timeout_ms=500), demo_rules(), recorder)
        drivers.append(driver)
        driver.start()
        if wait_readers:
            recorder.wait_for(ReaderAppeared, count=2)
        return driver

    yield start
    for card in cards:
        card.remove()
    for driver in drivers:
        t = time.monotonic()
        driver.stop()
        assert time.monotonic() - t < 2.5


def test_tap_and_remove(pcscd: Pcscd, start_driver: StartDriver, recorder: Recorder) -> None:
    start_driver()
    with VpcdCard(VirtualCard(UID1)):
        [event] = recorder.wait_for(CardPresented)
        assert event.source == READER0 and event.uid == "04A1B2C3" and event.number is None
        assert event.card_type is CardType.MIFARE_CLASSIC_1K
        assert 0 <= event.latency_s < 0.05
    [removed] = recorder.wait_for(CardRemoved)
    assert removed.source == READER0


def test_two_cards_in_a_row_and_two_readers_at_once(
    pcscd: Pcscd, start_driver: StartDriver, recorder: Recorder
) -> None:
    start_driver()
    with VpcdCard(VirtualCard(UID1)):
        recorder.wait_for(CardPresented)
    recorder.wait_for(CardRemoved)
    mark = recorder.mark()
    with VpcdCard(VirtualCard(UID2)), VpcdCard(VirtualCard(UID1), reader=1):
        events = recorder.wait_for(CardPresented, count=2, after=mark)
    assert {(e.source, e.uid) for e in events} == {
        (READER0, UID2.hex().upper()),
        (READER1, UID1.hex().upper()),
    }


def test_reader_filter(pcscd: Pcscd, start_driver: StartDriver, recorder: Recorder) -> None:
    start_driver(PcscConfig(reader_filter="pcd 00 01", poll_timeout_ms=500), wait_readers=False)
    [appeared] = recorder.wait_for(ReaderAppeared)
    assert appeared.source == READER1
    with VpcdCard(VirtualCard(UID1), reader=1):
        [event] = recorder.wait_for(CardPresented)
    assert event.source == READER1
    assert [e.source for e in recorder.of(ReaderAppeared)] == [READER1]


def test_a_card_held_still_is_reported_once(
    pcscd: Pcscd, start_driver: StartDriver, recorder: Recorder
) -> None:
    start_driver()
    with VpcdCard(VirtualCard(UID1)):
        recorder.wait_for(CardPresented)
        time.sleep(2.0)
        assert len(recorder.of(CardPresented)) == 1
        assert recorder.of(CardRemoved) == []


def test_numbers_from_mifare_and_ntag(
    pcscd: Pcscd, start_driver: StartDriver, recorder: Recorder
) -> None:
    start_driver(PcscConfig(number_source=NumberSource.MIFARE_BLOCK, block=4, poll_timeout_ms=500))
    with VpcdCard(mifare_with_number(UID1, OURS)):
        [event] = recorder.wait_for(CardPresented)
        assert event.number == OURS and event.uid == "04A1B2C3"


def test_ndef_text_number(pcscd: Pcscd, start_driver: StartDriver, recorder: Recorder) -> None:
    start_driver(PcscConfig(number_source=NumberSource.NDEF_TEXT, poll_timeout_ms=500))
    with VpcdCard(ntag_with_number(UID2, OURS), reader=1):
        [event] = recorder.wait_for(CardPresented)
        assert event.number == OURS and event.card_type is CardType.ULTRALIGHT_NTAG


def test_bank_card_is_refused_and_leaves_no_trace(
    pcscd: Pcscd, start_driver: StartDriver, recorder: Recorder
) -> None:
    start_driver()
    with VpcdCard(BankCard(UID2)):
        [refused] = recorder.wait_for(BankCardRefused)
    assert refused.source == READER0
    assert recorder.of(CardPresented) == []
    assert UID2.hex().upper() not in repr(recorder.events)


def test_a_card_pulled_during_the_read(
    pcscd: Pcscd, start_driver: StartDriver, recorder: Recorder
) -> None:
    start_driver(PcscConfig(number_source=NumberSource.MIFARE_BLOCK, poll_timeout_ms=500))
    pulled = VpcdCard(mifare_with_number(UID1, OURS), pull_after=2).insert()
    try:
        [failed] = recorder.wait_for(ReadFailed)
        assert failed.source == READER0
    finally:
        pulled.remove()
    assert recorder.of(CardPresented) == []
    # the driver goes on: the next card is read
    with VpcdCard(mifare_with_number(UID2, OURS)):
        [event] = recorder.wait_for(CardPresented, timeout=5)
        assert event.number == OURS


@pytest.mark.expected_log(r"reader-pcsc failed")
def test_pcscd_killed_and_restarted(
    pcscd_restartable: Pcscd, start_driver: StartDriver, recorder: Recorder
) -> None:
    pcscd = pcscd_restartable
    start_driver()
    card = VpcdCard(VirtualCard(UID1), reconnect=True).insert()
    try:
        recorder.wait_for(CardPresented)
        mark = recorder.mark()
        pcscd.kill()
        recorder.wait_for(ReaderFailed, after=mark)
        pcscd.start()
        back = time.monotonic()
        [again] = recorder.wait_for(CardPresented, after=mark, timeout=5)
        assert again.uid == "04A1B2C3"
        assert again.t_emitted - back < 5
    finally:
        card.remove()


@pytest.mark.expected_log(r"reader-pcsc failed")
def test_no_reader_at_start_then_one_appears(
    pcscd_restartable: Pcscd, start_driver: StartDriver, recorder: Recorder
) -> None:
    pcscd = pcscd_restartable
    pcscd.kill()
    start_driver(wait_readers=False)
    recorder.wait_for(ReaderFailed)
    assert recorder.of(ReaderAppeared) == []
    pcscd.start()
    recorder.wait_for(ReaderAppeared, count=2, timeout=5)
    with VpcdCard(VirtualCard(UID2), reader=1):
        [event] = recorder.wait_for(CardPresented)
        assert event.source == READER1
