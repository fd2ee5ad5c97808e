"""interaction notes and follow-ups

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30

A note about a member (what was said at the counter, a complaint, a reason for lapsing),
with an optional follow-up and its outcome; an amendment points at the note it amends.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=40), nullable=False),
        sa.Column("follow_up_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("follow_up_done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("amends_id", sa.Integer(), nullable=True),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["amends_id"], ["note.id"], name=op.f("fk_note_amends_id_note"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_note_member_id_member"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )  # fmt: skip
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index("ix_note_member_at", ["member_id", "at"], unique=False)
        batch_op.create_index("ix_note_follow_up", ["follow_up_done_at", "follow_up_at"],
                              unique=False)  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index("ix_note_follow_up")
        batch_op.drop_index("ix_note_member_at")
    op.drop_table("note")
