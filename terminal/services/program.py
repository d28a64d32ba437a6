"""The loyalty program the till works by: the one the cache holds (the office sends it)."""

from __future__ import annotations

from terminal.loyalty import Program
from terminal.services.errors import NoProgram
from terminal.services.unit import Unit


def load_program(unit: Unit) -> Program:
    """The cache's active program (:class:`NoProgram` before the first download)."""
    with unit.read() as tx:
        body = tx.programs.active_body()
    if body is None:
        raise NoProgram()
    return Program.from_dict(body)


def changed_program(unit: Unit) -> Program | None:
    """The cache's program if it is another one than ``unit.program`` (another code or
    version: a sync changed it); None if it is the same, or if the cache holds none."""
    with unit.read() as tx:
        body = tx.programs.active_body()
    current = unit.program
    if body is None or (
        current is not None
        and body.get("code") == current.code
        and body.get("version") == current.version
    ):
        return None
    return Program.from_dict(body)
