"""The office's configuration file, for running it as a service:
``python -m office --config /etc/loyalty-office/office.toml serve``.

TOML, two tables; every key is optional and the command line wins over the file::

    [office]
    database = "postgresql+psycopg://loyalty-office@/loyalty"   # --db
    host = "0.0.0.0"          # --host
    port = 8700               # --port
    workers = 4               # --workers (above 1: PostgreSQL only)
    cert = "/etc/loyalty-office/tls/office.pem"   # --cert (with key: HTTPS)
    key = "/etc/loyalty-office/tls/office.key"    # --key
    api_docs = false          # --api-docs
    admin_secure_cookies = true   # --admin-secure-cookies (TLS ended by a proxy)

    [limits]                  # docs/office-security.md: the names of `serve --help`
    max_connections = 2000

An unknown table or key, or a value of the wrong type, is refused with its name: a typo
must not leave a limit at its default unnoticed.
"""

from __future__ import annotations

import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any

from office.limits import ServerLimits

#: [office]'s keys: the argparse destination each sets, and its type.
OFFICE_KEYS: dict[str, tuple[str, type]] = {
    "database": ("db", str),
    "host": ("host", str),
    "port": ("port", int),
    "workers": ("workers", int),
    "cert": ("cert", str),
    "key": ("key", str),
    "api_docs": ("api_docs", bool),
    "admin_secure_cookies": ("admin_secure_cookies", bool),
}


class ConfigFileError(ValueError):
    """The configuration file cannot be used; the message names the key and the file."""


def _checked(path: Path, table: str, key: str, value: Any, kind: type) -> Any:
    # bool is an int to Python: a limit given as true is a typo, not 1
    if kind is bool and not isinstance(value, bool):
        raise ConfigFileError(f"{path}: [{table}] {key} must be true or false")
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigFileError(f"{path}: [{table}] {key} must be a whole number")
    if kind is float and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ConfigFileError(f"{path}: [{table}] {key} must be a number")
    if kind is str and not isinstance(value, str):
        raise ConfigFileError(f"{path}: [{table}] {key} must be a string")
    return float(value) if kind is float else value


def load(path: Path) -> dict[str, Any]:
    """The argparse defaults the file sets (``db``, ``host``, ..., each limit's name)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigFileError(f"cannot read the configuration {path}: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigFileError(f"{path} is not valid TOML: {exc}") from exc
    unknown = set(raw) - {"office", "limits"}
    if unknown:
        raise ConfigFileError(f"{path}: unknown table(s) {', '.join(sorted(unknown))}")
    found: dict[str, Any] = {}
    for table, keys in (
        ("office", OFFICE_KEYS),
        ("limits", {f.name: (f.name, type(f.default)) for f in fields(ServerLimits)}),
    ):
        section = raw.get(table, {})
        if not isinstance(section, dict):
            raise ConfigFileError(f"{path}: {table} must be a table ([{table}])")
        for key, value in section.items():
            if key not in keys:
                known = ", ".join(sorted(keys))
                raise ConfigFileError(f"{path}: [{table}] has no key {key!r} (known: {known})")
            dest, kind = keys[key]
            found[dest] = _checked(path, table, key, value, kind)
    return found
