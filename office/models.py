"""The reference office's tables (SQLAlchemy Core), separate from the terminal's cache.

The office ledger is the truth for balances. ``changes`` is the change feed: every
committed change to a member, card, program, gift or the offline limits appends one row
with the entity's state after it (or None for a deletion); its ``seq`` is the cursor.
Writers are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped
advisory lock taken before the first change), so seq order is commit order and a reader
never sees seq N+1 before seq N.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

terminals = Table(
    "terminals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), unique=True),  # sha256 hex of the bearer token
    Column("enrolled_at", Text, nullable=False),
    Column("revoked_at", Text),
    Column("last_seen_at", Text),
)

enrolment_codes = Table(
    "enrolment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("terminal_name", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("used_at", Text),
    Column("terminal_id", Integer),
)

members = Table(
    "members",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("full_name", Text, nullable=False),
    Column("address_as", Text, nullable=False),
    Column("birthday", Text),  # ISO date
    Column("phone", String(16)),
    Column("segment", Text),
    Column("personal_manager", Text),
    Column("priority_service", Boolean, nullable=False, default=False),
    Column("consent_personal_data", Boolean, nullable=False, default=False),
    Column("consent_marketing", Boolean, nullable=False, default=False),
    Column("balance_centi", BigInteger, nullable=False, default=0),
    Column("lifetime_spend_minor", BigInteger, nullable=False, default=0),
    Column("window_spend_minor", BigInteger, nullable=False, default=0),
    Column("purchases", Integer, nullable=False, default=0),
    Column("last_gift_year", Integer),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("overdrawn", Boolean, nullable=False, default=False),  # flagged for review
    Column("seq", BigInteger, nullable=False, default=0),  # its latest change
)

cards = Table(
    "cards",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("uid", String(20), unique=True),
    Column("number", String(32), unique=True),
    Column("kind", String(16), nullable=False),
    Column("state", String(16), nullable=False),
    Column("member_id", BigInteger, index=True),
    Column("fixed_discount_bp", Integer, nullable=False, default=0),
    Column("expires", Text),
    Column("replaced_by", BigInteger),
    Column("deleted", Boolean, nullable=False, default=False),
)

programs = Table(
    "programs",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("body", Text, nullable=False),  # terminal.loyalty.Program.to_dict() as JSON
)

gifts = Table(
    "gifts",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("points_cost_centi", Integer, nullable=False, default=0),
    Column("active", Boolean, nullable=False, default=True),
    Column("names", Text, nullable=True),  # per language, JSON (terminal.loyalty.names)
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

operations = Table(
    "operations",
    metadata,
    Column("terminal_id", Integer, nullable=False),
    Column("op_id", String(36), nullable=False),
    Column("seq", BigInteger, nullable=False),  # the terminal's sequence number
    Column("kind", String(16), nullable=False),
    Column("body_hash", String(64), nullable=False),
    Column("body", Text, nullable=False),
    Column("reverses", String(36)),
    Column("status", String(8), nullable=False),  # applied | held | rejected
    Column("result", Text, nullable=False),  # the OpResult as sent (JSON)
    Column("received_at", Text, nullable=False),
    Column("applied_at", Text),
    PrimaryKeyConstraint("terminal_id", "op_id"),
    Index("ix_operations_reverses", "terminal_id", "reverses"),
    Index("ix_operations_op_id", "op_id"),  # a reversal's target, whichever terminal
    Index("ix_operations_terminal_seq", "terminal_id", "seq"),  # a terminal's id floors
    Index("ix_operations_target", "reverses"),  # the reversals of one target, any terminal
)

#: Every program version the office ever published (``programs`` holds the current one):
#: an offline till may name an older one, and its figures are checked by that version.
program_versions = Table(
    "program_versions",
    metadata,
    Column("code", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("body", Text, nullable=False),  # terminal.loyalty.Program.to_dict() as JSON
    Column("published_at", Text, nullable=False),
    #: When it took effect (its date as saved; None: when it was published).
    Column("effective_at", Text, nullable=True),
    PrimaryKeyConstraint("code", "version"),
)

#: Versions saved for a date still to come (office/programs.py): not in the feed, not
#: published; each moves to ``programs`` and ``program_versions`` when its date comes.
program_schedule = Table(
    "program_schedule",
    metadata,
    Column("code", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("body", Text, nullable=False),  # terminal.loyalty.Program.to_dict() as JSON
    Column("effective_at", Text, nullable=False),  # the protocol's time format
    Column("saved_at", Text, nullable=False),
    PrimaryKeyConstraint("code", "version"),
)

#: The points a member of staff adjusted by hand on one day (the office's day, UTC),
#: against the office's cap per supervisor and day (office/checks_kinds.py).
adjustment_totals = Table(
    "adjustment_totals",
    metadata,
    Column("staff_id", BigInteger, nullable=False),  # 0: an adjustment without staff
    Column("day", String(10), nullable=False),
    Column("total_centi", BigInteger, nullable=False),
    PrimaryKeyConstraint("staff_id", "day"),
)

changes = Table(
    "changes",
    metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("entity", String(8), nullable=False),
    Column("key", Text, nullable=False),
    Column("data", Text),  # JSON; None: deleted
    Column("at", Text, nullable=False),
    sqlite_autoincrement=True,  # a pruned seq is never handed out again
)

#: Points of a member's balance held for a spending operation a till is about to record
#: (office/holds.py): open until the operation (``id``) settles it or ``expires_at``.
holds = Table(
    "holds",
    metadata,
    Column("id", String(36), primary_key=True),  # the operation's id
    Column("terminal_id", Integer, nullable=False),
    Column("member_id", BigInteger, nullable=False),
    Column("card_id", BigInteger),
    Column("points_centi", BigInteger, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("settled_at", Text),
    Index("ix_holds_member_open", "member_id", "settled_at", "expires_at"),
)

# Staff belong to the office (docs/sync-rules.md, "Who may do what"): made and changed
# here (``python -m office staff``), published to every till in the feed (Entity.STAFF).
staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),  # sync.protocol.STAFF_ROLES
    Column("tills", Text),  # JSON list of terminal ids; None: every till
    Column("pin_hash", Text),  # common.pins; None: no PIN set (a staff card only)
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", Text, nullable=False),
    Column("changed_at", Text, nullable=False),
)

staff_cards = Table(
    "staff_cards",
    metadata,
    Column("uid", String(20), primary_key=True),  # upper-case hex
    Column("staff_id", Integer, nullable=False, index=True),
)

# The tills' audit logs (``POST /v1/audit``): one row per (terminal, its event id).
audit_events = Table(
    "audit_events",
    metadata,
    Column("terminal_id", Integer, nullable=False),
    Column("event_id", BigInteger, nullable=False),  # the till's audit_log id
    Column("at", Text, nullable=False),  # the till's clock, for people
    Column("staff_id", Integer),
    Column("action", String(32), nullable=False),
    Column("target", Text),
    Column("details", Text, nullable=False),  # JSON object
    Column("received_at", Text, nullable=False),
    PrimaryKeyConstraint("terminal_id", "event_id"),
)

#: What each applied return took off its member (lifetime and window spend, purchases),
#: by the feed position of the member's state after it: a till's view from before a
#: return elsewhere is honest by that much (office/checks_purchase.py). The nightly
#: ageing of the rolling window (office/window.py) keeps here what it took off the window
#: alone: ``spend_minor`` and ``purchases`` 0, ``window_minor`` the amount.
member_returns = Table(
    "member_returns",
    metadata,
    Column("member_id", BigInteger, nullable=False),
    Column("member_seq", BigInteger, nullable=False),
    Column("spend_minor", BigInteger, nullable=False),
    Column("purchases", Integer, nullable=False),
    Column("window_minor", BigInteger),  # None: a return's, the same as spend_minor
    PrimaryKeyConstraint("member_id", "member_seq"),
)

# The admin web app's people (office/admin_accounts.py): not tills, not staff; a password
# kept only as an argon2id hash (common.pins), a role (office.admin_roles), and the
# lock-out after failed log-ins, kept here so that a restart does not lift it.
admin_accounts = Table(
    "admin_accounts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),  # office.admin_roles.Role
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", Text),  # the protocol's time format; None: not locked
    Column("created_at", Text, nullable=False),
    Column("changed_at", Text, nullable=False),
)

#: A signed-in admin's session (office/admin_sessions.py): the cookie holds the token,
#: the office only its SHA-256; ``csrf`` is the token every form of the session carries.
admin_sessions = Table(
    "admin_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("admin_id", Integer, nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", Text, nullable=False),
    Column("seen_at", Text, nullable=False),
)
