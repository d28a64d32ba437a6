"""The store-IT subcommands of the devices: print-preview, print-test (docs/printing.md)
and, where present, readers and listen (docs/readers.md). Each device module declares
its own arguments; this one hands it the right part of the configuration."""

from __future__ import annotations

import argparse
from typing import Any

from terminal.cli import print_cmd
from terminal.cli.commands import config_of


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    before = set(sub.choices)
    print_cmd.add_parser(sub, parents=[common])
    for name in set(sub.choices) - before:
        sub.choices[name].set_defaults(handler=_print)


def _print(args: argparse.Namespace) -> int:
    config = config_of(args)
    return int(print_cmd.run(args, config.printer, config.receipt))
