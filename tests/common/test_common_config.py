"""Options declared once (common.config): read with errors that name key and value,
listed, and rendered as TOML that reads back to the same values."""

from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass, field

import pytest

from common.config import (
    about,
    commented,
    declared,
    read_table,
    reference,
    render_table,
    toml,
    walk,
    within,
)
from common.errors import ConfigError


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


def _even(value: int) -> str | None:
    return None if value % 2 == 0 else "is not even"


@dataclass(frozen=True, slots=True)
class Port:
    device: str = field(metadata=about("the device"))
    speed: int = field(default=9600, metadata=about("bits a second", check=within(50, 115200)))


@dataclass(frozen=True, slots=True)
class Inner:
    colour: Colour = field(default=Colour.RED, metadata=about("red or blue"))
    names: tuple[str, ...] = field(default=("a", "b"), metadata=about("some names"))

    def __post_init__(self) -> None:
        if "x" in self.names:
            raise ConfigError("'x' is not a name")


@dataclass(frozen=True, slots=True)
class Outer:
    on: bool = field(default=True, metadata=about("on or off"))
    count: int = field(default=2, metadata=about("how many | a pipe", check=_even))
    ratio: float = field(default=0.5, metadata=about("a share"))
    label: str = field(default='say "hi"', metadata=about("a label"))
    sizes: tuple[int, ...] = field(default=(1, 2), metadata=about("sizes"))
    inner: Inner = field(default_factory=Inner, metadata=about("the inner table"))
    ports: tuple[Port, ...] = field(default=(), metadata=about("one table for each port"))
    note: str = "not an option"  # no declaration: not read from the file


def test_reads_every_kind_and_leaves_out_the_undeclared() -> None:
    data = {
        "on": False,
        "count": 4,
        "ratio": 1,
        "label": "x",
        "sizes": [3],
        "inner": {"colour": "BLUE", "names": []},
        "ports": [{"device": "/dev/a"}, {"device": "/dev/b", "speed": 300}],
    }
    outer = read_table(Outer, "t", data)
    assert outer == Outer(
        False, 4, 1.0, "x", (3,), Inner(Colour.BLUE, ()), (Port("/dev/a"), Port("/dev/b", 300))
    )
    assert read_table(Outer, "t", {}) == Outer()
    assert [o.key for o in declared(Outer)][-1] == "ports"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("x", "t: 'x' should be a table"),
        (
            {"colour": 1},
            "t.colour: unknown option (known: on, count, ratio, label, sizes, inner, ports)",
        ),
        ({"note": "x"}, "t.note: unknown option"),
        ({"on": 1}, "t.on: 1 is not true or false"),
        ({"count": True}, "t.count: True is not an integer"),
        ({"count": 3}, "t.count: 3 is not even"),
        ({"ratio": "1"}, "t.ratio: '1' is not a number"),
        ({"label": 1}, "t.label: 1 is not a string"),
        ({"sizes": ["1"]}, "t.sizes: ['1'] is not a list of integers"),
        ({"inner": {"colour": "green"}}, "t.inner.colour: 'green' is not one of red, blue"),
        ({"inner": {"names": "a"}}, "t.inner.names: 'a' is not a list of strings"),
        ({"inner": {"names": ["x"]}}, "t.inner: 'x' is not a name"),
        ({"ports": {"device": "a"}}, "t.ports: {'device': 'a'} should be an array of tables"),
        ({"ports": [{"speed": 300}]}, "t.ports[0].device: missing (it is required)"),
        (
            {"ports": [{"device": "a", "speed": 10}]},
            "t.ports[0].speed: 10 is not within 50..115200",
        ),
    ],
)
def test_errors_name_the_full_key_and_the_value(data: object, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        read_table(Outer, "t", data)
    assert str(err.value).startswith(message)


def test_a_check_of_the_whole_names_the_option_at_fault() -> None:
    def whole(o: Outer) -> tuple[str, str] | None:
        return ("ports", "on needs a port") if o.on and not o.ports else None

    with pytest.raises(ConfigError, match=r"^t\.ports: on needs a port$"):
        read_table(Outer, "t", {}, whole=whole)


def test_an_option_of_a_type_without_a_reader_is_refused_when_declared() -> None:
    @dataclass(frozen=True)
    class Odd:
        when: complex = field(default=0j, metadata=about("no reader for this"))

    with pytest.raises(TypeError, match="no reader"):
        declared(Odd)


def test_walk_lists_every_option_with_its_full_key() -> None:
    keys = [o.key for o in walk(Outer, "t")]
    assert keys == [
        "t.on",
        "t.count",
        "t.ratio",
        "t.label",
        "t.sizes",
        "t.inner.colour",
        "t.inner.names",
        "t.ports[].device",
        "t.ports[].speed",
    ]
    assert next(o for o in walk(Outer, "t") if o.key == "t.ports[].device").required


def test_the_rendered_table_reads_back_and_carries_the_help() -> None:
    value = Outer(count=6, inner=Inner(Colour.BLUE, ("z",)))
    text = "\n".join(render_table(Outer, "t", value)) + "\n"
    assert read_table(Outer, "t", tomllib.loads(text)["t"]) == value
    assert "# how many | a pipe\ncount = 6" in text
    assert "# [[t.ports]]\n## the device\n# device = (required)" in text
    in_comments = "\n".join(commented(text.splitlines()))
    assert tomllib.loads(in_comments) == {}
    assert toml(("a", 1, 1.5, True, Colour.RED)) == '["a", 1, 1.5, true, "red"]'


def test_reference_rows_for_the_docs() -> None:
    rows = reference(Outer, "t", Outer())
    assert rows[1] == "| `t.count` | `2` | how many \\| a pipe |"
    assert "| `t.ports[].device` | (required) | the device |" in rows
    assert len(rows) == len(list(walk(Outer, "t")))
