"""The terminal's configuration: every option declared once, with type, default and help.

The file is TOML (/etc/loyalty-terminal/config.toml on a till). A bad file gives a
:class:`ConfigError` naming the key and the value, never a traceback. The ``[readers]``
table belongs to the card-reader drivers, which check it themselves.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from drivers.config import ReadersConfig
from drivers.printer.config import PrinterConfig
from terminal.receipts.config import ReceiptConfig

APP_NAME = "loyalty-terminal"
LANGUAGES = ("ru", "uk", "en")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the key and the value."""


@dataclass(frozen=True, slots=True)
class Option:
    key: str  # "section.name"
    kind: type
    default: Any
    help: str
    check: Callable[[Any], str | None] | None = None  # returns a complaint or None


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


OPTIONS: tuple[Option, ...] = (
    Option("terminal.id", str, "till-1", "This till's name at the office.", _non_empty),
    Option("terminal.language", str, "ru", "Language of the screens: ru, uk or en.", _language),
    Option("store.path", str, "", "The cache file. Empty: the user's data directory."),
    Option("logging.level", str, "INFO", "DEBUG, INFO, WARNING or ERROR.", _level),
    Option(
        "logging.file",
        str,
        "",
        "A log file, rotated at 5 MB (5 kept). Empty: standard error (journald).",
    ),
    Option(
        "sync.enabled",
        bool,
        True,
        "Sync with the office in the background once the till is enrolled "
        "(loyalty-terminal enroll).",
    ),
    Option(
        "sync.poll_s",
        int,
        30,
        "Seconds between syncs when nothing new happens (a new operation syncs at once).",
        _positive,
    ),
    Option(
        "sync.read_timeout_s",
        int,
        30,
        "Seconds to wait for the office's answer before trying again later.",
        _positive,
    ),
)
#: What the Debian package's /etc/loyalty-terminal/config.toml sets.
PACKAGED = {
    "store.path": "/var/lib/loyalty-terminal/cache.sqlite3",
    "logging.file": "/var/log/loyalty-terminal/terminal.log",
}
_BY_KEY = {o.key: o for o in OPTIONS}
# Tables declared by their owners: each has .default() and .from_mapping() raising a
# ValueError whose message names the key and the value.
_DELEGATED: dict[str, Any] = {
    "readers": ReadersConfig,
    "printer": PrinterConfig,
    "receipt": ReceiptConfig,
}
_SECTIONS = {o.key.split(".")[0] for o in OPTIONS} | set(_DELEGATED)


@dataclass(frozen=True, slots=True)
class Config:
    values: Mapping[str, Any]
    readers: ReadersConfig = field(default_factory=ReadersConfig.default)
    printer: PrinterConfig = field(default_factory=PrinterConfig.default)
    receipt: ReceiptConfig = field(default_factory=ReceiptConfig.default)
    source: Path | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def db_path(self) -> Path:
        path = str(self.values["store.path"])
        return Path(path).expanduser() if path else default_db_path()


def defaults() -> Config:
    return Config({o.key: o.default for o in OPTIONS})


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
    values = {o.key: o.default for o in OPTIONS}
    for section, table in data.items():
        if section not in _SECTIONS:
            raise ConfigError(
                f"unknown section [{section}] (known: {', '.join(sorted(_SECTIONS))})"
            )
        if not isinstance(table, Mapping):
            raise ConfigError(f"{section}: {table!r} should be a table [{section}]")
        if section in _DELEGATED:
            continue
        for name, value in table.items():
            key = f"{section}.{name}"
            values[key] = _check(key, value)
    tables: dict[str, Any] = {}
    for section, kind in _DELEGATED.items():
        try:
            tables[section] = (
                kind.from_mapping(data[section]) if section in data else kind.default()
            )
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
    return Config(values, source=source, **tables)


def _check(key: str, value: Any) -> Any:
    option = _BY_KEY.get(key)
    if option is None:
        raise ConfigError(f"unknown option {key}")
    if not isinstance(value, option.kind) or (option.kind is int and isinstance(value, bool)):
        raise ConfigError(f"{key}: {value!r} is not a {option.kind.__name__}")
    if option.check is not None and (complaint := option.check(value)):
        raise ConfigError(f"{key}: {value!r} {complaint}")
    return value


def render_default(packaged: bool = False) -> str:
    """A commented configuration file with every option at its default (``packaged``:
    with the paths of an installed till)."""
    values = {o.key: o.default for o in OPTIONS} | (PACKAGED if packaged else {})
    lines = ["# loyalty-terminal configuration: every option, at its default.", ""]
    section = ""
    for o in OPTIONS:
        sec, name = o.key.split(".")
        if sec != section:
            lines += ([""] if section else []) + [f"[{sec}]"]
            section = sec
        lines += [f"# {o.help}", f"{name} = {_toml(values[o.key])}"]
    lines += [
        "",
        "# Card readers: [readers], see docs/readers.md",
        "# Receipt printer and receipts: [printer] and [receipt], see docs/printing.md",
        "",
    ]
    return "\n".join(lines)


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value).lower() if isinstance(value, bool) else str(value)
