"""The doctor against each broken case, on the real things: pcscd stopped, a printer
unreachable or out of paper, a damaged cache, a full disk (a small tmpfs), operations
parked; and its exit code and JSON for monitoring."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from common.clock import FixedClock
from drivers.config import PcscConfig, ReadersConfig, SerialReaderConfig
from drivers.printer.config import PrinterConfig
from drivers.printer.loopback import Behaviour, LoopbackPrinter
from drivers.virtual.pcscd import Pcscd
from terminal.cli.main import main
from terminal.services import demo_data
from terminal.services.doctor import (
    Finding,
    Status,
    check_cache,
    check_disk,
    check_pcsc,
    check_printer,
    check_serial,
)
from terminal.store.database import Database

pytestmark = pytest.mark.integration


def network(port: int) -> PrinterConfig:
    return PrinterConfig.from_mapping(
        {"transport": "network", "host": "127.0.0.1", "port": port, "timeout_s": 1}
    )


def test_pcscd_running_then_stopped(pcscd_restartable: Pcscd) -> None:
    readers = ReadersConfig.default()
    running = check_pcsc(readers)
    assert running.status is Status.OK and "Virtual PCD" in running.message
    pcscd_restartable.kill()
    stopped = check_pcsc(readers)
    assert stopped.status is Status.FAIL and "pcscd" in stopped.message and stopped.fix
    off = ReadersConfig(
        pcsc=PcscConfig(enabled=False), serial=(), wedge=readers.wedge, numbers=readers.numbers
    )
    assert check_pcsc(off).status is Status.OK


def test_serial_port_missing(tmp_path: Path) -> None:
    readers = ReadersConfig.default()
    cfg = ReadersConfig(
        pcsc=readers.pcsc,
        serial=(SerialReaderConfig(port=str(tmp_path / "ttyUSB9")),),
        wedge=readers.wedge,
        numbers=readers.numbers,
    )
    [finding] = check_serial(cfg)
    assert finding.status is Status.FAIL and "does not exist" in finding.message


def test_printer_ready_out_of_paper_and_unreachable() -> None:
    with LoopbackPrinter() as ok:
        assert check_printer(network(ok.port)).status is Status.OK
    with LoopbackPrinter(behaviour=Behaviour.PAPER_OUT) as empty:
        paper = check_printer(network(empty.port))
    assert paper.status is Status.FAIL and "paper" in paper.message and "roll" in paper.fix
    gone = check_printer(network(empty.port))  # nobody listens there any more
    assert gone.status is Status.FAIL and "cannot be reached" in gone.message
    assert check_printer(PrinterConfig.default()).status is Status.WARN


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    path = tmp_path / "cache.sqlite3"
    with Database.open(path) as db, db.write() as conn:
        demo_data.fill(conn, 300)
    return path


def statuses(found: list[Finding]) -> dict[str, Status]:
    return {f.check: f.status for f in found}


def test_sound_cache_then_parked_operations(cache: Path, clock: FixedClock) -> None:
    assert set(statuses(check_cache(cache, clock)).values()) == {Status.OK}
    with Database.open(cache) as db, db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO operations (id, seq, kind, created_at, status) VALUES "
            "('a', 1, 'purchase', '2026-11-22T10:00:00+00:00', 'parked'), "
            "('b', 2, 'purchase', '2026-11-22T10:01:00+00:00', 'pending')"
        )
    found = statuses(check_cache(cache, clock))
    assert found["operations parked"] is Status.FAIL
    assert found["operations waiting"] is Status.WARN


def test_damaged_cache(cache: Path, clock: FixedClock) -> None:
    data = bytearray(cache.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xde\xad" * 4096
    cache.write_bytes(bytes(data))
    found = check_cache(cache, clock)
    assert Status.FAIL in {f.status for f in found}
    cache.write_bytes(b"not a database at all" * 100)
    [broken] = check_cache(cache, clock)
    assert broken.status is Status.FAIL and "not a database" in broken.message


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 4 MB tmpfs (CI runs as root); None where mounting is not permitted."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    yield mount if done.returncode == 0 else None
    if done.returncode == 0:
        subprocess.run(["umount", str(mount)], check=True)


def test_full_disk(small_disk: Path | None, tmp_path: Path) -> None:
    if small_disk is not None:
        finding = check_disk(small_disk / "cache.sqlite3")
    else:  # no mount allowed here: the same check with the threshold above the free space
        finding = check_disk(tmp_path / "cache.sqlite3", fail_below=2**62)
    assert finding.status is Status.FAIL and "MB free" in finding.message
    assert check_disk(tmp_path / "cache.sqlite3", fail_below=0).status is not Status.FAIL


def test_command_exit_code_and_json(
    cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[readers.pcsc]\nenabled = false\n", encoding="utf-8")
    code = main(["doctor", "--db", str(cache), "--config", str(config), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # no printer, not enrolled: needs attention
    by_check = {f["check"]: f for f in report}
    assert by_check["printer"]["status"] == "warn" and by_check["printer"]["fix"]
    assert by_check["cache integrity"]["status"] == "ok"
