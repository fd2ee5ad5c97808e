"""contact weeks always whole

Revision ID: 0040
Revises: 0039
Create Date: 2026-12-02

The member-weeks table (sqdesk.core.contact_weeks) was built on first use and marked built
in a setting, which every write of a contact read first (0.07 ms of a visit). Filled here,
as 0039 fills the latest contacts, it is whole in every store from now on: no write asks,
and the Dashboard never builds it while the manager waits.
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0040"
down_revision = "0039"
branch_labels = None
depends_on = None

BUILT_KEY = "contact_weeks.built"


def upgrade() -> None:
    conn = op.get_bind()
    built = conn.execute(sa.text(f"SELECT value FROM setting WHERE key = '{BUILT_KEY}'"))
    if built.scalar() != "1":
        # Built, it is whole and current already (refilling 1.2 million pairs took 15 s on
        # the 100,000-member store); otherwise it holds at most what writes added.
        op.execute("DELETE FROM contact_week")
        op.execute(fill_statement(conn.dialect.name))
    op.execute(f"DELETE FROM setting WHERE key = '{BUILT_KEY}'")


def fill_statement(dialect: str) -> str:
    """Every (member, Monday) with a contact, as sqdesk.core.contact_weeks.sources says (a
    test runs it on both databases against the table the app kept). A moment's week is its
    local day's, with today's offset from UTC; SQLite keeps a moment as integer
    microseconds since 1970 UTC (migration 0032) and a date as its ISO text."""
    offset = int(datetime.now().astimezone().utcoffset().total_seconds())
    if dialect == "postgresql":
        def week(at: str) -> str:
            return (f"CAST(date_trunc('week', timezone('UTC', {at})"
                    f" + make_interval(secs => {offset})) AS DATE)")  # fmt: skip

        day_week = "CAST(date_trunc('week', occurrence_date) AS DATE)"
    else:
        # 'weekday 1' moves on to the next Monday, or stays on one: six days back first.
        def week(at: str) -> str:
            return (f"date({at} / 1000000, 'unixepoch', '{offset:+d} seconds', '-6 days',"
                    " 'weekday 1')")

        day_week = "date(occurrence_date, '-6 days', 'weekday 1')"
    return f"""
        INSERT INTO contact_week (member_id, week)
        SELECT member_id, week FROM (
            SELECT member_id, {week("at")} AS week FROM visit WHERE NOT voided
            UNION
            SELECT member_id, {day_week} FROM attendance
            UNION
            SELECT member_id, {week("at")} FROM note
            UNION
            SELECT CAST(substr(rendered_for, 8) AS INTEGER), {week("copied_at")} FROM post_copy
            WHERE rendered_for LIKE 'member:%'
        ) AS contacts
        WHERE member_id IN (SELECT id FROM member)
    """


def downgrade() -> None:
    # The table is whole: the code before this revision reads the setting to know it.
    op.execute(f"INSERT INTO setting (key, value) VALUES ('{BUILT_KEY}', '1')")
