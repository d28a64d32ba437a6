"""The program versions the office published, read back as the rules' :class:`Program`
(each body is parsed once and kept: a published version never changes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from sqlalchemy import Connection, bindparam, select

from office.models import program_versions, programs
from terminal.loyalty import Program, ProgramError

_BY_VERSION = select(program_versions.c.body).where(
    program_versions.c.code == bindparam("code"),
    program_versions.c.version == bindparam("version"),
)
_PARSED: dict[str, Program] = {}
_KEPT = "office.programs.kept"  # conn.info: (code, version) -> Program | None


def _parse(body: str) -> Program | None:
    found = _PARSED.get(body)
    if found is None:
        try:
            found = Program.from_dict(json.loads(body))
        except (ProgramError, ValueError, TypeError):
            return None
        if len(_PARSED) > 256:
            _PARSED.clear()
        _PARSED[body] = found
    return found


@contextmanager
def kept(conn: Connection) -> Iterator[None]:
    """Within the block, each version :func:`published` reads on ``conn`` is read once
    (a pushed batch names the same one or two; one transaction sees no new ones)."""
    conn.info[_KEPT] = {}
    try:
        yield
    finally:
        conn.info.pop(_KEPT, None)


def published(conn: Connection, code: object, version: object) -> Program | None:
    """The program ``code`` in ``version`` as the office published it (None: never)."""
    if not isinstance(code, str) or isinstance(version, bool) or not isinstance(version, int):
        return None
    if not -(2**31) < version < 2**31:
        return None
    memo: dict[tuple[str, int], Program | None] | None = conn.info.get(_KEPT)
    if memo is not None and (code, version) in memo:
        return memo[(code, version)]
    body = conn.execute(_BY_VERSION, {"code": code, "version": version}).scalar()
    found = None if body is None else _parse(str(body))
    if memo is not None:
        memo[(code, version)] = found
    return found


def current(conn: Connection) -> Program | None:
    body = conn.execute(select(programs.c.body)).scalar()
    return None if body is None else _parse(str(body))


def most_feedback_points(conn: Connection) -> Decimal:
    """The most points any published version gives for feedback (a till offline through
    a change of version may have used the older one)."""
    best = Decimal(0)
    for (body,) in conn.execute(select(program_versions.c.body)):
        program = _parse(str(body))
        if program is not None:
            best = max(best, program.feedback_points)
    return best
