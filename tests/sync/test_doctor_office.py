"""The doctor's office checks against the real office over HTTP(S) on loopback: all well,
the office down, an unknown or revoked credential, a clock a day off, a certificate that
cannot be verified (and can, with the private CA), a credential file others can read."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from officekit import enrol

from common.clock import FixedClock, SystemClock
from office import auth
from office.db import OfficeDB
from office.server import OfficeServer
from sync import credentials
from terminal.cli.doctor_office import check_office
from terminal.services.doctor import Finding, Status

pytestmark = pytest.mark.integration


def by_check(found: list[Finding]) -> dict[str, Finding]:
    return {f.check: f for f in found}


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    folder = tmp_path / "till"
    folder.mkdir()
    return folder / "cache.sqlite3"


def test_not_enrolled(cache: Path) -> None:
    (f,) = check_office(cache, SystemClock())
    assert f.status is Status.WARN and "not enrolled" in f.message and "enroll" in f.fix


def test_all_well_then_the_office_down(office: OfficeServer, cache: Path) -> None:
    enrol(office, cache)
    found = by_check(check_office(cache, SystemClock()))
    assert [f.status for f in found.values()] == [Status.OK] * 3
    assert "plain HTTP" in found["office"].message
    assert "clock is 0 s" in found["clock"].message
    office.stop()
    found = by_check(check_office(cache, SystemClock(), timeout_s=1))
    assert found["office"].status is Status.FAIL
    assert "cannot be reached" in found["office"].message and "offline" in found["office"].fix
    assert "clock" not in found


def test_unknown_and_revoked_credentials(office: OfficeServer, cache: Path) -> None:
    creds = enrol(office, cache)
    credentials.save(cache, replace(creds, token="not-the-token"))
    found = by_check(check_office(cache, SystemClock()))
    assert found["office"].status is Status.FAIL
    assert "does not know" in found["office"].message and "enroll" in found["office"].fix
    credentials.save(cache, creds)
    assert auth.revoke(office.db, creds.terminal_id)
    found = by_check(check_office(cache, SystemClock()))
    assert found["office"].status is Status.FAIL and "revoked" in found["office"].message


def test_a_clock_a_day_off(office: OfficeServer, cache: Path) -> None:
    enrol(office, cache)
    behind = FixedClock(datetime.now(UTC) - timedelta(days=1))
    clock = by_check(check_office(cache, behind))["clock"]
    assert clock.status is Status.FAIL and "behind" in clock.message
    assert "ntp" in clock.fix.lower()


def test_a_credential_others_can_read(office: OfficeServer, cache: Path) -> None:
    enrol(office, cache)
    credentials.path_for(cache).chmod(0o644)
    found = by_check(check_office(cache, SystemClock()))
    assert found["office credential"].status is Status.FAIL
    assert "chmod 600" in found["office credential"].fix


def _private_ca(folder: Path) -> tuple[Path, Path, Path]:
    """A private CA and a certificate for localhost signed by it (openssl)."""
    ca_key, ca, key, csr, cert = (
        folder / n for n in ("ca.key", "ca.pem", "k.pem", "r.csr", "c.pem")
    )
    run = lambda *a: subprocess.run(["openssl", *a], check=True, capture_output=True)  # noqa: E731
    run(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        str(ca_key),
        "-out",
        str(ca),
        "-days",
        "2",
        "-subj",
        "/CN=Test store CA",
    )
    run(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        str(key),
        "-out",
        str(csr),
        "-subj",
        "/CN=localhost",
    )
    ext = folder / "ext.cnf"
    ext.write_text("subjectAltName=DNS:localhost\n")
    run(
        "x509",
        "-req",
        "-in",
        str(csr),
        "-CA",
        str(ca),
        "-CAkey",
        str(ca_key),
        "-CAcreateserial",
        "-out",
        str(cert),
        "-days",
        "2",
        "-extfile",
        str(ext),
    )
    return ca, cert, key


def test_tls_verified_only_with_the_private_ca(
    office_db: OfficeDB, cache: Path, tmp_path: Path
) -> None:
    ca, cert, key = _private_ca(tmp_path)
    with OfficeServer(office_db, ssl_certfile=str(cert), ssl_keyfile=str(key)) as server:
        assert server.url.startswith("https://localhost:")
        code = auth.create_code(office_db, "till")
        terminal, token = auth.enrol(office_db, code)
        creds = credentials.Credentials(server.url, terminal.id, terminal.name, token)
        credentials.save(cache, creds)
        found = by_check(check_office(cache, SystemClock()))
        assert found["office"].status is Status.FAIL
        assert "TLS certificate" in found["office"].message and "--ca" in found["office"].fix
        credentials.save(cache, replace(creds, ca_bundle=str(ca)))
        found = by_check(check_office(cache, SystemClock()))
        assert found["office"].status is Status.OK, found["office"].message
        assert "TLS verified" in found["office"].message
