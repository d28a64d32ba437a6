"""The terminal's HTTP client for the office: one requests Session, timeouts on every
request, TLS always verified (the system's CAs, or a private CA bundle), the device
credential as a bearer token.

Failures become typed errors the worker acts on: :class:`Transient` (network, timeouts,
5xx, 429: retry, honouring ``retry_after``), :class:`AuthFailed` (401/403: stop and tell
store IT), :class:`CursorGone` (410: rebuild from a snapshot), :class:`ProtocolError`
(an answer that makes no sense: retried like a transient one, and logged).
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote

import requests
import urllib3

from common.errors import AppError
from sync.office_url import check_office_url
from sync.protocol import PREFIX, TIME_HEADER, VERSION_HEADER, OpResult, parse_time
from sync.wire_spend import HOLDS_PATH, PURCHASES_PATH, HoldAnswer, PurchaseAnswer

log = logging.getLogger(__name__)


class SyncError(AppError):
    """The office could not be asked, or refused: each kind with its fixed ``code``, built
    from a message (the code first is the class's, as :class:`common.errors.AppError`)."""

    code = "sync_error"

    def __init__(self, message: str) -> None:
        super().__init__(self.code, message)


class Transient(SyncError):
    """Try again later (``retry_after``: seconds the office asked for, if it did)."""

    code = "transient"

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class TlsFailed(Transient):
    """The office's certificate cannot be verified (retried: IT may fix it meanwhile)."""

    code = "tls_failed"


class AuthFailed(SyncError):
    """The office refuses this terminal's credential: syncing stops until IT acts."""

    code = "auth_failed"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class CursorGone(SyncError):
    code = "cursor_gone"


class ProtocolError(Transient):
    code = "protocol_error"


class Refused(SyncError):
    """A request the office refuses for good (a 4xx other than the above)."""

    code = "refused"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


MAX_ANSWER_BYTES = 256 * 2**20  # no answer of the office comes near this


@dataclass(frozen=True, slots=True)
class Timeouts:
    """``read`` bounds each wait for data; ``total`` (None: connect + 4 x read) bounds a
    whole answer, so that one trickling in a byte at a time cannot hold the worker."""

    connect: float = 5.0
    read: float = 30.0
    total: float | None = None

    @property
    def whole(self) -> float:
        return self.total if self.total is not None else self.connect + 4 * self.read


@dataclass(frozen=True, slots=True)
class Answer:
    """A decoded JSON answer and the office's clock when it answered."""

    body: Any
    office_time: datetime | None


#: The longest ``Retry-After`` taken as it is: a larger one (or "inf") would stop syncing
#: for good (and overflows a thread's wait), so it is cut to this.
MAX_RETRY_AFTER_S = 24 * 3600.0


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date (counted from
    ``now``, the answering server's clock), at most :data:`MAX_RETRY_AFTER_S`."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        when = _http_date(value)
        if when is None or now is None:
            return None
        seconds = (when - _aware(now)).total_seconds()
    if not math.isfinite(seconds):
        return None
    return min(MAX_RETRY_AFTER_S, max(0.0, seconds))


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return _aware(parsedate_to_datetime(value))
    except (TypeError, ValueError):
        return None


class OfficeClient:
    """Talks to one office. Use from one thread at a time; :meth:`close` when done."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        ca_bundle: str | None = None,
        timeouts: Timeouts = Timeouts(),
        user_agent: str = "loyalty-terminal",
    ) -> None:
        self.base_url = check_office_url(base_url).rstrip("/")  # sync/office_url.py
        self.timeouts = timeouts
        self.session = requests.Session()
        # Verification is always on: the system's CA store, or a private CA's bundle.
        self.session.verify = ca_bundle if ca_bundle else True
        self.session.headers["User-Agent"] = user_agent
        self.session.headers["Accept"] = "application/json"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> OfficeClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- the protocol's calls ---------------------------------------------------------

    def enrol(self, code: str, *, was: int | None = None, unsent: int = 0) -> Answer:
        """``was``: the terminal id this till had, ``unsent``: its operations not yet
        acknowledged (the office refuses to make such a till a new terminal)."""
        return self._call("POST", "/enrol", json_body={"code": code, "was": was, "unsent": unsent})

    def hello(self) -> Answer:
        return self._call("GET", "/hello")

    def push(self, operations: Sequence[str]) -> tuple[list[OpResult], datetime | None]:
        """Send operations (each already JSON text, as the outbox keeps it)."""
        body = '{"operations":[' + ",".join(operations) + "]}"
        answer = self._call("POST", "/operations", raw_body=body.encode())
        results = answer.body.get("results") if isinstance(answer.body, dict) else None
        if not isinstance(results, list) or len(results) != len(operations):
            raise ProtocolError("the office's answer to a push does not match the batch")
        try:
            return [OpResult.from_dict(r) for r in results], answer.office_time
        except (KeyError, ValueError, TypeError) as exc:
            raise ProtocolError(f"a result the terminal cannot read: {exc}") from exc

    def hold(
        self, op_id: str, member_id: int, card_id: int | None, points_centi: int
    ) -> HoldAnswer:
        """Ask the office to hold points for the operation ``op_id`` (``POST /holds``)."""
        body = {"id": op_id, "member_id": member_id, "card_id": card_id}
        answer = self._call("POST", HOLDS_PATH, json_body={**body, "points_centi": points_centi})
        try:
            decided = HoldAnswer.from_dict(answer.body)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise ProtocolError(f"a hold answer the terminal cannot read: {exc}") from exc
        if decided.id != op_id:
            raise ProtocolError("the office answered a hold for another operation")
        return decided

    def purchase(self, op_id: str) -> PurchaseAnswer | None:
        """A purchase of any till of the chain (``GET /purchases/{id}``), for a return
        here; None when the office holds no applied purchase with this id."""
        try:
            answer = self._call("GET", f"{PURCHASES_PATH}/{quote(op_id, safe='')}")
        except Refused as exc:
            if exc.status == 404:
                return None
            raise
        try:
            found = PurchaseAnswer.from_dict(answer.body)
        except (KeyError, ValueError, TypeError) as exc:
            raise ProtocolError(f"a purchase the terminal cannot read: {exc}") from exc
        if found.id != op_id:
            raise ProtocolError("the office answered with another purchase")
        return found

    def push_audit(self, events: Sequence[dict[str, Any]]) -> Answer:
        """Send audit events (``POST /v1/audit``); the office keeps each once."""
        return self._call("POST", "/audit", raw_body=json.dumps({"events": list(events)}).encode())

    def changes(self, cursor: str, limit: int) -> Answer:
        return self._call("GET", "/changes", params={"cursor": cursor, "limit": limit})

    def snapshot(self, part: str, after: int = 0, limit: int = 20_000) -> Answer:
        return self._call("GET", f"/snapshot/{part}", params={"after": after, "limit": limit})

    # --- the transport ------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        raw_body: bytes | None = None,
    ) -> Answer:
        url = f"{self.base_url}{PREFIX}{path}"
        headers = {}
        data = raw_body
        if json_body is not None:
            data = json.dumps(json_body).encode()
        if data is not None:
            headers["Content-Type"] = "application/json"
        deadline = time.monotonic() + self.timeouts.whole
        try:
            response = self.session.request(
                method,
                url,
                params=params,
                data=data,
                headers=headers,
                timeout=(self.timeouts.connect, self.timeouts.read),
                # Per request: requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override a
                # Session's verify, which would drop the office's private CA.
                verify=self.session.verify,
                stream=True,  # the body is read here, against the whole answer's deadline
                allow_redirects=False,  # never on to another host, or to plain http
            )
            with response:
                content = self._body(response, deadline)
        except requests.exceptions.SSLError as exc:
            # A certificate problem does not fix itself, but the store's IT may fix it
            # without touching the till: keep trying, slowly, and say what is wrong.
            raise TlsFailed(f"TLS verification failed: {exc}") from exc
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise Transient(f"{type(exc).__name__}: {exc}") from exc
        return self._answer(response, content)

    def _body(self, response: requests.Response, deadline: float) -> bytes:
        parts: list[bytes] = []
        size = 0
        while True:
            chunk = response.raw.read1(65536, decode_content=True)  # what one read gave
            if not chunk:
                return b"".join(parts)
            parts.append(chunk)
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise ProtocolError(f"the office's answer is larger than {MAX_ANSWER_BYTES}")
            if time.monotonic() > deadline:
                raise Transient(
                    f"the office's answer took longer than {self.timeouts.whole:.0f} s "
                    f"({size} bytes so far)"
                )

    def _answer(self, response: requests.Response, content: bytes) -> Answer:
        office_time = None
        stamp = response.headers.get(TIME_HEADER)
        if stamp:
            try:
                office_time = parse_time(stamp)
            except ValueError:
                office_time = None
        status = response.status_code
        if status == 200:
            try:
                return Answer(json.loads(content), office_time)
            except ValueError as exc:
                raise ProtocolError("the office answered something that is not JSON") from exc
        message = _message(response, content)
        if VERSION_HEADER not in response.headers:
            # Not the office's answer (every one of its answers says its version): a proxy,
            # a captive portal or a wrong URL. Nothing to park or stop for: try again, and
            # say what answers, so that store IT can fix the way to the office.
            raise Transient(
                f"HTTP {status} from something that is not the office "
                f"(a proxy in between, or a wrong office URL?): {message}"[:300],
                retry_after_seconds(
                    response.headers.get("Retry-After"), _http_date(response.headers.get("Date"))
                ),
            )
        if status in (401, 403):
            raise AuthFailed(message, status)
        if status == 410:
            raise CursorGone(message)
        if status == 429 or status >= 500 or status == 408:
            raise Transient(
                f"HTTP {status}: {message}",
                # A date counts from the clock of whoever answered: the office's, or
                # the Date of a proxy in front of it (which sends no X-Office-Time).
                retry_after_seconds(
                    response.headers.get("Retry-After"),
                    office_time or _http_date(response.headers.get("Date")),
                ),
            )
        raise Refused(f"HTTP {status}: {message}", status)


def _message(response: requests.Response, content: bytes) -> str:
    try:
        body = json.loads(content)
    except ValueError:
        return response.reason or ""
    if isinstance(body, dict):
        return str(body.get("message") or body.get("error") or response.reason)
    return response.reason or ""
