"""when a member was archived, and who took part in activities by day

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-30

The dashboard counts members as they were on a day: archived ones stop counting from the
day they were archived. Members archived before this knew no date: their last change is
the best guess. A plain ALTER (no table copy) keeps the expression index on birthdays.
Attendance gets an index by day, and the visit indexes cover what the dashboard reads: it
counts a period's visits and visitors from the indexes alone.
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("member", sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE member SET archived_at = updated_at WHERE archived")
    op.create_index("ix_attendance_day", "attendance", ["occurrence_date", "member_id"])
    op.drop_index("ix_visit_member_at", table_name="visit")
    op.create_index("ix_visit_member_at", "visit", ["member_id", "at", "voided"])
    op.drop_index("ix_visit_at", table_name="visit")
    op.create_index("ix_visit_at", "visit", ["at", "voided", "amount_cents"])


def downgrade() -> None:
    op.drop_index("ix_visit_at", table_name="visit")
    op.create_index("ix_visit_at", "visit", ["at"])
    op.drop_index("ix_visit_member_at", table_name="visit")
    op.create_index("ix_visit_member_at", "visit", ["member_id", "at"])
    op.drop_index("ix_attendance_day", table_name="attendance")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("archived_at")
