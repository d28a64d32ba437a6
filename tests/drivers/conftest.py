"""Fixtures of the driver tests: a real pcscd with the vpcd virtual readers, and an event
recorder that waits for what the drivers report."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.virtual.pcscd import Pcscd, list_readers
from drivers.virtual.recorder import Recorder


@pytest.fixture(scope="session")
def pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pcscd]:
    """A pcscd serving the two vpcd readers, for the whole session (stopped at the end
    if the session started it)."""
    daemon = Pcscd(tmp_path_factory.mktemp("pcscd") / "pcscd.log")
    daemon.start()
    yield daemon
    daemon.stop()


@pytest.fixture
def pcscd_restartable(pcscd: Pcscd) -> Iterator[Pcscd]:
    """The session's pcscd, for a test that kills and restarts it; running again after."""
    yield pcscd
    if not pcscd.running or list_readers() is None:
        pcscd.start()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()
