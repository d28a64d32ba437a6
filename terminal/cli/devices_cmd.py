"""The store-IT subcommands of the devices: print-preview, print-test (docs/printing.md)
and readers, listen (docs/readers.md). Each device module declares
its own arguments; this one hands it the right part of the configuration."""

from __future__ import annotations

import argparse
from typing import Any

from terminal.cli import listen_cmd, print_cmd, readers_cmd
from terminal.cli.commands import config_of


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    before = set(sub.choices)
    print_cmd.add_parser(sub, parents=[common])
    for name in set(sub.choices) - before:
        sub.choices[name].set_defaults(handler=_print)
    for module in (readers_cmd, listen_cmd):
        before = set(sub.choices)
        module.add_parser(sub)
        for name in set(sub.choices) - before:
            parser = sub.choices[name]
            parser.set_defaults(handler=_readers(module))
            # --config/--db also after the subcommand, as for every other command
            parser.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)


def _readers(module: Any) -> Any:
    def handler(args: argparse.Namespace) -> int:
        return int(module.run(args, config_of(args).readers))

    return handler


def _print(args: argparse.Namespace) -> int:
    config = config_of(args)
    return int(print_cmd.run(args, config.printer, config.receipt))
