"""Configuration options declared once, as fields of frozen dataclasses: one dataclass per
TOML table, one field per option, with its type (the annotation), default, help and check.

The same declarations read a table (:func:`read_table`: typed values, and a
:class:`~common.errors.ConfigError` naming the full key and the value), list every option
(:func:`walk`), render a commented TOML file (:func:`render_table`) and the reference
table of the docs (:func:`reference`)::

    @dataclass(frozen=True, slots=True)
    class SyncOptions:
        enabled: bool = field(default=True, metadata=about("Sync in the background."))
        poll_s: int = field(default=30, metadata=about("Seconds between syncs.", check=positive))

A field's type says how it is read: ``bool``, ``int``, ``float``, ``str``, an
``enum.Enum``, ``tuple[str, ...]`` or ``tuple[int, ...]``; a dataclass of options is a
sub-table and ``tuple[<dataclass>, ...]`` an array of tables. A field without a default is
required. Plain dataclass fields, so that mypy and ruff know them as such. An option
with another type, or another way of writing it, gives ``read`` (the raw TOML value to
the field's value, raising ``ConfigError`` with what follows ``key:`` in the message)
and, to render it, ``show`` (the field's value back to a TOML value). ``check`` returns a
complaint (``"must be a positive number"``) or None.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, Protocol, TypeVar

from common.errors import ConfigError

E = TypeVar("E", bound=enum.Enum)

Check = Callable[[Any], str | None]  # the value to a complaint, or None
Read = Callable[[Any], Any]  # the raw TOML value (a table: its Mapping) to the value
Show = Callable[[Any], object]  # the value to what TOML writes


class Declared(Protocol):
    """A dataclass whose fields are declared options."""

    __dataclass_fields__: ClassVar[dict[str, Any]]


D = TypeVar("D", bound=Declared)

_SPEC = "common.config"
REQUIRED: Any = dataclasses.MISSING


class Form(enum.Enum):
    VALUE = "value"  # one option
    TABLE = "table"  # a sub-table [path.name]
    ARRAY = "array"  # an array of tables [[path.name]]


@dataclasses.dataclass(frozen=True, slots=True)
class Spec:
    help: str
    check: Check | None = None
    read: Read | None = None
    show: Show | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Option:
    """An option (or a table of them) as declared. ``key`` is its name in its table, or
    the full dotted key when listed by :func:`walk`."""

    key: str
    kind: Any  # the declared type
    form: Form
    default: Any  # REQUIRED if the option must be given
    help: str
    check: Check | None = None
    read: Read | None = None
    show: Show | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


def about(
    help: str,
    *,
    check: Check | None = None,
    read: Read | None = None,
    show: Show | None = None,
) -> dict[str, Spec]:
    """The declaration of an option, as its field's metadata:
    ``poll_s: int = field(default=30, metadata=about("Seconds between syncs."))``.
    ``help`` is one line; a sub-table's ``read`` is its owner's (its ``from_mapping``)."""
    return {_SPEC: Spec(help, check, read, show)}


@functools.cache
def declared(cls: type) -> tuple[Option, ...]:
    """The options of ``cls`` in their order. Fields without a declaration (such as where
    a configuration was read from) are not options."""
    hints = typing.get_type_hints(cls)
    found = []
    for f in dataclasses.fields(cls):
        spec = f.metadata.get(_SPEC)
        if spec is None:
            continue
        kind = hints[f.name]
        form = Form.VALUE
        if _is_table(kind):
            form = Form.TABLE
        elif typing.get_origin(kind) is tuple and _is_table(typing.get_args(kind)[0]):
            form = Form.ARRAY
        elif spec.read is None and _reader(kind) is None:
            raise TypeError(f"{cls.__name__}.{f.name}: no reader for {kind!r}: give read=")
        default = f.default
        if f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        found.append(
            Option(f.name, kind, form, default, spec.help, spec.check, spec.read, spec.show)
        )
    return tuple(found)


def _is_table(kind: object) -> bool:
    return isinstance(kind, type) and dataclasses.is_dataclass(kind) and bool(declared(kind))


# --- reading ------------------------------------------------------------------------------


def read_table(
    cls: type[D],
    path: str,
    data: object,
    *,
    whole: Callable[[D], tuple[str, str] | None] | None = None,
) -> D:
    """The table at ``path`` read from ``data`` (a TOML table): options left out take their
    defaults. ``whole`` checks how the options fit together: it returns the name of the
    option at fault and what is wrong, or None."""
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: {data!r} should be a table")
    options = declared(cls)
    names = [o.key for o in options]
    for key in data:
        if key not in names:
            raise ConfigError(f"{path}.{key}: unknown option (known: {', '.join(names)})")
    values: dict[str, object] = {}
    for o in options:
        key = f"{path}.{o.key}"
        if o.key in data:
            values[o.key] = read_option(o, key, data[o.key])
        elif o.required:
            raise ConfigError(f"{key}: missing (it is required)")
    try:
        result = cls(**values)
    except ConfigError as exc:  # a check of the whole that does not know its path
        raise ConfigError(f"{path}: {exc}") from None
    if whole is not None and (problem := whole(result)) is not None:
        raise ConfigError(f"{path}.{problem[0]}: {problem[1]}")
    return result


def read_option(o: Option, key: str, raw: object) -> object:
    """One option (or sub-table) at its full ``key`` from its raw TOML value."""
    if o.form is Form.TABLE:
        return o.read(raw) if o.read is not None else read_table(o.kind, key, raw)
    if o.form is Form.ARRAY:
        if not isinstance(raw, list):
            raise ConfigError(f"{key}: {raw!r} should be an array of tables")
        item = typing.get_args(o.kind)[0]
        return tuple(read_table(item, f"{key}[{i}]", t) for i, t in enumerate(raw))
    read = o.read or _reader(o.kind)
    assert read is not None  # declared() made sure
    try:
        value = read(raw)
    except ConfigError as exc:
        raise ConfigError(f"{key}: {exc}") from None
    if o.check is not None and (complaint := o.check(value)):
        raise ConfigError(f"{key}: {raw!r} {complaint}")
    return value


def boolean(raw: object) -> bool:
    if not isinstance(raw, bool):
        raise ConfigError(f"{raw!r} is not true or false")
    return raw


def integer(raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ConfigError(f"{raw!r} is not an integer")
    return raw


def number(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ConfigError(f"{raw!r} is not a number")
    return float(raw)


def text(raw: object) -> str:
    if not isinstance(raw, str):
        raise ConfigError(f"{raw!r} is not a string")
    return raw


def texts(raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise ConfigError(f"{raw!r} is not a list of strings")
    return tuple(raw)


def integers(raw: object) -> tuple[int, ...]:
    if not isinstance(raw, list) or not all(
        isinstance(x, int) and not isinstance(x, bool) for x in raw
    ):
        raise ConfigError(f"{raw!r} is not a list of integers")
    return tuple(raw)


def choice(kind: type[E]) -> Callable[[object], E]:
    """One of an enum's values (text in any case: "bcd", "BCD")."""

    def read(raw: object) -> E:
        for member in kind:
            if raw == member.value or (
                isinstance(raw, str) and raw.lower() == str(member.value).lower()
            ):
                return member
        allowed = ", ".join(str(m.value) for m in kind)
        raise ConfigError(f"{raw!r} is not one of {allowed}")

    return read


