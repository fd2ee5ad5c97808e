"""the ledger kept short

Revision ID: 0041
Revises: 0040
Create Date: 2026-12-02

On SQLite the ledger's kinds and sources become one character, the days points expire on
integers of days since 1970, a visit rule's key the visit's id and the rule's letter, and
a reason the app worded itself its template's letter and the words that fill it
(sqdesk.core.compact_types reads them back as before). An entry reverses one other at
most: that rule moves from a table constraint, which indexed two million empty keys, to a
unique index of the few entries that reverse one.

SQLite cannot drop a table's constraint, so the entries are copied into a new table; the
copy writes the short values as it goes. This needs the foreign keys off (the entries are
referred to by their consumption, their open lots and each other), which
sqdesk.core.migrate.upgrade does for every migration, then checks every reference once all
have run. On the 100,000-member store the upgrade takes 39 s with the VACUUM that then
gives the freed pages back (migrate.upgrade): the file 1.0 GB -> 760 MB.

PostgreSQL keeps its words, dates and keys; only the constraint becomes the index.
"""

from alembic import op

from sqdesk.core.compact_types import long_reason, short_reason

revision = "0041"
down_revision = "0040"
branch_labels = None
depends_on = None

# As sqdesk.core.compact_types numbered them at this revision (a store keeps the codes).
KINDS = ("earn", "redeem", "adjust", "expire", "reverse")
SOURCES = ("visit", "reward", "reversal", "expiry", "opening", "checkin", "award",
           "activity", "manual", "draw")  # fmt: skip
RULES = {"base": "b", "first_visit": "f", "member_day": "m", "birthday_month": "y"}
UNIX_DAY_ZERO = 2440587.5  # julianday('1970-01-01')

COLUMNS = ("id, member_id, at, kind, amount, reason, source_type, source_id, source_key, "
           "reverses_id, expires_on, actor")  # fmt: skip


# The table as SQLAlchemy wrote it (the same text, so a store reads as one made new).
_LINES = (
    "id INTEGER NOT NULL", "member_id INTEGER NOT NULL", "at DATETIME NOT NULL",
    "kind VARCHAR(10) NOT NULL", "amount INTEGER NOT NULL", "reason TEXT NOT NULL",
    "source_type VARCHAR(20) NOT NULL", "source_id INTEGER", "source_key VARCHAR(120)",
    "reverses_id INTEGER", "expires_on DATE", "actor VARCHAR(50) NOT NULL",
    "CONSTRAINT pk_ledger_entry PRIMARY KEY (id)",
    "CONSTRAINT fk_ledger_entry_member_id_member FOREIGN KEY(member_id) "
    "REFERENCES member (id) ON DELETE RESTRICT",
    "CONSTRAINT fk_ledger_entry_reverses_id_ledger_entry FOREIGN KEY(reverses_id) "
    "REFERENCES ledger_entry (id) ON DELETE RESTRICT",
)  # fmt: skip
_REVERSES_UNIQUE = "CONSTRAINT uq_ledger_entry_reverses_id UNIQUE (reverses_id)"
_KEY_UNIQUE = "CONSTRAINT uq_ledger_entry_source_key UNIQUE (source_key)"


def _table(name: str, *, reverses_unique: bool) -> str:
    lines = [*_LINES, *([_REVERSES_UNIQUE] if reverses_unique else []), _KEY_UNIQUE]
    return f"CREATE TABLE {name} (\n\t" + ", \n\t".join(lines) + "\n)"


def _case(column: str, pairs: dict[str, str], otherwise: str | None = None) -> str:
    """Each old value to its new one; any other value as it is (or `otherwise`)."""
    whens = " ".join(f"WHEN '{old}' THEN '{new}'" for old, new in pairs.items())
    return f"CASE {column} {whens} ELSE {otherwise or column} END"


def _coded(words: tuple[str, ...]) -> dict[str, str]:
    return dict(zip(words, "123456789abcdefghijklmnopqrstuvwxyz", strict=False))


