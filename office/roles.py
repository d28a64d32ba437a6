"""Who may do what, checked at the office for every operation a till pushes
(docs/sync-rules.md, "Who may do what").

The till checks roles too, but a till is only semi-trusted: the office refuses an
operation in the name of staff it does not know (``unknown_staff``), of a deactivated
member of staff (``staff_inactive``), of one not allowed at the pushing till
(``staff_not_here``), or of one whose role may not do it (``role_required``). A kind
that needs no role (a purchase) may come without a staff id (the cash register's local
API checks out without a person logged in); a staff id it does carry is checked all
the same.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from office import staff
from sync.protocol import STAFF_ROLES, OpResult, OpStatus

_CASHIER, SUPERVISOR, STORE_ADMIN = STAFF_ROLES
#: The least role each kind needs (None: no one needs to be named). A kind missing from
#: this table needs a store admin: a new kind is refused until it is given its role here.
NEEDED: dict[str, str | None] = {
    "purchase": None,
    "return": SUPERVISOR,
    "gift": SUPERVISOR,
    "feedback": SUPERVISOR,
    "adjustment": SUPERVISOR,
    "card_block": SUPERVISOR,
    "card_activate": SUPERVISOR,
    "card_replace": SUPERVISOR,
    "card_unblock": SUPERVISOR,
    "member_register": SUPERVISOR,
}
_RANK = {role: i for i, role in enumerate(STAFF_ROLES)}


def needed(kind: str) -> str | None:
    return NEEDED.get(kind, STORE_ADMIN)


def _refused(op: dict[str, Any], code: str, message: str) -> OpResult:
    return OpResult(str(op["id"]), OpStatus.REJECTED, code, message)


def check(conn: Connection, terminal_id: int, op: dict[str, Any]) -> OpResult | None:
    """The rejection of ``op`` pushed by ``terminal_id`` for who did it, or None: allowed."""
    role = needed(str(op["kind"]))
    staff_id = op.get("staff_id")
    if staff_id is None:
        if role is None:
            return None
        return _refused(op, "role_required", f"a {op['kind']} needs a {role}: no staff id")
    if not isinstance(staff_id, int) or isinstance(staff_id, bool) or not 0 < staff_id < 2**31:
        return _refused(op, "unknown_staff", "the staff id is not an id of the office's staff")
    member = staff.get(conn, staff_id)
    if member is None:
        return _refused(op, "unknown_staff", f"no staff member {staff_id} at the office")
    if not member.active:
        return _refused(op, "staff_inactive", f"staff member {staff_id} is deactivated")
    if not member.works_at(terminal_id):
        return _refused(
            op, "staff_not_here", f"staff member {staff_id} may not work at terminal {terminal_id}"
        )
    if role is not None and _RANK.get(member.role, -1) < _RANK[role]:
        return _refused(
            op,
            "role_required",
            f"a {op['kind']} needs a {role}; staff member {staff_id} is a {member.role}",
        )
    return None
