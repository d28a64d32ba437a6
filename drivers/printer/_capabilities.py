"""Where python-escpos keeps its parsed printer database: one folder of ours, reused.

python-escpos reads ``ESCPOS_CAPABILITIES_PICKLE_DIR`` once, when it is imported, and
writes the pickle there when it is missing or older than its database, without an atomic
rename: a till switched off at that moment, or a second process starting at the same
time, would read a torn file. So we write the pickle ourselves first, atomically (a
temporary file renamed into place), from the same database; python-escpos then only
reads it.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
import os
import pickle
import platform
import tempfile
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)
ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def keep_capabilities_cache(folder: Path | None = None) -> Path | None:
    """Point python-escpos at a folder holding a sound pickle of its database: the one
    the environment names, else ``folder``/escpos (default: this user's cache folder),
    else a new temporary folder. Returns the folder (None: python-escpos on its own).

    A folder that cannot be used (not writable, say: an inherited variable, or HOME of
    another user under runuser) is passed over: python-escpos would fail to import."""
    home = folder or Path(platformdirs.user_cache_dir("loyalty-terminal", appauthor=False))
    candidates = [Path(os.environ[ENV])] if os.environ.get(ENV) else []
    candidates.append(home / "escpos")
    for candidate in candidates:
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            _ensure_pickle(candidate / _name())
        except (OSError, ValueError, pickle.PickleError) as exc:
            log.debug("python-escpos cannot keep its cache in %s: %s", candidate, exc)
            continue
        os.environ[ENV] = str(candidate)
        return candidate
    try:
        fallback = Path(tempfile.mkdtemp(prefix="escpos-"))
        _ensure_pickle(fallback / _name())
    except (OSError, ValueError, pickle.PickleError) as exc:
        log.debug("no folder for python-escpos's cache: %s", exc)
        os.environ.pop(ENV, None)
        return None
    os.environ[ENV] = str(fallback)
    return fallback


def _name() -> str:
    return f"{platform.python_version()}.capabilities.pickle"


def _ensure_pickle(path: Path) -> None:
    source = Path(str(importlib.resources.files("escpos") / "capabilities.json"))
    if path.exists() and path.stat().st_mtime >= source.stat().st_mtime and _loads(path):
        return
    data = json.loads(source.read_text(encoding="utf-8"))
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _loads(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            pickle.load(fh)
    except Exception:
        log.warning("replacing a damaged printer-capabilities cache %s", path)
        return False
    return True