def _short_key() -> str:
    """'visit:812345:base' -> '812345b'; any other key as it is."""
    rest = "substr(source_key, 7)"
    visit = f"substr({rest}, 1, instr({rest}, ':') - 1)"
    rule = f"substr({rest}, instr({rest}, ':') + 1)"
    letter = _case(rule, RULES, otherwise="NULL")
    return (f"CASE WHEN source_key LIKE 'visit:%:%' AND {visit} <> '' "
            f"AND {visit} NOT GLOB '*[^0-9]*' AND {letter} IS NOT NULL "
            f"THEN {visit} || {letter} ELSE source_key END")  # fmt: skip


def _long_key() -> str:
    words = {letter: rule for rule, letter in RULES.items()}
    rule = _case("substr(source_key, -1)", words, otherwise="NULL")
    visit = "substr(source_key, 1, length(source_key) - 1)"
    return (f"CASE WHEN {visit} <> '' AND {visit} NOT GLOB '*[^0-9]*' AND {rule} IS NOT NULL "
            f"THEN 'visit:' || {visit} || ':' || {rule} ELSE source_key END")  # fmt: skip


def _indexes(*, partial_reverses: bool) -> None:
    op.execute("CREATE INDEX ix_ledger_entry_member_at "
               "ON ledger_entry (member_id, at, id, kind, amount)")
    op.execute("CREATE INDEX ix_ledger_entry_month ON ledger_entry (at, kind, amount)")
    if partial_reverses:
        op.execute("CREATE UNIQUE INDEX uq_ledger_entry_reverses_id ON ledger_entry "
                   "(reverses_id) WHERE reverses_id IS NOT NULL")


def _rewrite(kinds: dict[str, str], sources: dict[str, str], reason: str, key: str,
             day: str, *, partial_reverses: bool) -> None:
    """Copy the entries into a new table, each column converted as given, and convert the
    daily sums' kinds and the open lots' days in place (both ways use it)."""
    # The reasons' short forms are made in Python, by the codec the app reads them with: it
    # only ever gains templates, so what it makes here always reads back.
    raw = op.get_bind().connection.dbapi_connection
    raw.create_function("sqdesk_short_reason", 1, short_reason, deterministic=True)
    raw.create_function("sqdesk_long_reason", 1, long_reason, deterministic=True)
    op.execute(_table("ledger_entry_copy", reverses_unique=not partial_reverses))
    op.execute(f"INSERT INTO ledger_entry_copy ({COLUMNS}) "
               f"SELECT id, member_id, at, {_case('kind', kinds)}, amount, {reason}, "
               f"{_case('source_type', sources)}, source_id, {key}, reverses_id, {day}, "
               f"actor FROM ledger_entry ORDER BY id")  # fmt: skip
    op.execute("DROP TABLE ledger_entry")
    op.execute("ALTER TABLE ledger_entry_copy RENAME TO ledger_entry")
    _indexes(partial_reverses=partial_reverses)
    op.execute(f"UPDATE ledger_day SET kind = {_case('kind', kinds)}")
    op.execute(f"UPDATE open_lot SET expires_on = {day}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("ALTER TABLE ledger_entry DROP CONSTRAINT uq_ledger_entry_reverses_id")
        op.execute("CREATE UNIQUE INDEX uq_ledger_entry_reverses_id ON ledger_entry "
                   "(reverses_id) WHERE reverses_id IS NOT NULL")
        return
    day = (f"CASE WHEN typeof(expires_on) = 'text' THEN "
           f"CAST(julianday(expires_on) - {UNIX_DAY_ZERO} AS INTEGER) ELSE expires_on END")
    _rewrite(_coded(KINDS), _coded(SOURCES), "sqdesk_short_reason(reason)", _short_key(),
             day, partial_reverses=True)  # fmt: skip


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP INDEX uq_ledger_entry_reverses_id")
        op.execute("ALTER TABLE ledger_entry ADD CONSTRAINT uq_ledger_entry_reverses_id "
                   "UNIQUE (reverses_id)")
        return
    kinds = {code: word for word, code in _coded(KINDS).items()}
    sources = {code: word for word, code in _coded(SOURCES).items()}
    day = ("CASE WHEN typeof(expires_on) = 'integer' THEN "
           "date(expires_on * 86400, 'unixepoch') ELSE expires_on END")
    _rewrite(kinds, sources, "sqdesk_long_reason(reason)", _long_key(), day,
             partial_reverses=False)
