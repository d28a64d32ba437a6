"""`loyalty-terminal run`: the cashier application."""

from __future__ import annotations

import argparse
from typing import Any

from terminal.cli.commands import config_of, open_existing


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("run", parents=[common], help="the cashier application")
    p.set_defaults(handler=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    config = config_of(args)
    db = open_existing(args)
    from terminal.ui.app import run_app  # Qt is loaded only for the app

    try:
        return run_app(config, db)
    finally:
        db.close()
