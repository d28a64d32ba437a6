"""The [printer] table: defaults, every transport, and errors that name key and value."""

from __future__ import annotations

import pytest

from drivers.printer.config import ConfigError, PrinterConfig, Transport


def test_default_is_no_printer_on_80mm():
    cfg = PrinterConfig.default()
    assert cfg.transport is Transport.NONE and cfg.width_mm == 80 and cfg.columns == 48
    assert PrinterConfig.from_mapping({}) == cfg


def test_every_transport():
    net = PrinterConfig.from_mapping({"transport": "network", "host": "10.0.0.5", "port": 9100})
    assert net.describe() == "network 10.0.0.5:9100"
    usb = PrinterConfig.from_mapping(
        {"transport": "usb", "vendor_id": "0x0416", "product_id": 0x5011}
    )
    assert (usb.vendor_id, usb.product_id) == (0x0416, 0x5011)
    ser = PrinterConfig.from_mapping({"transport": "serial", "device": "/dev/ttyS0"})
    assert ser.transport is Transport.SERIAL
    f = PrinterConfig.from_mapping({"transport": "file", "path": "/dev/usb/lp0", "width_mm": 58})
    assert f.columns == 32 and f.dots == 384


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"port": "x"}, "printer.port: 'x' is not an integer"),
        ({"port": 70000}, "printer.port: 70000 is not a TCP port"),
        ({"transport": "bluetooth"}, "printer.transport: 'bluetooth' is not one of"),
        ({"width_mm": 76}, "printer.width_mm: 76 is not 58 or 80"),
        ({"profile": "nope"}, "printer.profile: 'nope' is not a known printer profile"),
        ({"timeout_s": 0}, "printer.timeout_s: 0 is not between 0 and 120"),
        ({"timeout_s": "5"}, "printer.timeout_s: '5' is not a number"),
        ({"drawer_kick": "yes"}, "printer.drawer_kick: 'yes' is not true or false"),
        ({"transport": "usb"}, "printer.vendor_id: a USB printer needs"),
        ({"transport": "file"}, "printer.path: '' is empty"),
        ({"colour": 1}, "printer.colour: unknown option"),
    ],
)
def test_errors_name_the_key_and_value(mapping, message):
    with pytest.raises(ConfigError) as err:
        PrinterConfig.from_mapping(mapping)
    assert str(err.value).startswith(message)
    assert isinstance(err.value, ValueError)
