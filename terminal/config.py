"""The terminal's configuration: every option declared once, with type, default, help and
check (common.config), and read through typed sections: ``config.sync.poll_s`` (an int),
``config.terminal.language`` (a str), ``config.readers``, ``config.printer``,
``config.receipt``.

The file is TOML (/etc/loyalty-terminal/config.toml on a till). A bad file gives the one
:class:`~common.errors.ConfigError`, naming the key and the value, never a traceback. The
device tables ([readers], [printer], [receipt]) are declared by their owners (drivers,
receipts), which read them; the default file (:func:`render_default`, which the .deb
installs) and the reference in docs/configuration.md (:func:`render_reference`) are made
from the same declarations.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from common.config import (
    Option,
    about,
    commented,
    declared,
    read_option,
    reference,
    render_table,
    walk,
)
from common.errors import ConfigError
from drivers.config import ReadersConfig
from drivers.printer.config import PrinterConfig
from terminal.receipts.config import ReceiptConfig

__all__ = [
    "APP_NAME",
    "LANGUAGES",
    "OPTIONS",
    "Config",
    "ConfigError",
    "default_db_path",
    "defaults",
    "from_mapping",
    "load_config",
    "render_default",
    "render_reference",
]

APP_NAME = "loyalty-terminal"
LANGUAGES = ("ru", "uk", "en")


def _language(value: str) -> str | None:
    return None if value in LANGUAGES else f"must be one of {', '.join(LANGUAGES)}"


def _non_empty(value: str) -> str | None:
    return None if value.strip() else "must not be empty"


def _level(value: str) -> str | None:
    return None if value in ("DEBUG", "INFO", "WARNING", "ERROR") else "is not a log level"


def _positive(value: int) -> str | None:
    return None if value > 0 else "must be a positive number"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "cache.sqlite3"


@dataclass(frozen=True, slots=True)
class TerminalOptions:
    id: str = field(
        default="till-1", metadata=about("This till's name at the office.", check=_non_empty)
    )
    language: str = field(
        default="ru", metadata=about("Language of the screens: ru, uk or en.", check=_language)
    )
    number_pad: bool = field(
        default=True,
        metadata=about(
            "An on-screen number pad beside the PIN and the checkout's amount, for a touch "
            "screen. false: a till with a keyboard only."
        ),
    )


@dataclass(frozen=True, slots=True)
class StoreOptions:
    path: str = field(
        default="", metadata=about("The cache file. Empty: the user's data directory.")
    )


@dataclass(frozen=True, slots=True)
class LoggingOptions:
    level: str = field(
        default="INFO", metadata=about("DEBUG, INFO, WARNING or ERROR.", check=_level)
    )
    file: str = field(
        default="",
        metadata=about("A log file, rotated at 5 MB (5 kept). Empty: standard error (journald)."),
    )


@dataclass(frozen=True, slots=True)
class SyncOptions:
    enabled: bool = field(
        default=True,
        metadata=about(
            "Sync with the office in the background once the till is enrolled "
            "(loyalty-terminal enroll)."
        ),
    )
    poll_s: int = field(
        default=30,
        metadata=about(
            "Seconds between syncs when nothing new happens (a new operation syncs at once).",
            check=_positive,
        ),
    )
    read_timeout_s: int = field(
        default=30,
        metadata=about(
            "Seconds to wait for the office's answer before trying again later.",
            check=_positive,
        ),
    )


@dataclass(frozen=True, slots=True)
class Config:
    """The whole configuration, one typed section per TOML table."""

    terminal: TerminalOptions = field(default_factory=TerminalOptions, metadata=about("This till."))
    store: StoreOptions = field(default_factory=StoreOptions, metadata=about("The cache."))
    logging: LoggingOptions = field(default_factory=LoggingOptions, metadata=about("The log."))
    sync: SyncOptions = field(default_factory=SyncOptions, metadata=about("Sync with the office."))
    readers: ReadersConfig = field(
        default_factory=ReadersConfig.default,
        metadata=about("Card readers: see docs/readers.md.", read=ReadersConfig.from_mapping),
    )
    printer: PrinterConfig = field(
        default_factory=PrinterConfig.default,
        metadata=about(
            "The receipt printer: see docs/printing.md.", read=PrinterConfig.from_mapping
        ),
    )
    receipt: ReceiptConfig = field(
        default_factory=ReceiptConfig.default,
        metadata=about(
            "The receipts' header, footer and language: see docs/printing.md.",
            read=ReceiptConfig.from_mapping,
        ),
    )
    source: Path | None = None  # the file it was read from (None: the embedded defaults)

    @property
    def db_path(self) -> Path:
        path = self.store.path
        return Path(path).expanduser() if path else default_db_path()

    def __getitem__(self, key: str) -> Any:
        """``config["sync.poll_s"]``: the old way in, kept while callers move to the typed
        sections (``config.sync.poll_s``). Only declared options."""
        if key not in _BY_KEY:
            raise KeyError(key)
        section, name = key.split(".")
        return getattr(getattr(self, section), name)


_TABLES: dict[str, Option] = {o.key: o for o in declared(Config)}
#: The tables the terminal declares here; the others belong to the devices and receipts.
_OWN = ("terminal", "store", "logging", "sync")
#: What the Debian package's /etc/loyalty-terminal/config.toml sets.
PACKAGED = {
    "store.path": "/var/lib/loyalty-terminal/cache.sqlite3",
    "logging.file": "/var/log/loyalty-terminal/terminal.log",
}


def _every_option() -> Iterator[Option]:
    for name, table in _TABLES.items():
        yield from walk(table.kind, name)


#: Every option of the configuration, with its full key ("sync.poll_s",
#: "readers.serial[].port"), type, default and help.
OPTIONS: tuple[Option, ...] = tuple(_every_option())
_BY_KEY = {o.key: o for o in OPTIONS if o.key.split(".")[0] in _OWN}


def defaults() -> Config:
    return Config()


def load_config(path: Path | str | None) -> Config:
    """Read ``path`` (None: the embedded defaults)."""
    if path is None:
        return defaults()
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return from_mapping(data, source=path)


def from_mapping(data: Mapping[str, Any], source: Path | None = None) -> Config:
    sections: dict[str, Any] = {}
    for section, table in data.items():
        if section not in _TABLES:
            raise ConfigError(f"unknown section [{section}] (known: {', '.join(sorted(_TABLES))})")
        if not isinstance(table, Mapping):
            raise ConfigError(f"{section}: {table!r} should be a table [{section}]")
        if section in _OWN:
            for name in table:
                if f"{section}.{name}" not in _BY_KEY:
                    raise ConfigError(f"unknown option {section}.{name}")
        sections[section] = read_option(_TABLES[section], section, table)
    return Config(**sections, source=source)


def render_default(packaged: bool = False) -> str:
    """A commented configuration file with every option at its default (``packaged``:
    with the paths of an installed till). The device tables come commented out: take away
    the ``# `` before a line to change it."""
    config = defaults()
    if packaged:
        config = from_mapping(_nested(PACKAGED))
    lines = [
        "# loyalty-terminal configuration: every option, at its default.",
        "# The device tables are commented out: take away the '# ' before a line to set it.",
        "",
    ]
    for name, table in _TABLES.items():
        body = [f"# {table.help}", *render_table(table.kind, name, getattr(config, name))]
        if name not in _OWN:
            body = commented(body)
        lines += [*body, ""]
    return "\n".join(lines)


def render_reference() -> str:
    """The table of every option for docs/configuration.md (Markdown)."""
    config = defaults()
    rows = ["| option | default | meaning |", "|---|---|---|"]
    for name, table in _TABLES.items():
        rows += reference(table.kind, name, getattr(config, name))
    return "\n".join(rows) + "\n"


def _nested(flat: Mapping[str, object]) -> dict[str, dict[str, object]]:
    nested: dict[str, dict[str, object]] = {}
    for key, value in flat.items():
        section, name = key.split(".")
        nested.setdefault(section, {})[name] = value
    return nested
