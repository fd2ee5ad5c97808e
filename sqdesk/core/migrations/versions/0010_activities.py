"""activities

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25

The activity calendar: activities with their recurrence, cancelled or moved occurrences,
campaign phases ticked off, and attendance.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=12), nullable=False),
        sa.Column("color", sa.String(length=7), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("audience", sa.String(length=10), nullable=False),
        sa.Column("audience_ref", sa.String(length=60), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("rrule", sa.Text(), nullable=False),
        sa.Column("checkin", sa.Boolean(), nullable=False),
        sa.Column("warmup_days", sa.Integer(), nullable=True),
        sa.Column("uid", sa.String(length=200), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    op.create_table(
        "activity_exception",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("original_date", sa.Date(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("new_date", sa.Date(), nullable=True),
        sa.Column("new_minute", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"],
                                name=op.f("fk_activity_exception_activity_id_activity"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_exception")),
    )  # fmt: skip
    with op.batch_alter_table("activity_exception", schema=None) as batch_op:
        batch_op.create_index("ix_activity_exception_occurrence",
                              ["activity_id", "original_date"], unique=True)  # fmt: skip
    op.create_table(
        "phase_done",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_date", sa.Date(), nullable=False),
        sa.Column("phase", sa.String(length=10), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"],
                                name=op.f("fk_phase_done_activity_id_activity"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "occurrence_date", "phase",
                                name=op.f("pk_phase_done")),
    )  # fmt: skip
    op.create_table(
        "attendance",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_date", sa.Date(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"],
                                name=op.f("fk_attendance_activity_id_activity"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_attendance_member_id_member"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "occurrence_date", "member_id",
                                name=op.f("pk_attendance")),
    )  # fmt: skip
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index("ix_attendance_member", ["member_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index("ix_attendance_member")
    op.drop_table("attendance")
    op.drop_table("phase_done")
    with op.batch_alter_table("activity_exception", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_exception_occurrence")
    op.drop_table("activity_exception")
    op.drop_table("activity")
