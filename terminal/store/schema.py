"""The tables of the local cache, declared once with SQLAlchemy Core.

Units, so that nothing is ever a float:
- money in integer minor units (kopecks) in ``*_minor`` columns;
- points in integer hundredths of a point in ``*_centi`` columns;
- percentages in integer basis points (hundredths of a percent) in ``*_bp`` columns.

Member data (members, cards, program, gifts) is a cache of the office's truth. Operations
are the only copy of what this terminal did until the office acknowledges them, so they
and their outbox rows are written in one transaction (see ``terminal.store.ledger``).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

# Constraint names are fixed so that later migrations can refer to them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

members = Table(
    "members",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # the office's member id
    Column("full_name", Text, nullable=False),
    Column("address_as", Text, nullable=False),  # how the cashier greets them
    Column("name_key", Text, nullable=False),  # casefolded "surname name patronymic"
    Column("birthday", Date),
    Column("phone", String(16)),  # digits only, with country code: 79161234567
    Column("segment", Text),
    Column("personal_manager", Text),
    Column("priority_service", Boolean, nullable=False, server_default="0"),
    Column("consent_personal_data", Boolean, nullable=False, server_default="0"),
    Column("consent_marketing", Boolean, nullable=False, server_default="0"),
    # The office's figures, as of its sequence number office_seq.
    Column("balance_centi", Integer, nullable=False, server_default="0"),
    Column("lifetime_spend_minor", Integer, nullable=False, server_default="0"),
    Column("window_spend_minor", Integer, nullable=False, server_default="0"),
    Column("purchases", Integer, nullable=False, server_default="0"),
    Column("last_gift_year", Integer),
    Column("office_seq", Integer, nullable=False, server_default="0"),
    Column("synced_at", Text),  # when the office last sent this member (ISO 8601 UTC)
    Index(None, "phone"),
    Index(None, "name_key"),
)

cards = Table(
    "cards",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # the office's card id
    Column("uid", String(20)),  # contactless UID, upper-case hex
    Column("number", String(32)),  # printed / encoded card number
    Column("kind", String(16), nullable=False),  # terminal.loyalty.CardKind value
    Column("state", String(16), nullable=False),  # terminal.loyalty.CardState value
    Column("member_id", Integer, ForeignKey("members.id", ondelete="SET NULL")),
    Column("fixed_discount_bp", Integer, nullable=False, server_default="0"),
    Column("expires", Date),
    Column("replaced_by", Integer, ForeignKey("cards.id")),
    CheckConstraint("uid IS NOT NULL OR number IS NOT NULL", name="identified"),
    # Unique indexes rather than UNIQUE constraints: a bulk fill can drop and rebuild them.
    Index(None, "uid", unique=True),
    Index(None, "number", unique=True),
    Index(None, "member_id"),
)

programs = Table(
    "programs",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("body", Text, nullable=False),  # terminal.loyalty.Program.to_dict() as JSON
    Column("active", Boolean, nullable=False, server_default="0"),
)

gifts = Table(
    "gifts",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # birthday | reward | prize
    Column("points_cost_centi", Integer, nullable=False, server_default="0"),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("names", Text, nullable=True),  # per language, JSON (terminal.loyalty.names)
)

operations = Table(
    "operations",
    metadata,
    Column("id", String(36), primary_key=True),  # made on this terminal (UUID)
    Column("seq", Integer, nullable=False, unique=True),  # per-terminal, gap-free
    Column("kind", String(16), nullable=False),  # purchase | return | ...
    Column("created_at", Text, nullable=False),  # terminal clock, for people only
    Column("staff_id", Integer, ForeignKey("staff.id")),
    Column("card_id", Integer, ForeignKey("cards.id")),
    Column("member_id", Integer, ForeignKey("members.id", ondelete="SET NULL")),
    Column("amount_minor", Integer, nullable=False, server_default="0"),
    Column("discount_minor", Integer, nullable=False, server_default="0"),
    Column("paid_minor", Integer, nullable=False, server_default="0"),
    Column("points_spent_centi", Integer, nullable=False, server_default="0"),
    Column("points_earned_centi", Integer, nullable=False, server_default="0"),
    # The net effect on the member, summed over pending operations for the balance shown.
    Column("points_delta_centi", Integer, nullable=False, server_default="0"),
    Column("spend_delta_minor", Integer, nullable=False, server_default="0"),
    Column("purchases_delta", Integer, nullable=False, server_default="0"),
    Column("facts", Text, nullable=False, server_default="{}"),  # JSON, drives returns
    # The purchase a return reverses: this till's, or another till's (then only the
    # office holds it, so no foreign key: migration 0007).
    Column("reverses", String(36)),
    Column("status", String(8), nullable=False, server_default="pending"),
    Column("result", Text),  # the office's answer (JSON) once acknowledged or parked
    CheckConstraint("status IN ('pending', 'acked', 'parked')", name="status"),
    Index(None, "member_id", "status"),
    Index(None, "reverses"),
)

outbox = Table(
    "outbox",
    metadata,
    Column("op_id", String(36), ForeignKey("operations.id"), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("payload", Text, nullable=False),  # the operation as the protocol sends it
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True),  # the office's staff id (the demo's own)
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),  # cashier | supervisor | store_admin
    Column("pin_hash", Text),  # common.pins, as the office made it
    # Unused since 0004 (staff_cards holds a person's cards); SQLite cannot drop a
    # UNIQUE column in place.
    Column("card_uid", String(20), unique=True),
    # The till-local lock-out state, kept across the office's updates of the row.
    Column("failed_pins", Integer, nullable=False, server_default="0"),
    Column("locked_until", Text),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("tills", Text),  # JSON list of terminal ids they may work at; NULL: every till
)

staff_cards = Table(
    "staff_cards",
    metadata,
    Column("uid", String(20), primary_key=True),  # upper-case hex
    Column("staff_id", Integer, ForeignKey("staff.id", ondelete="CASCADE"), nullable=False),
    Index(None, "staff_id"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id")),
    Column("action", String(32), nullable=False),
    Column("target", Text),
    Column("details", Text, nullable=False, server_default="{}"),
)

sync_state = Table(
    "sync_state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Receipts waiting for the printer, added in the same transaction as their operation, so
# that a receipt is never lost: the printer thread prints them in order (see
# terminal.store.print_queue). ``data`` is the ESC/POS bytes exactly as they will print.
print_jobs = Table(
    "print_jobs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36)),  # the operation printed, None for reports and tests
    Column("kind", String(16), nullable=False),  # purchase | return | shift | test | ...
    Column("title", Text, nullable=False, server_default=""),  # no personal data
    Column("data", LargeBinary, nullable=False),
    Column("status", String(9), nullable=False, server_default="waiting"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Column("created_at", Text, nullable=False),
    Column("printed_at", Text),
    Column("copy_of", Integer, ForeignKey("print_jobs.id")),
    # The process printing it (common/processes.py: boot id, pid, start time), while
    # ``printing``: a start requeues only the jobs of printers no longer alive.
    Column("printer", Text),
    CheckConstraint("status IN ('waiting', 'printing', 'printed', 'cancelled')", name="status"),
    Index(None, "status", "id"),
    Index(None, "op_id"),
)

shifts = Table(
    "shifts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("opened_at", Text, nullable=False),
    Column("closed_at", Text),
    Index(None, "closed_at"),
)

# Column orders, derived from the tables above (the one place that lists the columns):
# rows that fill the cache in bulk (terminal.store.bulk) or come from the office
# (terminal.store.incoming) are tuples in these orders.
MEMBER_COLUMNS: tuple[str, ...] = tuple(members.c.keys())
CARD_COLUMNS: tuple[str, ...] = tuple(cards.c.keys())
GIFT_COLUMNS: tuple[str, ...] = tuple(gifts.c.keys())
