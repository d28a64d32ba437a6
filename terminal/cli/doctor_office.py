"""The doctor's office checks: the credential, the office reachable, its TLS certificate
verified, the credential accepted, and this till's clock against the office's.

It lives with the command (the composition root) because it joins the sync client to
the doctor's findings; every failure is a finding with its fix, never an exception.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from common import files
from common.clock import Clock
from common.files import UnsafeFile
from sync import credentials
from sync.client import AuthFailed, OfficeClient, Refused, SyncError, Timeouts, TlsFailed
from sync.office_url import is_loopback
from terminal.services.doctor import Finding, Status

SKEW_WARN_S = 60.0
SKEW_FAIL_S = 300.0
_FIX_CLOCK = (
    "set the time right and keep it right: timedatectl set-ntp true (or install "
    "systemd-timesyncd / chrony); order never depends on the clock, but receipts and "
    "TLS do"
)


def check_office(db_path: Path, clock: Clock, timeout_s: float = 5.0) -> list[Finding]:
    try:
        creds = credentials.load(db_path, tighten=False)  # the doctor changes nothing
    except UnsafeFile as exc:
        return [Finding("office credential", Status.FAIL, exc.problem, exc.fix)]
    except credentials.NotEnrolled as exc:
        missing = not credentials.path_for(db_path).exists()
        return [
            Finding(
                "office",
                Status.WARN if missing else Status.FAIL,
                "this till is not enrolled with an office yet" if missing else str(exc),
                "enrol it: loyalty-terminal enroll --office URL --code CODE "
                "(the code comes from the office: python -m office create-code)",
            )
        ]
    found = [_credential_file(db_path)]
    client = OfficeClient(
        creds.office_url,
        creds.token,
        ca_bundle=creds.ca_bundle,
        timeouts=Timeouts(connect=min(3.0, timeout_s), read=timeout_s),
    )
    where = creds.office_url
    try:
        answer = client.hello()
    except TlsFailed as exc:
        return [
            *found,
            Finding(
                "office",
                Status.FAIL,
                f"the office's TLS certificate at {where} cannot be verified ({_short(exc)})",
                "if the office uses a private CA, enrol with it (loyalty-terminal enroll ... "
                "--ca FILE); check this till's clock (a certificate is valid only between two "
                "dates); TLS verification is never switched off",
            ),
        ]
    except AuthFailed as exc:
        what = (
            "the office has revoked this till's credential"
            if exc.status == 403
            else "the office does not know this till's credential"
        )
        return [
            *found,
            Finding(
                "office",
                Status.FAIL,
                f"{what} (HTTP {exc.status}); syncing stops until it is "
                "fixed, every operation is kept",
                "get a new code from the office and enrol again: loyalty-terminal enroll "
                "--office URL --code CODE (operations not yet sent are kept and sent)",
            ),
        ]
    except Refused as exc:
        return [
            *found,
            Finding(
                "office",
                Status.FAIL,
                f"{where} does not answer like our office ({_short(exc)})",
                "check the office URL (loyalty-terminal enroll --office URL ...)",
            ),
        ]
    except SyncError as exc:
        return [
            *found,
            Finding(
                "office",
                Status.FAIL,
                f"the office at {where} cannot be reached ({_short(exc)})",
                "check the network cable, DNS and firewall, and that the office runs; "
                "meanwhile the till works offline within the office's limits",
            ),
        ]
    finally:
        client.close()
    tls = "plain HTTP on loopback" if is_loopback(where) else "TLS verified"
    found.append(
        Finding(
            "office",
            Status.OK,
            f"{where} answers ({tls}); this till is {creds.name!r} (terminal {creds.terminal_id})",
        )
    )
    found.append(_clock(answer.office_time, clock))
    return found


def _credential_file(db_path: Path) -> Finding:
    path = credentials.path_for(db_path)
    wrong = files.problem(path, credentials.WHAT)
    if wrong is not None:
        return Finding("office credential", Status.FAIL, wrong[0], wrong[1])
    return Finding("office credential", Status.OK, f"{path}, readable by its owner only")


def _clock(office_time: datetime | None, clock: Clock) -> Finding:
    if office_time is None:
        return Finding("clock", Status.WARN, "the office did not say its time", "update the office")
    skew = (office_time - clock.now()).total_seconds()
    side = "behind" if skew > 0 else "ahead of"
    text = f"this till's clock is {abs(skew):.0f} s {side} the office's"
    if abs(skew) > SKEW_FAIL_S:
        return Finding("clock", Status.FAIL, text, _FIX_CLOCK)
    if abs(skew) > SKEW_WARN_S:
        return Finding("clock", Status.WARN, text, _FIX_CLOCK)
    return Finding("clock", Status.OK, text)


def _short(exc: Exception, limit: int = 160) -> str:
    text = str(exc).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
