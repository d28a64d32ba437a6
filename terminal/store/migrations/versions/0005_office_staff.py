"""staff from the office: several staff cards, the tills they may work at, store_admin

The office owns staff now (docs/sync-rules.md, "Who may do what"): a person's staff
cards move to staff_cards (the card_uid column stays, empty: SQLite cannot drop a UNIQUE
column in place), ``tills`` says where they may log in, and the role "it" is called
"store_admin", as at the office.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 15:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("tills", sa.Text(), nullable=True))
    op.create_table(
        "staff_cards",
        sa.Column("uid", sa.String(length=20), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_staff_cards_staff_id_staff"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_staff_cards")),
    )
    with op.batch_alter_table("staff_cards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_cards_staff_id"), ["staff_id"], unique=False)
    op.execute(
        "INSERT INTO staff_cards (uid, staff_id) "
        "SELECT upper(card_uid), id FROM staff WHERE card_uid IS NOT NULL"
    )
    op.execute("UPDATE staff SET card_uid = NULL")
    op.execute("UPDATE staff SET role = 'store_admin' WHERE role = 'it'")


def downgrade() -> None:
    op.execute("UPDATE staff SET role = 'it' WHERE role = 'store_admin'")
    op.execute(
        "UPDATE staff SET card_uid = (SELECT min(uid) FROM staff_cards WHERE staff_id = staff.id)"
    )
    with op.batch_alter_table("staff_cards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_cards_staff_id"))
    op.drop_table("staff_cards")
    with op.batch_alter_table("staff", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("tills")
