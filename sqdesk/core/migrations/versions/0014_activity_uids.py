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
    activity = sa.table("activity", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    op.execute(
        activity.update()
        .where(activity.c.uid == "")
        .values(uid=sa.literal("activity-") + sa.cast(activity.c.id, sa.String)
                + sa.literal("@sqdesk"))
    )  # fmt: skip


def downgrade() -> None:
    pass  # the UIDs stay: an earlier sqdesk reads them as it always did
