"""SQLite keeps timestamps as integer microseconds

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-01

SQLAlchemy's DATETIME wrote each timestamp as 26 characters of text. UTCDateTime now
writes the integer of microseconds since 1970-01-01 UTC (8 bytes) on SQLite, exactly,
and this rewrites what a store already holds. The columns stay declared DATETIME, so no
table is copied. PostgreSQL's timestamptz is unchanged.

A text time is 'YYYY-MM-DD HH:MM:SS' with an optional fraction, always UTC (UTCDateTime
wrote it so); the fraction is padded to six digits.
"""

from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

# Every UTCDateTime column at this revision.
COLUMNS = {
    "activity": ["created_at"],
    "audit_entry": ["at"],
    "coupon_type": ["created_at"],
    "member": ["consent_at", "archived_at", "erased_at", "created_at", "updated_at",
               "card_printed_at"],
    "post_template": ["updated_at"],
    "segment": ["created_at"],
    "wechat_group": ["created_at"],
    "attendance": ["created_at"],
    "check_in": ["at"],
    "draw": ["at", "paid_at"],
    "ledger_entry": ["at"],
    "level_change": ["at"],
    "member_stats": ["last_visit_at"],
    "note": ["at", "follow_up_at", "follow_up_done_at", "edited_at"],
    "phase_done": ["done_at"],
    "post_copy": ["copied_at"],
    "post_run": ["created_at", "finished_at"],
    "visit": ["at", "created_at"],
    "coupon": ["issued_at", "used_at"],
    "member_tag": ["created_at"],
    "post_run_member": ["done_at"],
}  # fmt: skip


def _to_integer(c: str) -> str:
    fraction = f"substr(substr({c}, 21) || '000000', 1, 6)"
    return (f"CASE WHEN typeof({c}) = 'text' THEN "
            f"CAST(strftime('%s', substr({c}, 1, 19)) AS INTEGER) * 1000000 "
            f"+ CAST({fraction} AS INTEGER) ELSE {c} END")  # fmt: skip


def _to_text(c: str) -> str:
    return (f"CASE WHEN typeof({c}) = 'integer' THEN "
            f"strftime('%Y-%m-%d %H:%M:%S', {c} / 1000000, 'unixepoch') || '.' "
            f"|| substr('000000' || ({c} % 1000000), -6) ELSE {c} END")  # fmt: skip


def _rewrite(convert) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, columns in COLUMNS.items():
        sets = ", ".join(f"{c} = {convert(c)}" for c in columns)
        op.execute(f"UPDATE {table} SET {sets}")


def upgrade() -> None:
    _rewrite(_to_integer)


def downgrade() -> None:
    _rewrite(_to_text)
