"""The office's URL, checked the one way on every path that takes one: ``enroll
--office``, the demo office, the credential read back, the sync client.

It is parsed (``urllib.parse``), never matched by its prefix:

- ``https://HOST[:PORT][/PATH]``: TLS, always verified (sync/client.py);
- ``http://`` only for a host that is literally ``127.0.0.1``, ``::1`` (``[::1]``) or
  ``localhost``: this machine's loopback, where nothing crosses a network. Not
  ``localhost.example.org``, not ``127.0.0.1.example.org``, not ``127.1``;
- never a user name or password (``http://localhost@203.0.113.7`` is the host
  203.0.113.7), a query, a fragment, spaces, control characters or backslashes.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from common.errors import ConfigError

#: The hosts plain http is allowed to, exactly as written (case aside for the name).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})

_BAD_CHARS = re.compile(r"[\x00-\x20\x7f\\]")
_HOST = re.compile(r"^(?:\[[0-9A-Fa-f:.]+\]|[^\[\]@:/?#%]+)$")


class BadOfficeUrl(ConfigError):
    """An office URL the till refuses; the message says why and what is allowed."""

    code = "office_url_invalid"


def _refuse(url: str, why: str) -> BadOfficeUrl:
    shown = url if len(url) <= 120 else url[:119] + "…"
    return BadOfficeUrl(
        f"the office URL {shown!r} is refused: {why} (the office is https://HOST[:PORT]; "
        "plain http only to 127.0.0.1, [::1] or localhost on this machine)"
    )


def check_office_url(url: str) -> str:
    """``url`` itself if the till may talk to the office there; :class:`BadOfficeUrl`
    (a :class:`~common.errors.ConfigError`) saying why otherwise."""
    if not isinstance(url, str) or not url:
        raise _refuse(str(url), "it is empty")
    if _BAD_CHARS.search(url):
        raise _refuse(url, "it holds a space, a control character or a backslash")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise _refuse(url, f"it cannot be parsed ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        raise _refuse(url, "it is neither https:// nor http://")
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        raise _refuse(url, "it holds a user name or password (user@host)")
    host_port = parts.netloc.rsplit(":", 1)[0] if port is not None else parts.netloc
    if not parts.hostname or not _HOST.match(host_port):
        raise _refuse(url, "it names no valid host")
    if port is not None and not 0 < port < 65536:
        raise _refuse(url, f"port {port} is not a port")
    if parts.query or parts.fragment or url.rstrip("/").endswith(("?", "#")):
        raise _refuse(url, "it holds a query or a fragment")
    if scheme == "http" and parts.hostname.lower() not in LOOPBACK_HOSTS:
        raise _refuse(url, "plain http is allowed only on this machine's loopback")
    return url


def is_loopback(url: str) -> bool:
    """Whether ``url`` (a checked one) is plain http on this machine's loopback."""
    parts = urlsplit(url)
    return parts.scheme.lower() == "http" and (parts.hostname or "").lower() in LOOPBACK_HOSTS


def is_local_office(url: str) -> bool:
    """Whether ``url`` is an office on this machine (the demo office): http or https to
    a loopback host."""
    return (urlsplit(url).hostname or "").lower() in LOOPBACK_HOSTS
