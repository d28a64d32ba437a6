"""`loyalty-terminal doctor [--json]`: check the till and say what to fix (exit 1 when
something needs attention, 0 when all is well)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from common.clock import SystemClock
from terminal.cli.commands import config_of, db_path
from terminal.cli.doctor_office import check_office
from terminal.services.doctor import Status, diagnose

MARKS = {Status.OK: "ok  ", Status.WARN: "WARN", Status.FAIL: "FAIL"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("doctor", parents=[common], help="check the till; say what to fix")
    p.add_argument("--json", action="store_true", help="for monitoring")
    p.set_defaults(handler=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    config = config_of(args)
    path, clock = db_path(args, config), SystemClock()
    found = diagnose(
        path,
        config.readers,
        config.printer,
        clock,
        office=lambda: check_office(path, clock),
        log_file=config.logging.file,
    )
    if args.json:
        print(json.dumps([f.to_dict() for f in found], ensure_ascii=False, indent=2))
    else:
        for f in found:
            print(f"[{MARKS[f.status]}] {f.check}: {f.message}")
            if f.fix and f.status is not Status.OK:
                print(f"        fix: {f.fix}")
    return 0 if all(f.status is Status.OK for f in found) else 1
