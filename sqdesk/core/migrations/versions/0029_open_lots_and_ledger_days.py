"""what is left of each lot, and the ledger summed per day

Revision ID: 0029
Revises: 0028
Create Date: 2026-11-30

Two tables derived from the ledger and kept in the transaction of every entry
(sqdesk.core.open_lots, sqdesk.core.ledger_days), both filled here from the entries:
- open_lot: each earned lot that still has points. Expiry finds what is due through its
  date index instead of summing the consumption of two million entries every day.
- ledger_day: the points of each kind per UTC day, for monthly totals and the dashboard.
The SQL is written out here, not imported, so this revision does the same thing forever.
"""

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

FILL_OPEN_LOTS = """
INSERT INTO open_lot (lot_id, member_id, expires_on, points_left)
SELECT e.id, e.member_id, e.expires_on, e.amount - COALESCE(u.used, 0)
FROM ledger_entry e
LEFT JOIN (SELECT lot_id, SUM(points) AS used FROM ledger_consumption GROUP BY lot_id) u
       ON u.lot_id = e.id
WHERE e.amount > 0 AND e.kind IN ('earn', 'adjust') AND e.amount - COALESCE(u.used, 0) > 0
"""

FILL_LEDGER_DAYS = """
INSERT INTO ledger_day (day, kind, amount, entries)
SELECT {day}, kind, SUM(amount), COUNT(*) FROM ledger_entry GROUP BY {day}, kind
"""


def upgrade() -> None:
    op.create_table(
        "open_lot",
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("points_left", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["lot_id"], ["ledger_entry.id"],
                                name=op.f("fk_open_lot_lot_id_ledger_entry"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_open_lot_member_id_member"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("lot_id", name=op.f("pk_open_lot")),
    )
    op.create_index("ix_open_lot_expires", "open_lot", ["expires_on"])
    op.create_index("ix_open_lot_member", "open_lot", ["member_id"])
    op.create_table(
        "ledger_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "kind", name=op.f("pk_ledger_day")),
    )
    bind = op.get_bind()
    day = ("(at AT TIME ZONE 'UTC')::date" if bind.dialect.name == "postgresql"
           else "date(at)")  # fmt: skip
    op.execute(FILL_OPEN_LOTS)
    op.execute(FILL_LEDGER_DAYS.format(day=day))


def downgrade() -> None:
    op.drop_table("ledger_day")
    op.drop_index("ix_open_lot_member", table_name="open_lot")
    op.drop_index("ix_open_lot_expires", table_name="open_lot")
    op.drop_table("open_lot")
