"""The limits that make the office safe to expose: declared once here, with their
defaults and their help, for ``python -m office serve`` (see docs/office-security.md).

Bodies: a push carries at most :data:`sync.protocol.MAX_BATCH` operations; a realistic
batch of 1,000 purchases is about 0.6 MB, 1,000 registrations at the till's longest
names (200 Cyrillic letters, sent ``\\u``-escaped) about 3.3 MB, so a push may have
4 MiB; beyond that the office answers 413 and the till halves the batch. Everything else
(enrolment: ``{"code": ..., "was": ..., "unsent": ...}``, some 60 bytes) has 4 KiB.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

#: JSON nested deeper than this is refused before it is parsed (a member registration,
#: the deepest body a till sends, is 6 levels deep).
MAX_JSON_DEPTH = 32


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """What one office process accepts from the network. Sizes in bytes, times in
    seconds."""

    max_connections: int = 1000
    header_timeout_s: float = 10.0
    body_timeout_s: float = 60.0
    keep_alive_s: int = 5
    max_header_bytes: int = 16 * 1024
    max_push_bytes: int = 4 * 1024 * 1024
    max_body_bytes: int = 4 * 1024

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) <= 0:
                raise ValueError(f"{OPTIONS[f.name][0]} must be positive")


#: ``serve``'s option for each limit, with its help (the default is the dataclass's).
OPTIONS: dict[str, tuple[str, str]] = {
    "max_connections": (
        "--max-connections",
        "connections open at once; at the cap a new one pushes out the oldest that is "
        "not being answered (still sending, or idle)",
    ),
    "header_timeout_s": (
        "--header-timeout",
        "seconds a request may take to send its request line and headers",
    ),
    "body_timeout_s": ("--body-timeout", "seconds a request may take to send its body"),
    "keep_alive_s": ("--keep-alive", "seconds an idle connection is kept open"),
    "max_header_bytes": ("--max-header-bytes", "the request line and headers, at most"),
    "max_push_bytes": (
        "--max-push-bytes",
        "the body of a push (/v1/operations) or of an audit batch (/v1/audit), at most",
    ),
    "max_body_bytes": ("--max-body-bytes", "the body of any other request, at most"),
}
