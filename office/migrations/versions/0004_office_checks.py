"""office checks: every published program version, adjustment totals per staff and day,
reversals looked up by their target whichever terminal pushed them, what each return
took off its member

The current program (``programs``) becomes the first row of ``program_versions``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 15:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "program_versions",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("published_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", "version"),
    )
    op.create_table(
        "adjustment_totals",
        sa.Column("staff_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("total_centi", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("staff_id", "day"),
    )
    op.create_table(
        "member_returns",
        sa.Column("member_id", sa.BigInteger(), nullable=False),
        sa.Column("member_seq", sa.BigInteger(), nullable=False),
        sa.Column("spend_minor", sa.BigInteger(), nullable=False),
        sa.Column("purchases", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", "member_seq"),
    )
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("operations")}
    if "ix_operations_target" not in indexes:  # create_all of this version made it
        op.create_index("ix_operations_target", "operations", ["reverses"])
    op.execute(
        "INSERT INTO program_versions (code, version, body, published_at) "
        "SELECT code, version, body, '' FROM programs"
    )


def downgrade() -> None:
    op.drop_table("member_returns")
    op.drop_index("ix_operations_target", table_name="operations")
    op.drop_table("adjustment_totals")
    op.drop_table("program_versions")
