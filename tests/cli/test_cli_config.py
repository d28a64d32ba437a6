from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from common.errors import ConfigError as TheConfigError
from drivers.config import ReadersConfig, SerialReaderConfig
from drivers.printer.config import PrinterConfig
from terminal.config import (
    OPTIONS,
    Config,
    ConfigError,
    defaults,
    from_mapping,
    load_config,
    render_default,
    render_reference,
)
from terminal.receipts.config import ReceiptConfig

DOCS = Path(__file__).parents[2] / "docs" / "configuration.md"


def test_defaults_and_db_path_override(tmp_path: Path) -> None:
    assert load_config(None) == defaults()
    path = tmp_path / "c.toml"
    path.write_text(f"[store]\npath = '{tmp_path}/x.sqlite3'\n[terminal]\nlanguage = 'uk'\n")
    config = load_config(path)
    assert config.db_path == tmp_path / "x.sqlite3" and config.terminal.language == "uk"
    assert config["terminal.language"] == "uk"  # the old way in, while callers move


def test_typed_sections() -> None:
    config = from_mapping({"sync": {"poll_s": 600, "enabled": False}, "logging": {"file": "x"}})
    assert config.sync.poll_s == 600 and config.sync.enabled is False
    assert config.sync.read_timeout_s == 30 and config.logging.file == "x"
    assert config.logging.level == "INFO" and config.terminal.id == "till-1"
    assert (config.readers, config.printer, config.receipt) == (
        ReadersConfig.default(),
        PrinterConfig.default(),
        ReceiptConfig.default(),
    )
    with pytest.raises(KeyError):
        config["readers.pcsc"]


def test_rendered_default_file_is_valid_and_documents_every_option() -> None:
    text = render_default()
    assert from_mapping(tomllib.loads(text)) == defaults()
    for option in OPTIONS:
        assert option.help in text
    # The device tables come commented out; taken in, they are the defaults too.
    uncommented = re.sub(r"^# (?=\[|[a-z_]+ = )", "", text, flags=re.MULTILINE)
    assert "[printer]" in uncommented and "[readers.pcsc]" in uncommented
    assert from_mapping(tomllib.loads(uncommented)) == defaults()


def test_the_packaged_file_sets_the_installed_paths() -> None:
    config = from_mapping(tomllib.loads(render_default(packaged=True)))
    assert config.store.path == "/var/lib/loyalty-terminal/cache.sqlite3"
    assert config.logging.file == "/var/log/loyalty-terminal/terminal.log"
    assert config.sync == defaults().sync


def test_every_option_is_declared_once_and_listed() -> None:
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    assert {"sync.poll_s", "readers.pcsc.block", "readers.serial[].port", "printer.port"} <= set(
        keys
    )
    assert {"receipt.qr", "readers.numbers.ranges", "readers.wedge.terminator_keys"} <= set(keys)
    assert all(o.help for o in OPTIONS)
    port = next(o for o in OPTIONS if o.key == "readers.serial[].port")
    assert port.required and port.kind is str and SerialReaderConfig("/dev/x").port == "/dev/x"


def test_the_docs_list_every_option_as_declared() -> None:
    text = DOCS.read_text(encoding="utf-8")
    table = text.split("<!-- options -->\n", 1)[1].split("<!-- /options -->", 1)[0]
    assert table == render_reference(), "docs/configuration.md: the table is not the code's"
    for option in OPTIONS:
        assert f"`{option.key}`" in table


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
        ({"sync": {"poll_s": 0}}, "sync.poll_s: 0 must be a positive number"),
        ({"sync": {"poll_s": True}}, "sync.poll_s: True is not an integer"),
        ({"sync": {"enabled": "yes"}}, "sync.enabled: 'yes' is not true or false"),
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
        ({"readers": {"numbers": {"prefixes": ["29x"]}}}, "readers.numbers: prefix '29x'"),
    ],
)
def test_device_tables_are_checked_by_their_owners(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as err:
        from_mapping(data)
    assert message in str(err.value)


def test_one_config_error_for_every_table() -> None:
    assert ConfigError is TheConfigError
    for read, table in (
        (ReadersConfig.from_mapping, {"pcsc": {"block": 256}}),
        (PrinterConfig.from_mapping, {"width_mm": 76}),
        (ReceiptConfig.from_mapping, {"qr": 1}),
    ):
        with pytest.raises(TheConfigError):
            read(table)
    assert isinstance(Config(), Config)
