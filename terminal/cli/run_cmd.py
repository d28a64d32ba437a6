"""`loyalty-terminal run`: the cashier application."""

from __future__ import annotations

import argparse
import io
import logging
import logging.handlers
import os
from pathlib import Path
from typing import Any

from common.files import open_private
from sync import credentials
from terminal.cli.commands import config_of, open_existing
from terminal.config import Config, ConfigError


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log file made mode 0600 whatever the umask, never opened through a link and
    refused if another user owns it or may write it (it names members' card ids and
    operations); the rotated files keep the mode (a rename keeps it)."""

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | (os.O_APPEND if "a" in self.mode else os.O_TRUNC)
        fd = open_private(Path(self.baseFilename), flags, "the log")
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(config: Config) -> None:
    """The app's log: level from the config; a rotating file if one is configured."""
    root = logging.getLogger()
    root.setLevel(config.logging.level)
    path = config.logging.file
    if path:
        try:
            handler: logging.Handler = PrivateRotatingFileHandler(
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
    try:
        credentials.check(db.path)  # a linked or foreign credential: refused, with the fix
    except BaseException:
        db.close()
        raise
    from terminal.ui.app import run_app  # Qt is loaded only for the app

    try:
        return run_app(config, db)
    finally:
        db.close()
