"""Who is on duty at the till and what their role lets them do.

Kept apart from :mod:`terminal.services.staff` (PINs, lock-outs) so that the unit of work
(:mod:`terminal.services.unit`) can name the person on duty without importing the use
cases that take it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from terminal.services.errors import ServiceError


class Role(enum.Enum):
    """The office's roles (``sync.protocol.STAFF_ROLES``), one vocabulary at both ends:
    the till's "it" of before is ``store_admin`` (cache migration 0004)."""

    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    STORE_ADMIN = "store_admin"


class NotAllowed(ServiceError):
    def __init__(self, action: str, role: Role) -> None:
        super().__init__("not_allowed", action=action, role=role.value)


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    role: Role

    def require(self, role: Role, action: str) -> None:
        """Raise :class:`NotAllowed` unless this person may do ``action``."""
        if role is Role.SUPERVISOR and self.role not in (Role.SUPERVISOR, Role.STORE_ADMIN):
            raise NotAllowed(action, self.role)
