"""The till's questions to the office while a customer waits, over HTTP: the
``SpendAuthoriser`` the use cases call (terminal/services/ports.py) as ``POST /v1/holds``
(docs/protocol.md, Online spending), and the ``PurchaseFinder`` a return at this till of a
purchase made at another asks (``GET /v1/purchases/{id}``, Returns at another till).

The question runs on a thread of its own with a client of its own (the sync worker's is
busy with its pass, and a requests Session is used by one thread at a time), and the
caller waits for the answer at most ``deadline_s``: the GUI thread is never held longer,
however the network behaves (a connect that hangs, an answer that trickles in). What did
not arrive in time is None, and the till decides on its offline limits; a question still
on its way then may still be granted by the office: the operation, recorded with the same
id, settles that hold when it arrives, or the hold expires by itself.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from sync.client import OfficeClient, SyncError, Timeouts
from sync.wire_spend import HoldAnswer, PurchaseAnswer

log = logging.getLogger(__name__)


class HttpSpendAuthoriser:
    """Holds asked of one office with the till's credential and CA bundle; :meth:`close`
    when the app stops."""

    def __init__(self, base_url: str, token: str, *, ca_bundle: str | None = None) -> None:
        self._client = OfficeClient(
            base_url, token, ca_bundle=ca_bundle, user_agent="loyalty-terminal (authorise)"
        )
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spend-authoriser")

    def authorise(
        self,
        op_id: str,
        member_id: int,
        card_id: int | None,
        points_centi: int,
        deadline_s: float,
    ) -> HoldAnswer | None:
        """The office's decision, or None if it did not come within ``deadline_s``."""
        try:
            future: Future[HoldAnswer] = self._pool.submit(
                self._ask, op_id, member_id, card_id, points_centi, deadline_s
            )
        except RuntimeError:  # closed: the app is stopping
            return None
        try:
            return future.result(timeout=deadline_s)
        except FutureTimeout:
            future.cancel()  # still queued behind a question that hangs: never sent
            log.info("hold %s: the office did not answer within %.1f s", op_id, deadline_s)
            return None
        except SyncError as exc:
            log.info("hold %s: the office could not be asked (%s)", op_id, exc.code)
            return None

    def _ask(
        self, op_id: str, member_id: int, card_id: int | None, points_centi: int, deadline_s: float
    ) -> HoldAnswer:
        # Nothing the thread waits for outlasts the caller's wait by much.
        self._client.timeouts = Timeouts(connect=deadline_s, read=deadline_s, total=deadline_s)
        return self._client.hold(op_id, member_id, card_id, points_centi)

    def find_purchase(self, op_id: str, deadline_s: float) -> PurchaseAnswer | None:
        """A purchase of another till, for a return here (``GET /v1/purchases/{id}``):
        None when the office holds no such purchase; :class:`TimeoutError` when it did
        not answer within ``deadline_s`` (or cannot be reached)."""
        try:
            future: Future[PurchaseAnswer | None] = self._pool.submit(self._find, op_id, deadline_s)
        except RuntimeError as exc:  # closed: the app is stopping
            raise TimeoutError("the app is stopping") from exc
        try:
            return future.result(timeout=deadline_s)
        except FutureTimeout as exc:
            future.cancel()
            log.info("purchase lookup: the office did not answer within %.1f s", deadline_s)
            raise TimeoutError("the office did not answer in time") from exc
        except SyncError as exc:
            log.info("purchase lookup: the office could not be asked (%s)", exc.code)
            raise TimeoutError(f"the office could not be asked ({exc.code})") from exc

    def _find(self, op_id: str, deadline_s: float) -> PurchaseAnswer | None:
        self._client.timeouts = Timeouts(connect=deadline_s, read=deadline_s, total=deadline_s)
        return self._client.purchase(op_id)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._client.close()
