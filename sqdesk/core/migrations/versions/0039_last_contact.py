"""each member's latest contact

Revision ID: 0039
Revises: 0038
Create Date: 2026-12-01

Derived from the visits, attendance, notes and posts copied (sqdesk.core.last_contact), so
the losing-touch queue reads one row per member instead of asking four tables about each.
Filled here, as sqdesk.core.last_contact.latest works it out (0.3 s for 100,000 members),
so the table is always whole and no write has to ask whether it was built.
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0039"
down_revision = "0038"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "last_contact",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_last_contact_member_id_member"),
            ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_last_contact")),
    )
    op.execute(fill_statement(op.get_bind().dialect.name))


def fill_statement(dialect: str) -> str:
    """Every member's latest contact from the sources (a test runs it on both databases
    against the app's own sqdesk.core.last_contact.latest). An activity counts at noon of
    its day in the shop's time (today's offset); SQLite keeps a moment as integer
    microseconds since 1970 UTC (migration 0032)."""
    noon = 12 * 3600 - int(datetime.now().astimezone().utcoffset().total_seconds())
    if dialect == "postgresql":
        attended = (f"timezone('UTC', max(occurrence_date)::timestamp)"
                    f" + make_interval(secs => {noon})")
    else:
        attended = f"(CAST(strftime('%s', max(occurrence_date)) AS INTEGER) + {noon}) * 1000000"
    return f"""
        INSERT INTO last_contact (member_id, at)
        SELECT member_id, max(at) FROM (
            SELECT member_id, max(at) AS at FROM visit WHERE NOT voided GROUP BY member_id
            UNION ALL
            SELECT member_id, max(at) FROM note GROUP BY member_id
            UNION ALL
            SELECT CAST(substr(rendered_for, 8) AS INTEGER), max(copied_at) FROM post_copy
            WHERE rendered_for LIKE 'member:%' GROUP BY rendered_for
            UNION ALL
            SELECT member_id, {attended} FROM attendance GROUP BY member_id
        ) AS contacts
        WHERE member_id IN (SELECT id FROM member)
        GROUP BY member_id
    """


def downgrade() -> None:
    op.drop_table("last_contact")
