"""An unexpected WARNING (or worse) logged during a test fails that test.

Our code logs a warning when something a person should look at happened: an office that
answered 500, a printer out of paper, a card read that failed. A test where that happens
without the test expecting it hides a defect, so :func:`fail_on_unexpected_warnings`
(autouse, from tests/conftest.py) collects every record at WARNING and above, from any
thread, and fails the test at teardown unless the test declared it::

    @pytest.mark.expected_log(r"sync\\.engine: .*rebuilding")
    def test_a_too_old_cursor_rebuilds(): ...

A pattern is a regular expression searched in ``"<logger>: <message>"``; a test may give
several. Qt's own warnings fail the test through pytest-qt (``qt_log_level_fail``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest

MARKER = "expected_log"


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _line(record: logging.LogRecord) -> str:
    try:
        message = record.getMessage()
    except Exception:  # a record whose arguments do not fit its format
        message = str(record.msg)
    return f"{record.name}: {message}"


@pytest.fixture(autouse=True)
def fail_on_unexpected_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    patterns = [
        re.compile(pattern) for mark in request.node.iter_markers(MARKER) for pattern in mark.args
    ]
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield
    finally:
        root.removeHandler(collector)
    unexpected = [
        _line(r) for r in collector.records if not any(p.search(_line(r)) for p in patterns)
    ]
    if unexpected:
        shown = "\n  ".join(unexpected[:20])
        more = f"\n  ... and {len(unexpected) - 20} more" if len(unexpected) > 20 else ""
        pytest.fail(
            f"unexpected WARNING log(s) (mark the test @pytest.mark.{MARKER}(pattern) if "
            f"they are the point of it):\n  {shown}{more}",
            pytrace=False,
        )
