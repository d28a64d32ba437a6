"""print queue

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00
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
        "print_jobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), server_default="", nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=9), server_default="waiting", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("printed_at", sa.Text(), nullable=True),
        sa.Column("copy_of", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('waiting', 'printing', 'printed', 'cancelled')",
            name=op.f("ck_print_jobs_status"),
        ),
        sa.ForeignKeyConstraint(
            ["copy_of"], ["print_jobs.id"], name=op.f("fk_print_jobs_copy_of_print_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_jobs_status_id"), ["status", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_jobs_op_id"), ["op_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_jobs_op_id"))
        batch_op.drop_index(batch_op.f("ix_print_jobs_status_id"))
    op.drop_table("print_jobs")
