"""`loyalty-terminal readers`: what card readers are attached and configured."""

from __future__ import annotations

import argparse
import json
import os

from drivers.config import ReadersConfig
from drivers.discovery import input_keyboards, pcsc_readers, serial_ports


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "readers", help="list the card readers: PC/SC readers, serial ports, configuration"
    )
    p.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, readers: ReadersConfig) -> int:
    pcsc = pcsc_readers()
    ports = serial_ports()
    keyboards = input_keyboards()
    wanted = readers.pcsc.reader_filter.lower()
    pcsc_entries: list[dict[str, object]] = [
        {"name": name, "used": readers.pcsc.enabled and wanted in name.lower()}
        for name in pcsc.readers
    ]
    serial_entries: list[dict[str, object]] = [
        {
            "port": r.port,
            "name": r.source,
            "present": os.path.exists(r.port),
            "framing": r.framing.value,
            "settings": f"{r.baudrate} {r.bytesize}{r.parity}{r.stopbits:g}",
            "track": r.track,
        }
        for r in readers.serial
    ]
    report = {
        "pcsc": {
            "enabled": readers.pcsc.enabled,
            "service": pcsc.service,
            "error": pcsc.error,
            "readers": pcsc_entries,
            "number_source": readers.pcsc.number_source.value,
        },
        "serial_ports": [
            {"device": p.device, "description": p.description, "hwid": p.hwid} for p in ports
        ],
        "serial_readers": serial_entries,
        "wedge": {
            "enabled": readers.wedge.enabled,
            "evdev_devices": [
                {"path": d, "present": os.path.exists(d)} for d in readers.wedge.evdev_devices
            ],
            "input_keyboards": list(keyboards),
        },
    }
    if getattr(args, "json", False):
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print("Contactless (PC/SC):" + ("" if readers.pcsc.enabled else " disabled in the config"))
    if not pcsc.service:
        print(f"  pcscd is not answering ({pcsc.error}); start it: systemctl start pcscd")
    elif not pcsc.readers:
        print("  no reader attached")
    for entry in pcsc_entries:
        mark = "used" if entry["used"] else "ignored (reader_filter)"
        print(f"  {entry['name']}  [{mark}]")
    print("Serial ports:")
    if not ports:
        print("  none")
    for p in ports:
        print(f"  {p.device}  {p.description}  {p.hwid}".rstrip())
    print("Configured serial magnetic-stripe readers:")
    if not readers.serial:
        print("  none")
    for r in serial_entries:
        state = "present" if r["present"] else "MISSING"
        label = r["port"] if r["name"] == r["port"] else f"{r['name']}: {r['port']}"
        print(f"  {label} [{state}] {r['settings']} {r['framing']} track {r['track']}")
    print("Keyboard wedge: " + ("on (in the cashier window)" if readers.wedge.enabled else "off"))
    for d in readers.wedge.evdev_devices:
        print(f"  dedicated device {d} [{'present' if os.path.exists(d) else 'MISSING'}]")
    if keyboards:
        print("Keyboard-like input devices (candidates for wedge.evdev_devices):")
        for k in keyboards:
            print(f"  {k}")
    return 0
