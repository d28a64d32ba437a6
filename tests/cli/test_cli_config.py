from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from terminal.config import (
    OPTIONS,
    ConfigError,
    defaults,
    from_mapping,
    load_config,
    render_default,
)


def test_defaults_and_db_path_override(tmp_path: Path) -> None:
    assert load_config(None) == defaults()
    path = tmp_path / "c.toml"
    path.write_text(f"[store]\npath = '{tmp_path}/x.sqlite3'\n[terminal]\nlanguage = 'uk'\n")
    config = load_config(path)
    assert config.db_path == tmp_path / "x.sqlite3" and config["terminal.language"] == "uk"


def test_rendered_default_file_is_valid_and_documents_every_option() -> None:
    text = render_default()
    assert from_mapping(tomllib.loads(text)).values == defaults().values
    for option in OPTIONS:
        assert option.help in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"shop": {}}, "unknown section [shop]"),
        ({"store": {"pth": "x"}}, "unknown option store.pth"),
        ({"store": {"path": 5}}, "store.path: 5 is not a str"),
        ({"terminal": {"language": "de"}}, "terminal.language: 'de' must be one of ru, uk, en"),
        ({"terminal": {"id": "  "}}, "terminal.id: '  ' must not be empty"),
        ({"logging": {"level": "LOUD"}}, "logging.level: 'LOUD' is not a log level"),
        ({"terminal": "x"}, "terminal: 'x' should be a table"),
    ],
)
def test_errors_name_key_and_value(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        from_mapping(data)
    assert str(err.value) == message or message in str(err.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"printer": {"port": "x"}}, "printer.port: 'x' is not an integer"),
        ({"receipt": {"language": "fr"}}, "receipt.language"),
        ({"readers": {"pcsc": {"enabled": "yes"}}}, "readers.pcsc.enabled"),
    ],
)
def test_device_tables_are_checked_by_their_owners(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        from_mapping(data)
    assert message in str(err.value)
