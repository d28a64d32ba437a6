"""`make deb` builds a package that installs into a clean Debian 12 root (made with
debootstrap from Debian's packages), runs the doctor there against the virtual devices,
upgrades keeping an operation that was waiting, and is removed keeping the data unless
purged."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.printer.loopback import LoopbackPrinter
from drivers.virtual.pcscd import Pcscd

pytestmark = pytest.mark.integration

ROOT = Path(__file__).parents[2]
MIRROR = "http://deb.debian.org/debian"
CHECKOUT = """
import sys
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.identify import CardKey
from terminal.services.till import Till
from terminal.store.database import Database
with Database.open("/var/lib/loyalty-terminal/cache.sqlite3", create=False) as db:
    print(checkout(Till(db).unit(), CardKey(card_id=1), Money.parse("100")).operation_id)
"""


def run(*cmd: str | Path, **kw: object) -> subprocess.CompletedProcess[str]:
    proc: subprocess.CompletedProcess[str] = subprocess.run(
        [str(c) for c in cmd],
        capture_output=True,
        text=True,
        timeout=900,
        **kw,  # type: ignore[call-overload]
    )
    if proc.returncode != 0:  # say what failed: apt's and dpkg's own words
        raise AssertionError(
            f"{' '.join(str(c) for c in cmd)[:300]} exited {proc.returncode}\n"
            f"stdout: {proc.stdout[-3000:]}\nstderr: {proc.stderr[-3000:]}"
        )
    return proc


def build(version: str, out: Path) -> Path:
    env = {**os.environ, "VERSION": version, "OUT": str(out)}
    return Path(run("bash", ROOT / "installer" / "build-deb.sh", env=env).stdout.split()[-1])


@pytest.fixture(scope="module")
def debian_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("debian12") / "root"
    run("debootstrap", "--variant=minbase", "bookworm", root, MIRROR)
    shutil.copy("/etc/apt/sources.list.d/debian.sources", root / "etc/apt/sources.list.d/")
    (root / "etc/apt/sources.list").unlink(missing_ok=True)
    (root / "run/pcscd").mkdir(parents=True, exist_ok=True)
    yield root
    subprocess.run(["umount", str(root / "run/pcscd")], capture_output=True)


def in_root(root: Path, *cmd: str) -> subprocess.CompletedProcess[str]:
    return run("chroot", root, "env", "DEBIAN_FRONTEND=noninteractive", *cmd)


def install(root: Path, deb: Path) -> None:
    shutil.copy(deb, root / "tmp" / deb.name)
    in_root(
        root,
        "sh",
        "-c",
        f"apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/{deb.name}",
    )


def test_install_doctor_upgrade_remove(debian_root: Path, tmp_path: Path) -> None:
    first = build("0.1.0", tmp_path / "v1")
    install(debian_root, first)
    assert (debian_root / "opt/loyalty-terminal/venv/bin/loyalty-terminal").exists()
    assert (debian_root / "etc/modprobe.d/loyalty-terminal-pn533.conf").exists()
    config = debian_root / "etc/loyalty-terminal/config.toml"
    assert 'path = "/var/lib/loyalty-terminal/cache.sqlite3"' in config.read_text()

    # The doctor inside the new root, with the host's pcscd (vpcd readers) shared in and a
    # loopback printer on the shared network.
    pcscd = Pcscd(tmp_path / "pcscd.log")
    pcscd.start()
    run("mount", "--bind", "/run/pcscd", debian_root / "run/pcscd")
    try:
        with LoopbackPrinter() as printer:
            config.write_text(
                config.read_text()
                + f'\n[printer]\ntransport = "network"\nhost = "127.0.0.1"\nport = {printer.port}\n'
            )
            in_root(
                debian_root,
                "runuser",
                "-u",
                "loyalty",
                "--",
                "loyalty-terminal",
                "--config",
                "/etc/loyalty-terminal/config.toml",
                "demo-data",
                "--members",
                "50",
                "--replace",
            )
            doctor = subprocess.run(
                [
                    "chroot",
                    debian_root,
                    "loyalty-terminal",
                    "--config",
                    "/etc/loyalty-terminal/config.toml",
                    "doctor",
                    "--json",
                ],
                capture_output=True,
                text=True,
                timeout=120,
            )
    finally:
        subprocess.run(["umount", str(debian_root / "run/pcscd")], capture_output=True)
        pcscd.stop()
    report = {f["check"]: f for f in json.loads(doctor.stdout)}
    assert report["pcsc"]["status"] == "ok" and "Virtual PCD" in report["pcsc"]["message"]
    assert report["printer"]["status"] == "ok"
    assert report["cache integrity"]["status"] == "ok"
    assert doctor.returncode == 1  # the office is not enrolled yet: it says so

    # An operation waiting for the office survives an upgrade (and its migrations).
    python = "/opt/loyalty-terminal/venv/bin/python"
    waiting = in_root(debian_root, "runuser", "-u", "loyalty", "--", python, "-c", CHECKOUT)
    op_id = waiting.stdout.strip()
    install(debian_root, build("0.1.1", tmp_path / "v2"))
    status = in_root(debian_root, "sh", "-c", "dpkg-query -W loyalty-terminal").stdout
    assert "0.1.1" in status
    query = f"SELECT status FROM operations WHERE id = '{op_id}'"
    script = (
        "import sqlite3; db = sqlite3.connect('/var/lib/loyalty-terminal/cache.sqlite3'); "
        f'print(db.execute("{query}").fetchone()[0])'
    )
    kept = in_root(debian_root, python, "-c", script).stdout.strip()
    assert kept == "pending"

    # Removal keeps the data; purge deletes it.
    in_root(debian_root, "apt-get", "remove", "-y", "-qq", "loyalty-terminal")
    assert (debian_root / "var/lib/loyalty-terminal/cache.sqlite3").exists()
    in_root(debian_root, "apt-get", "purge", "-y", "-qq", "loyalty-terminal")
    assert not (debian_root / "var/lib/loyalty-terminal").exists()
