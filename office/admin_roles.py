"""Who may do what in the admin web app: the roles of admin accounts and one table of
their permissions (docs/office-guide.md, "Roles").

An admin's role is one of :class:`Role`; a page or a form asks :func:`may` for the one
:class:`Permission` it needs. ``read_only`` reads; ``support`` also edits members and
manages the chain's staff (office/admin_staff.py); ``marketing`` reads
(with phone numbers masked), edits the gift catalogue (office/admin_gifts.py) and will
edit the program; ``owner`` may do everything, managing the admin accounts included.
Every role reads the reports.
"""

from __future__ import annotations

from enum import Enum


class Role(Enum):
    OWNER = "owner"
    MARKETING = "marketing"
    SUPPORT = "support"
    READ_ONLY = "read_only"


class Permission(Enum):
    READ_MEMBERS = "read_members"
    #: Members' phone numbers in full (the others see them masked: :func:`mask_phone`).
    SEE_PHONES = "see_phones"
    EDIT_MEMBERS = "edit_members"
    #: The program (pages to come, issue 15).
    EDIT_PROGRAM = "edit_program"
    #: The gift catalogue: add, change, withdraw a gift.
    EDIT_GIFTS = "edit_gifts"
    #: The chain's staff: add, change, deactivate, reset a PIN, staff cards.
    EDIT_STAFF = "edit_staff"
    MANAGE_ADMINS = "manage_admins"
    #: The reports (office/admin_reports.py): every role.
    READ_REPORTS = "read_reports"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.SUPPORT: frozenset(
        {
            Permission.READ_MEMBERS,
            Permission.SEE_PHONES,
            Permission.EDIT_MEMBERS,
            Permission.EDIT_STAFF,
            Permission.READ_REPORTS,
        }
    ),
    Role.MARKETING: frozenset(
        {
            Permission.READ_MEMBERS,
            Permission.EDIT_PROGRAM,
            Permission.EDIT_GIFTS,
            Permission.READ_REPORTS,
        }
    ),
    Role.READ_ONLY: frozenset(
        {Permission.READ_MEMBERS, Permission.SEE_PHONES, Permission.READ_REPORTS}
    ),
}

ROLE_NAMES = tuple(role.value for role in Role)


def may(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]


def mask_phone(phone: str | None) -> str:
    """A phone number with all but its first three and last two digits hidden."""
    if not phone:
        return ""
    if len(phone) <= 5:
        return "•" * len(phone)
    return phone[:3] + "•" * (len(phone) - 5) + phone[-2:]
