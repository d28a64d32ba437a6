"""The ``loyalty-terminal`` command: one entry point, a subcommand per job.

Every error a person can cause (a bad file, an unknown card, a malformed amount, a bad
config) ends as one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from common.errors import ConfigError
from terminal.cli import (
    commands,
    demo_cmd,
    devices_cmd,
    doctor_cmd,
    run_cmd,
    seed_cmd,
    sync_cmd,
)

log = logging.getLogger(__name__)

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


def build_parser() -> argparse.ArgumentParser:
    # --config/--db may come before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", metavar="PATH", default=argparse.SUPPRESS, help="TOML configuration file"
    )
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS, help="the cache file (overrides config)"
    )
    parser = argparse.ArgumentParser(
        prog="loyalty-terminal",
        description="Loyalty-card terminal for the checkout.",
        parents=[common],
    )
    parser.add_argument("--debug", action="store_true", help="log details and show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (commands, demo_cmd, run_cmd, devices_cmd, doctor_cmd, sync_cmd, seed_cmd):
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.handler(args))
    except commands.USER_ERRORS as exc:
        print(f"loyalty-terminal: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            raise
        log.debug("internal error", exc_info=True)
        print(
            f"loyalty-terminal: internal error ({type(exc).__name__}); "
            "run again with --debug for details",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