def within(low: float, high: float) -> Check:
    """A check: a number from ``low`` to ``high``, both included."""
    return lambda value: None if low <= value <= high else f"is not within {low}..{high}"


_READERS: dict[object, Read] = {
    bool: boolean,
    int: integer,
    float: number,
    str: text,
    tuple[str, ...]: texts,
    tuple[int, ...]: integers,
}


def _reader(kind: object) -> Read | None:
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return choice(kind)
    return _READERS.get(kind)


# --- listing and rendering ----------------------------------------------------------------


def walk(cls: type, path: str) -> Iterator[Option]:
    """Every option of the table at ``path`` and of its sub-tables, with its full key (an
    array of tables as ``path.name[]``)."""
    for o in declared(cls):
        key = f"{path}.{o.key}"
        if o.form is Form.VALUE:
            yield dataclasses.replace(o, key=key)
        elif o.form is Form.TABLE:
            yield from walk(o.kind, key)
        else:
            yield from walk(typing.get_args(o.kind)[0], f"{key}[]")


def toml(value: object) -> str:
    """A value as TOML writes it."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML's
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml(v) for v in value) + "]"
    raise TypeError(f"{value!r} has no TOML form: declare show=")


def _shown(o: Option, value: object) -> str:
    return toml(o.show(value) if o.show is not None else value)


def render_table(cls: type, path: str, value: object, *, array: bool = False) -> list[str]:
    """The table as TOML lines: each option's help as a comment above it, at ``value``'s
    setting; its sub-tables after it; an array of tables as a commented example."""
    options = declared(cls)
    lines = [f"[[{path}]]" if array else f"[{path}]"]
    if not any(o.form is Form.VALUE for o in options):
        lines = []  # a table of tables only: no header of its own
    for o in options:
        key = f"{path}.{o.key}"
        current = o.default if value is None else getattr(value, o.key)
        if o.form is Form.VALUE:
            shown = "(required)" if current is REQUIRED else _shown(o, current)
            lines += [f"# {o.help}", f"{o.key} = {shown}"]
        elif o.form is Form.TABLE:
            lines += ["", f"# {o.help}", *render_table(o.kind, key, current)]
        else:
            item = typing.get_args(o.kind)[0]
            example = render_table(item, key, None, array=True)
            lines += ["", f"# {o.help}", *commented(example)]
    return lines[1:] if lines and not lines[0] else lines


def commented(lines: list[str]) -> list[str]:
    """Lines as comments: ``# `` before a setting, ``#`` before a note (so that taking
    ``# `` away again gives back the settings and leaves the notes)."""
    return [
        line if not line else "#" + line if line.startswith("#") else "# " + line for line in lines
    ]


def reference(cls: type, path: str, value: object) -> list[str]:
    """The docs' rows (Markdown) for every option of the table: key, default, help."""
    rows = []
    for o in declared(cls):
        key = f"{path}.{o.key}"
        current = getattr(value, o.key) if value is not None else o.default
        if o.form is Form.VALUE:
            shown = "(required)" if current is REQUIRED else f"`{_shown(o, current)}`"
            meaning = o.help.replace("|", r"\|")  # a "|" of its own would end the cell
            rows.append(f"| `{key}` | {shown} | {meaning} |")
        elif o.form is Form.TABLE:
            rows += reference(o.kind, key, current)
        else:
            rows += reference(typing.get_args(o.kind)[0], f"{key}[]", None)
    return rows
