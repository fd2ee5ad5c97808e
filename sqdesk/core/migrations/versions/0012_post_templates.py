"""post templates

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26

Post templates (built-in and the shop's own) and the history of copies.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "post_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("audience", sa.String(length=10), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_template")),
        sa.UniqueConstraint("key", name=op.f("uq_post_template_key")),
        sa.UniqueConstraint("name", name=op.f("uq_post_template_name")),
    )
    op.create_table(
        "post_copy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("template_name", sa.String(length=60), nullable=False),
        sa.Column("rendered_for", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("copied_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["template_id"], ["post_template.id"],
                                name=op.f("fk_post_copy_template_id_post_template"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_copy")),
    )  # fmt: skip
    with op.batch_alter_table("post_copy", schema=None) as batch_op:
        batch_op.create_index("ix_post_copy_copied_at", ["copied_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("post_copy", schema=None) as batch_op:
        batch_op.drop_index("ix_post_copy_copied_at")
    op.drop_table("post_copy")
    op.drop_table("post_template")
