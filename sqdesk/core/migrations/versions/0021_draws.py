"""lucky draws, and members left off leaderboards

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-30

A draw keeps its pool (described), its seed and its winners, so it can be replayed and
shown fair; its prize (points or a coupon) is paid once, on confirming.
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draw",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("pool", sa.String(length=100), nullable=False),
        sa.Column("pool_size", sa.Integer(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("prize_points", sa.Integer(), nullable=False),
        sa.Column("prize_coupon_type_id", sa.Integer(), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["prize_coupon_type_id"], ["coupon_type.id"],
                                name=op.f("fk_draw_prize_coupon_type_id_coupon_type"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draw")),
    )  # fmt: skip
    op.create_table(
        "draw_winner",
        sa.Column("draw_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["draw_id"], ["draw.id"], name=op.f("fk_draw_winner_draw_id_draw"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_draw_winner_member_id_member"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("draw_id", "member_id", name=op.f("pk_draw_winner")),
    )  # fmt: skip
    with op.batch_alter_table("draw_winner", schema=None) as batch_op:
        batch_op.create_index("ix_draw_winner_member", ["member_id"], unique=False)
    # A plain ALTER: a batch "move and copy" of member would drop the birthday index, an
    # index on an expression that cannot be reflected (0011).
    op.add_column("member", sa.Column("hide_from_boards", sa.Boolean(),
                                      server_default=sa.false(), nullable=False))  # fmt: skip


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # 3.35+: no copy of the table (see upgrade)
        op.execute("ALTER TABLE member DROP COLUMN hide_from_boards")
    else:
        op.drop_column("member", "hide_from_boards")
    op.drop_table("draw_winner")
    op.drop_table("draw")
