"""program versions with an effective date: the versions saved for a later date wait in
program_schedule until the date comes (office/programs.py publishes them); each
published version keeps the date it took effect

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 14:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("program_versions", sa.Column("effective_at", sa.Text(), nullable=True))
    op.create_table(
        "program_schedule",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("effective_at", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", "version"),
    )


def downgrade() -> None:
    op.drop_table("program_schedule")
    with op.batch_alter_table("program_versions") as batch:
        batch.drop_column("effective_at")
