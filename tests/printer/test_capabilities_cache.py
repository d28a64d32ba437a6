"""python-escpos's printer database is cached once, in our folder, written atomically,
and a torn cache (a till switched off while writing) is replaced, never loaded."""

from __future__ import annotations

import importlib.resources
import json
import os
import pickle
import platform
import shutil
from pathlib import Path

import pytest

from drivers.printer._capabilities import ENV, keep_capabilities_cache


def database() -> object:
    return json.loads((importlib.resources.files("escpos") / "capabilities.json").read_text())


def test_the_cache_is_written_once_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    folder = keep_capabilities_cache(tmp_path)
    assert folder == tmp_path / "escpos"
    cached = folder / f"{platform.python_version()}.capabilities.pickle"
    assert pickle.loads(cached.read_bytes()) == database()
    before = cached.stat().st_mtime_ns
    monkeypatch.delenv(ENV)
    keep_capabilities_cache(tmp_path)
    assert cached.stat().st_mtime_ns == before  # reused, not written again
    assert list(folder.iterdir()) == [cached]  # no temporary file left


@pytest.mark.expected_log(r"replacing a damaged printer-capabilities cache")
def test_a_torn_cache_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    cached = tmp_path / "escpos" / f"{platform.python_version()}.capabilities.pickle"
    cached.parent.mkdir()
    cached.write_bytes(pickle.dumps(database())[:1000])  # cut short
    keep_capabilities_cache(tmp_path)
    assert pickle.loads(cached.read_bytes()) == database()


def test_a_folder_named_in_the_environment_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, str(tmp_path / "theirs"))
    assert keep_capabilities_cache(tmp_path / "ours") == tmp_path / "theirs"
    assert not (tmp_path / "ours").exists()


def test_an_unusable_folder_in_the_environment_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inherited from another user's session, say: python-escpos would fail to import."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(ENV, str(blocker / "escpos"))
    folder = keep_capabilities_cache(tmp_path / "ours")
    assert folder == tmp_path / "ours" / "escpos"
    assert (folder / f"{platform.python_version()}.capabilities.pickle").exists()
    assert os.environ[ENV] == str(folder)
    # nowhere usable at all: a temporary folder, as python-escpos itself would take
    monkeypatch.setenv(ENV, str(blocker / "escpos"))
    fallback = keep_capabilities_cache(blocker / "ours")
    assert fallback is not None and fallback.is_dir() and fallback.name.startswith("escpos-")
    shutil.rmtree(fallback)
