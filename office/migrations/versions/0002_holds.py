"""holds: points held for a till's spending operation until it arrives (online spending);
an index for a terminal's highest operation seq (its id floors)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.BigInteger(), nullable=False),
        sa.Column("card_id", sa.BigInteger(), nullable=True),
        sa.Column("points_centi", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.Text(), nullable=False),
        sa.Column("settled_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_holds_member_open",
        "holds",
        ["member_id", "settled_at", "expires_at"],
        unique=False,
    )
    op.create_index(
        "ix_operations_terminal_seq", "operations", ["terminal_id", "seq"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_operations_terminal_seq", table_name="operations")
    op.drop_index("ix_holds_member_open", table_name="holds")
    op.drop_table("holds")
