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
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    IT = "it"


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
        if role is Role.SUPERVISOR and self.role not in (Role.SUPERVISOR, Role.IT):
            raise NotAllowed(action, self.role)
