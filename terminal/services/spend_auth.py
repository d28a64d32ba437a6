"""Online spending: the office authorises a spend before the operation is recorded
(docs/protocol.md, Online spending; docs/sync-rules.md, Online and offline).

:func:`authorise` runs before the use case's write transaction (never inside it: the
cache is not held while the office is asked). It gives the operation its id and asks
the office, through the unit's :class:`~terminal.services.ports.SpendAuthoriser`, to
hold the points for that id, waiting at most the office's ``authorise_ms``:

- granted: the operation is recorded with that id and the office's decision stands
  (``held_centi``: :func:`terminal.services.offline.check_spend` lets it through);
- refused: :class:`~terminal.services.offline.OfflineLimit` ``office_refused`` (with the
  points available) or ``office_refused_card``; nothing is recorded;
- no answer in time, no office, or nothing to spend: no hold, and the offline limits
  decide (the data comes from the cache, whatever the status bar says).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from terminal.services.offline import OfflineLimit, limits_of
from terminal.services.unit import Unit

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Authorisation:
    """The id the operation is recorded with, and the points the office holds for it
    (None: no hold; the offline limits apply)."""

    op_id: str
    held_centi: int | None = None


def authorise(
    unit: Unit,
    member_id: int | None,
    card_id: int | None,
    points_centi: int,
    *,
    gift: bool = False,
) -> Authorisation:
    """Ask the office to hold ``points_centi`` of the member's balance (see the module's
    docstring); the GUI waits at most the office's deadline."""
    op_id = unit.ids()
    authoriser = unit.authoriser
    if authoriser is None or member_id is None or (points_centi <= 0 and not gift):
        return Authorisation(op_id)
    with unit.read() as tx:
        if tx.sync.terminal_id() is None:
            return Authorisation(op_id)
        deadline_s = max(0.05, int(limits_of(tx)["authorise_ms"]) / 1000)
    decision = authoriser.authorise(op_id, member_id, card_id, max(0, points_centi), deadline_s)
    if decision is None:
        log.info("spend %s: no answer from the office in %.1f s; offline limits", op_id, deadline_s)
        return Authorisation(op_id)
    if decision.granted:
        return Authorisation(op_id, decision.points_centi)
    log.info("spend %s refused by the office (%s)", op_id, decision.reason)
    if decision.reason == "balance":
        left = max(0, decision.available_centi)
        raise OfflineLimit("office_refused", left=Decimal(left).scaleb(-2))
    raise OfflineLimit("office_refused_card")
