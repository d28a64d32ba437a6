"""the rolling window ages nightly: ``member_returns.window_minor``, what a return or the
nightly ageing took off a member's window spend (NULL: a return's ``spend_minor``)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("member_returns", sa.Column("window_minor", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    op.drop_column("member_returns", "window_minor")
