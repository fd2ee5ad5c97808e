"""favourites, phase templates, bulk post runs

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26

A member's favourite items (for {{ 最爱 }}), how to sign up for an activity (for
{{ 报名方式 }}), the template each campaign phase copies, and bulk personal-message runs that
can stop and resume.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("favourites", sa.String(length=200), nullable=False,
                                      server_default=""))  # fmt: skip
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signup", sa.String(length=100), nullable=False,
                                      server_default=""))  # fmt: skip
    op.create_table(
        "activity_post",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(length=10), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"],
                                name=op.f("fk_activity_post_activity_id_activity"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["template_id"], ["post_template.id"],
                                name=op.f("fk_activity_post_template_id_post_template"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "phase", name=op.f("pk_activity_post")),
    )  # fmt: skip
    op.create_table(
        "post_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("template_name", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["template_id"], ["post_template.id"],
                                name=op.f("fk_post_run_template_id_post_template"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_run")),
    )  # fmt: skip
    op.create_table(
        "post_run_member",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_post_run_member_member_id_member"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["run_id"], ["post_run.id"],
                                name=op.f("fk_post_run_member_run_id_post_run"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("run_id", "position", name=op.f("pk_post_run_member")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("post_run_member")
    op.drop_table("post_run")
    op.drop_table("activity_post")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("signup")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("favourites")
