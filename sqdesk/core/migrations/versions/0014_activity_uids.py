"""every activity keeps a UID

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30

An activity exported to .ics and imported again must be recognised, so every activity keeps
the UID it goes out with. Activities made before this revision went out as
"activity-<id>@sqdesk"; they keep exactly that, so files exported earlier match too. New
activities get a random UID when they are made.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # 0010 gained the uid column after it first shipped: a store made by that first 0010
    # has none yet (tests/core/test_upgrades.py).
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("activity")}
    if "uid" not in have:
        op.add_column("activity", sa.Column("uid", sa.String(length=200), nullable=False,
                                            server_default=""))  # fmt: skip
    activity = sa.table("activity", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    op.execute(
        activity.update()
        .where(activity.c.uid == "")
        .values(uid=sa.literal("activity-") + sa.cast(activity.c.id, sa.String)
                + sa.literal("@sqdesk"))
    )  # fmt: skip


def downgrade() -> None:
    pass  # the UIDs stay: an earlier sqdesk reads them as it always did
