"""The [readers] table: defaults, every option, and errors that name key and value."""

from __future__ import annotations

import tomllib

import pytest

from drivers.config import (
    DEMO_PREFIX,
    BlockEncoding,
    ConfigError,
    Framing,
    KeyType,
    NumberSource,
    ReadersConfig,
)

FULL = """
[readers.pcsc]
enabled = true
reader_filter = "ACR122"
number_source = "mifare_block"
mifare_key = "A0A1A2A3A4A5"
key_type = "B"
block = 8
block_encoding = "bcd"
poll_timeout_ms = 500

[[readers.serial]]
port = "/dev/ttyUSB0"
name = "till swipe"
baudrate = 9600
framing = "ascii"
track = 2

[[readers.serial]]
port = "/dev/ttyUSB1"
baudrate = 38400
bytesize = 7
parity = "E"
stopbits = 2
framing = "msr605"
track = 1
timeout_ms = 500

[readers.wedge]
max_inter_key_ms = 25
min_length = 8
terminator_keys = ["enter", "tab"]
track = 3
evdev_devices = ["/dev/input/by-id/usb-Scanner-event-kbd"]

[readers.numbers]
prefixes = ["777", "778"]
ranges = ["1000-1999"]
lengths = [10, 13]
luhn = true
"""


def test_default_is_the_demo_setup() -> None:
    c = ReadersConfig.default()
    assert c.pcsc.enabled and c.pcsc.number_source is NumberSource.UID
    assert c.pcsc.reader_filter == ""
    assert c.serial == ()
    assert c.numbers.matches("2990000000018")
    assert DEMO_PREFIX == "2990"
    assert ReadersConfig.from_mapping({}) == c


def test_every_option_is_read() -> None:
    c = ReadersConfig.from_mapping(tomllib.loads(FULL)["readers"])
    assert c.pcsc.number_source is NumberSource.MIFARE_BLOCK
    assert c.pcsc.key_bytes == bytes.fromhex("A0A1A2A3A4A5")
    assert c.pcsc.key_type is KeyType.B and c.pcsc.block == 8
    assert c.pcsc.block_encoding is BlockEncoding.BCD and c.pcsc.poll_timeout_ms == 500
    first, second = c.serial
    assert first.source == "till swipe" and first.framing is Framing.ASCII
    assert second.source == "/dev/ttyUSB1" and second.framing is Framing.MSR605
    assert (second.baudrate, second.bytesize, second.parity, second.stopbits) == (38400, 7, "E", 2)
    assert second.track == 1 and second.timeout_ms == 500
    assert c.wedge.terminator_keys == ("enter", "tab") and c.wedge.track == 3
    assert c.wedge.evdev_devices == ("/dev/input/by-id/usb-Scanner-event-kbd",)
    assert c.numbers.prefixes == ("777", "778") and c.numbers.ranges == (("1000", "1999"),)
    assert c.numbers.lengths == (10, 13) and c.numbers.luhn


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        (
            {"serial": [{"port": "/dev/x", "baudrate": "fast"}]},
            "readers.serial[0].baudrate: 'fast' is not an integer",
        ),
        ({"serial": [{"port": "/dev/x"}, {"baudrate": 9600}]}, "readers.serial[1].port: missing"),
        ({"serial": [{"port": "/dev/x", "parity": "X"}]}, "readers.serial[0].parity: 'X'"),
        ({"serial": [{"port": "/dev/x", "stopbits": 3}]}, "readers.serial[0].stopbits: 3"),
        ({"serial": [{"port": "/dev/x", "track": 4}]}, "readers.serial[0].track: 4"),
        ({"serial": [{"port": "/dev/x", "framing": "hid"}]}, "readers.serial[0].framing: 'hid'"),
        ({"serial": {"port": "/dev/x"}}, "readers.serial: "),
        ({"pcsc": {"number_source": "magic"}}, "readers.pcsc.number_source: 'magic'"),
        ({"pcsc": {"mifare_key": "FFFF"}}, "readers.pcsc.mifare_key: 'FFFF'"),
        ({"pcsc": {"enabled": "yes"}}, "readers.pcsc.enabled: 'yes'"),
        ({"pcsc": {"colour": 1}}, "readers.pcsc.colour: unknown option"),
        ({"wedge": {"terminator_keys": ["f1"]}}, "readers.wedge.terminator_keys: 'f1'"),
        ({"numbers": {"prefixes": ["29x"]}}, "readers.numbers: prefix '29x'"),
        ({"numbers": {"ranges": ["10-9"]}}, "readers.numbers: range '10'-'9'"),
        ({"numbers": {"lengths": ["13"]}}, "readers.numbers.lengths: ['13']"),
        ({"scanner": {}}, "readers.scanner: unknown option"),
    ],
)
def test_errors_name_the_key_and_the_value(mapping: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        ReadersConfig.from_mapping(mapping)
    assert str(info.value).startswith(message)
    assert isinstance(info.value, ValueError)


def test_values_are_frozen() -> None:
    c = ReadersConfig.default()
    with pytest.raises(AttributeError):
        c.pcsc.enabled = False  # type: ignore[misc]
