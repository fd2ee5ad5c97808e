"""posts copied for a member, by member

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30

A member's timeline lists the posts copied for them ("member:12"): an index on whom a copy
was rendered for, and when.
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("post_copy", schema=None) as batch_op:
        batch_op.create_index("ix_post_copy_rendered_for", ["rendered_for", "copied_at"],
                              unique=False)  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("post_copy", schema=None) as batch_op:
        batch_op.drop_index("ix_post_copy_rendered_for")
