"""a return may reverse a purchase of another till: ``operations.reverses`` without its
foreign key (the purchase it names is then in the office, not in this cache)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 06:40:00

The table is rebuilt (SQLite cannot drop a constraint in place); ``Database.migrate``
runs migrations with the foreign keys off and checks them all before the commit, as
SQLite's own procedure for a table's rebuild asks.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.drop_constraint("fk_operations_reverses_operations", type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.create_foreign_key(
            "fk_operations_reverses_operations", "operations", ["reverses"], ["id"]
        )
