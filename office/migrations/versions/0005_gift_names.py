"""gift names per language: ``names``, a JSON text of the gift's name in ru, uk and en

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("gifts", sa.Column("names", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("gifts", "names")
