"""A real PostgreSQL for the office's tests (HARNESS.md, PostgreSQL).

Debian's ``postgresql`` package (Makefile APT_PKGS) installs a cluster without starting
it where there is no systemd. :func:`postgres_server` starts the installed cluster as
root (``pg_ctlcluster <version> main start``), creates a role and a database of its own
for this test session, and at the end drops the database and stops the cluster only if
it started it. ``LOYALTY_TEST_PG_URL`` points the tests at a server of your own instead.

Nothing is skipped: if PostgreSQL cannot be started, the tests that need it fail with a
message saying what is missing and how to fix it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

PG_ROOT = Path("/usr/lib/postgresql")
CLUSTER = "main"
ENV_URL = "LOYALTY_TEST_PG_URL"


@dataclass(frozen=True)
class Cluster:
    version: str
    port: int
    online: bool


def installed_version() -> str:
    """The newest PostgreSQL major version installed (``/usr/lib/postgresql/<N>``)."""
    versions = sorted(
        (p.name for p in PG_ROOT.glob("*") if (p / "bin" / "postgres").exists()),
        key=lambda v: int(v) if v.isdigit() else 0,
    )
    if not versions or shutil.which("pg_ctlcluster") is None:
        pytest.fail(
            "PostgreSQL is not installed: the office's tests need it. "
            "Run `make test` as root (it installs the Debian package `postgresql`), "
            "or `apt-get install postgresql`, or set LOYALTY_TEST_PG_URL.",
            pytrace=False,
        )
    return versions[-1]


def cluster(version: str) -> Cluster:
    out = subprocess.run(
        ["pg_lsclusters", "--no-header", version, CLUSTER],
        capture_output=True,
        text=True,
        check=False,
    )
    fields = out.stdout.split()
    if out.returncode != 0 or len(fields) < 4:
        pytest.fail(
            f"no PostgreSQL cluster {version}/{CLUSTER} ({out.stderr.strip()}); "
            f"create one with `pg_createcluster {version} {CLUSTER}`",
            pytrace=False,
        )
    return Cluster(version, int(fields[2]), fields[3] == "online")


def _as_postgres(sql: str, port: int, db: str = "postgres") -> None:
    out = subprocess.run(
        [
            "runuser",
            "-u",
            "postgres",
            "--",
            "psql",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-p",
            str(port),
            "-d",
            db,
            "-c",
            sql,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if out.returncode != 0:
        pytest.fail(f"psql as postgres failed: {sql!r}: {out.stderr.strip()}", pytrace=False)


def _wait_ready(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        done = subprocess.run(
            ["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(port)], check=False
        ).returncode
        if done == 0:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"PostgreSQL on port {port} did not become ready", pytrace=False)
        time.sleep(0.2)


@contextmanager
def postgres_server() -> Iterator[str]:
    """A SQLAlchemy URL of a database that belongs to this test session."""
    own = os.environ.get(ENV_URL)
    if own:
        yield own
        return
    if os.geteuid() != 0:
        pytest.fail(
            "the office's PostgreSQL tests start the cluster as root: run `make test` as "
            f"root, or start PostgreSQL yourself and set {ENV_URL}",
            pytrace=False,
        )
    version = installed_version()
    state = cluster(version)
    started = False
    if not state.online:
        out = subprocess.run(
            ["pg_ctlcluster", version, CLUSTER, "start"],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if out.returncode != 0 and cluster(version).online:
            pass  # another test session started it at the same moment: it stops it
        elif out.returncode != 0:
            log = f"/var/log/postgresql/postgresql-{version}-{CLUSTER}.log"
            pytest.fail(
                f"cannot start PostgreSQL {version}/{CLUSTER}: {out.stderr.strip()} (see {log})",
                pytrace=False,
            )
        else:
            started = True
    try:
        _wait_ready(state.port)
        suffix = f"{os.getpid()}_{secrets.token_hex(3)}"
        role, database, password = f"loyalty_test_{suffix}", f"loyalty_test_{suffix}", "test"
        _as_postgres(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'", state.port)
        _as_postgres(f"CREATE DATABASE {database} OWNER {role}", state.port)
        try:
            yield (f"postgresql+psycopg://{role}:{password}@127.0.0.1:{state.port}/{database}")
        finally:
            _as_postgres(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)", state.port)
            _as_postgres(f"DROP ROLE IF EXISTS {role}", state.port)
    finally:
        if started:
            subprocess.run(
                ["pg_ctlcluster", version, CLUSTER, "stop"],
                capture_output=True,
                check=False,
                timeout=120,
            )


def reset(url: str) -> None:
    """An empty database for the next test: every table of the office dropped."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
