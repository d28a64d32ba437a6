"""The office's URL is parsed, never matched by its prefix (issue 13, point 2): plain
http only to a host that is literally 127.0.0.1, ::1 or localhost; no user info;
https everywhere else. The one check runs on every path that takes a URL: enroll, the
credential read back, the sync client."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sync import credentials
from sync.client import OfficeClient
from sync.office_url import BadOfficeUrl, check_office_url, is_loopback
from terminal.cli.main import main

ACCEPTED = [
    "https://office.example",
    "https://office.example/",
    "https://office.example:8443",
    "https://office.example/loyalty",
    "https://203.0.113.7:8700",
    "https://[2001:db8::1]:8700",
    "https://localhost:8700",
    "HTTPS://Office.Example",
    "http://127.0.0.1:8700",
    "http://127.0.0.1",
    "http://[::1]:8700",
    "http://localhost:8700",
    "http://LOCALHOST:8700",
    "http://localhost/",
]

REFUSED = [
    # (url, what the message says)
    ("http://localhost@203.0.113.7:8700", "user name or password"),
    ("http://127.0.0.1@203.0.113.7", "user name or password"),
    ("https://user:pass@office.example", "user name or password"),
    ("https://@office.example", "user name or password"),
    ("http://127.0.0.1:8700@office.example", "user name or password"),
    ("http://localhost.example.org", "only on this machine's loopback"),
    ("http://localhost.example.org:8700", "only on this machine's loopback"),
    ("http://127.0.0.1.example.org", "only on this machine's loopback"),
    ("http://127.0.0.1.nip.io:8700", "only on this machine's loopback"),
    ("http://localhost.", "only on this machine's loopback"),
    ("http://127.1:8700", "only on this machine's loopback"),
    ("http://127.0.0.2:8700", "only on this machine's loopback"),
    ("http://2130706433", "only on this machine's loopback"),
    ("http://0x7f000001", "only on this machine's loopback"),
    ("http://[::ffff:127.0.0.1]", "only on this machine's loopback"),
    ("http://0.0.0.0:8700", "only on this machine's loopback"),
    ("http://office.example", "only on this machine's loopback"),
    ("http://203.0.113.7:8700", "only on this machine's loopback"),
    ("http://127.0.0.1%2f@203.0.113.7", "user name or password"),
    ("http://127.0.0.1\\@203.0.113.7", "backslash"),
    ("http://127.0.0.1 @203.0.113.7", "a space"),
    ("http://127.0.0.1:8700/#@203.0.113.7", "a query or a fragment"),
    ("https://office.example/?x=1", "a query or a fragment"),
    ("https://office.example/#top", "a query or a fragment"),
    ("http://127.0.0.1:99999", "cannot be parsed"),
    ("http://127.0.0.1:0", "is not a port"),
    ("http://127.0.0.1:port", "cannot be parsed"),
    ("http://[::1", "cannot be parsed"),
    ("ftp://office.example", "neither https:// nor http://"),
    ("office.example", "neither https:// nor http://"),
    ("//office.example", "neither https:// nor http://"),
    ("file:///etc/passwd", "neither https:// nor http://"),
    ("https://", "no valid host"),
    ("https:///path", "no valid host"),
    ("https://office%2eexample", "no valid host"),
    ("", "empty"),
]


@pytest.mark.parametrize("url", ACCEPTED)
def test_accepted(url: str) -> None:
    assert check_office_url(url) == url
    assert OfficeClient(url).base_url == url.rstrip("/")


@pytest.mark.parametrize(("url", "why"), REFUSED, ids=[u or "empty" for u, _ in REFUSED])
def test_refused(url: str, why: str) -> None:
    with pytest.raises(BadOfficeUrl) as raised:
        check_office_url(url)
    assert why in str(raised.value)
    assert raised.value.code == "office_url_invalid"
    with pytest.raises(BadOfficeUrl):
        OfficeClient(url)


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8700", True),
        ("http://[::1]:8700", True),
        ("http://localhost", True),
        ("https://localhost:8700", False),
        ("https://office.example", False),
    ],
)
def test_is_loopback(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost@203.0.113.7:8700",
        "http://localhost.example.org",
        "http://127.0.0.1.example.org",
    ],
)
def test_enroll_refuses_before_asking_anyone(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cache.sqlite3")
    assert main(["--db", db, "enroll", "--office", url, "--code", "X"]) == 2
    err = capsys.readouterr().err
    assert "is refused" in err and "Traceback" not in err
    assert not credentials.path_for(Path(db)).exists()


def test_a_credential_with_a_refused_url_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    path = credentials.save(cache, credentials.Credentials("https://office.example", 3, "t", "k"))
    data = json.loads(path.read_text())
    data["office_url"] = "http://localhost@203.0.113.7:8700"
    path.write_text(json.dumps(data))
    with pytest.raises(credentials.NotEnrolled, match=r"user name or password.*enrol again"):
        credentials.load(cache)
    with pytest.raises(BadOfficeUrl):
        credentials.save(cache, credentials.Credentials("http://office.example", 3, "t", "k"))
