"""points ledger

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

Visits, the append-only points ledger with the lots each deduction consumed, cached
balances, rewards and levels.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("benefits", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_level")),
        sa.UniqueConstraint("name", name=op.f("uq_level_name")),
    )
    op.create_table(
        "reward",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("cost", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("active_from", sa.Date(), nullable=True),
        sa.Column("active_to", sa.Date(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reward")),
        sa.UniqueConstraint("name", name=op.f("uq_reward_name")),
    )
    op.create_table(
        "ledger_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source_type", sa.String(length=20), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_key", sa.String(length=120), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_ledger_entry_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["ledger_entry.id"],
            name=op.f("fk_ledger_entry_reverses_id_ledger_entry"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_ledger_entry_reverses_id")),
        sa.UniqueConstraint("source_key", name=op.f("uq_ledger_entry_source_key")),
    )
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_entry_at", ["at"], unique=False)
        batch_op.create_index("ix_ledger_entry_expiry", ["expires_on"], unique=False)
        batch_op.create_index("ix_ledger_entry_member_at", ["member_id", "at", "id"], unique=False)
        batch_op.create_index("ix_ledger_entry_source", ["source_type", "source_id"], unique=False)

    op.create_table(
        "level_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_level_id", sa.Integer(), nullable=True),
        sa.Column("to_level_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["from_level_id"],
            ["level.id"],
            name=op.f("fk_level_change_from_level_id_level"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_level_change_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_level_id"],
            ["level.id"],
            name=op.f("fk_level_change_to_level_id_level"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_level_change")),
    )
    with op.batch_alter_table("level_change", schema=None) as batch_op:
        batch_op.create_index("ix_level_change_at", ["at"], unique=False)
        batch_op.create_index("ix_level_change_member", ["member_id"], unique=False)

    op.create_table(
        "member_points",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.Column("level_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["level_id"],
            ["level.id"],
            name=op.f("fk_member_points_level_id_level"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_member_points_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_points")),
    )
    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_visit_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_at", ["at"], unique=False)
        batch_op.create_index("ix_visit_member_at", ["member_id", "at"], unique=False)

    op.create_table(
        "ledger_consumption",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["ledger_entry.id"],
            name=op.f("fk_ledger_consumption_entry_id_ledger_entry"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"],
            ["ledger_entry.id"],
            name=op.f("fk_ledger_consumption_lot_id_ledger_entry"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_consumption")),
    )
    with op.batch_alter_table("ledger_consumption", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_consumption_entry", ["entry_id"], unique=False)
        batch_op.create_index("ix_ledger_consumption_lot", ["lot_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ledger_consumption", schema=None) as batch_op:
        batch_op.drop_index("ix_ledger_consumption_lot")
        batch_op.drop_index("ix_ledger_consumption_entry")

    op.drop_table("ledger_consumption")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_member_at")
        batch_op.drop_index("ix_visit_at")

    op.drop_table("visit")
    op.drop_table("member_points")
    with op.batch_alter_table("level_change", schema=None) as batch_op:
        batch_op.drop_index("ix_level_change_member")
        batch_op.drop_index("ix_level_change_at")

    op.drop_table("level_change")
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_ledger_entry_source")
        batch_op.drop_index("ix_ledger_entry_member_at")
        batch_op.drop_index("ix_ledger_entry_expiry")
        batch_op.drop_index("ix_ledger_entry_at")

    op.drop_table("ledger_entry")
    op.drop_table("reward")
    op.drop_table("level")
