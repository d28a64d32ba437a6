"""The hub of configured readers, and the store-IT commands `readers` and `listen`."""

from __future__ import annotations

import argparse
import json
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from drivers.config import PcscConfig, ReadersConfig, SerialReaderConfig
from drivers.event_text import event_fields, event_line
from drivers.events import (
    BankCardRefused,
    CardPresented,
    CardType,
    ReaderAppeared,
    Technology,
)
from drivers.hub import ReaderHub
from drivers.virtual.cards import VirtualCard
from drivers.virtual.demo_card import demo_number, demo_uid
from drivers.virtual.pcscd import Pcscd, wait_empty
from drivers.virtual.pty_msr import PtyMsr
from drivers.virtual.recorder import Recorder
from drivers.virtual.vpcd_card import VpcdCard
from terminal.cli import listen_cmd, readers_cmd
from terminal.services.demo_data import demo_card_number, demo_card_uid

OURS = "2990000000018"
UID = bytes.fromhex("04A1B2C3D4E5F6")


def test_events_never_show_card_data() -> None:
    e = CardPresented("r", Technology.CONTACTLESS, CardType.UID_ONLY, "04A1B2C3D4E5F6", OURS)
    for text in (repr(e), str(e), event_line(e), json.dumps(event_fields(e))):
        assert "04A1B2C3D4" not in text and "299000000" not in text
        assert "E5F6" in text or "0018" in text
    refused = BankCardRefused("r", Technology.MAGSTRIPE)
    assert {f for f in refused.__dataclass_fields__} == {
        "source",
        "technology",
        "t_detected",
        "t_emitted",
    }


def test_demo_cards_match_the_demo_cache() -> None:
    for card_id in (1, 2, 77, 10_000):
        assert demo_uid(card_id) == demo_card_uid(card_id)
        assert demo_number(card_id) == demo_card_number(card_id)


def test_hub_without_hardware_starts_and_stops_quickly() -> None:
    config = replace(ReadersConfig.default(), pcsc=PcscConfig(enabled=False))
    with ReaderHub(config, Recorder()) as hub:
        assert hub.drivers == []


@pytest.mark.integration
def test_hub_runs_contactless_and_two_serial_readers(
    pcscd: Pcscd, tmp_path: Path, recorder: Recorder
) -> None:
    wait_empty()
    with PtyMsr(tmp_path / "ttyA") as a, PtyMsr(tmp_path / "ttyB") as b:
        config = replace(
            ReadersConfig.default(),
            pcsc=PcscConfig(poll_timeout_ms=500),
            serial=(SerialReaderConfig(port=str(a.path)), SerialReaderConfig(port=str(b.path))),
        )
        hub = ReaderHub(config, recorder).start()
        try:
            recorder.wait_for(ReaderAppeared, count=4)
            a.swipe(t2=OURS)
            b.swipe(t2="2990000000026")
            with VpcdCard(VirtualCard(UID)):
                events = recorder.wait_for(CardPresented, count=3)
        finally:
            t = time.monotonic()
            hub.stop()
            assert time.monotonic() - t < 2.5
    assert {e.source for e in events} == {str(a.path), str(b.path), "Virtual PCD 00 00"}
    assert not [t for t in threading.enumerate() if t.name.startswith("reader-")]


@pytest.mark.integration
def test_readers_command_lists_pcsc_readers(
    pcscd: Pcscd, capsys: pytest.CaptureFixture[str]
) -> None:
    assert readers_cmd.run(argparse.Namespace(json=True), ReadersConfig.default()) == 0
    report = json.loads(capsys.readouterr().out)
    names = [r["name"] for r in report["pcsc"]["readers"]]
    assert "Virtual PCD 00 00" in names and report["pcsc"]["service"]
    assert readers_cmd.run(argparse.Namespace(json=False), ReadersConfig.default()) == 0
    assert "Virtual PCD 00 01" in capsys.readouterr().out


@pytest.mark.integration
def test_listen_prints_masked_events(pcscd: Pcscd, capsys: pytest.CaptureFixture[str]) -> None:
    wait_empty()
    config = replace(ReadersConfig.default(), pcsc=PcscConfig(poll_timeout_ms=300))

    def tap() -> None:
        time.sleep(0.3)
        with VpcdCard(VirtualCard(UID), reader=1):
            time.sleep(1.2)

    tapper = threading.Thread(target=tap)
    tapper.start()
    try:
        code = listen_cmd.run(argparse.Namespace(seconds=2.0, json=True), config)
    finally:
        tapper.join()
    assert code == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    presented = [x for x in lines if x["event"] == "CardPresented"]
    assert presented and presented[0]["uid"] == "**********E5F6"
    assert presented[0]["source"] == "Virtual PCD 00 01"


def test_cli_parsers() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    readers_cmd.add_parser(sub)
    listen_cmd.add_parser(sub)
    assert parser.parse_args(["listen", "--seconds", "3", "--json"]).seconds == 3.0
    assert parser.parse_args(["readers", "--json"]).json
