"""`loyalty-terminal run`: the cashier application."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
from typing import Any

from terminal.cli.commands import config_of, open_existing
from terminal.config import Config, ConfigError


def setup_logging(config: Config) -> None:
    """The app's log: level from the config; a rotating file if one is configured."""
    root = logging.getLogger()
    root.setLevel(config.logging.level)
    path = config.logging.file
    if path:
        try:
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=5 * 2**20, backupCount=5, encoding="utf-8"
            )
        except OSError as exc:
            raise ConfigError(f"logging.file: cannot write {path!r}: {exc.strerror}") from None
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        root.addHandler(handler)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("run", parents=[common], help="the cashier application")
    p.set_defaults(handler=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    config = config_of(args)
    setup_logging(config)
    db = open_existing(args)
    from terminal.ui.app import run_app  # Qt is loaded only for the app

    try:
        return run_app(config, db)
    finally:
        db.close()
