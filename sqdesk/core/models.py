"""The store's tables, in SQLAlchemy 2.0's typed declarative style.

Every schema change here needs an Alembic migration in `sqdesk/core/migrations/versions`;
tests/core/test_migrations.py fails when the models and the migrations disagree.
Money is integer cents, points integers, timestamps timezone-aware UTC, dates plain dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NewType

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    cast,
    func,
    literal,
    literal_column,
    text,
    type_coerce,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.expression import false
from sqlalchemy.types import TypeDecorator

from sqdesk.core.compact_types import DayNumber, LedgerKind, LedgerSource, Reason, SourceKey

MemberId = NewType("MemberId", int)

# Stable constraint names so migrations (and SQLite batch mode) can refer to them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


# SQLite keeps a timestamp as whole microseconds since 1970-01-01 UTC, an 8-byte integer,
# where SQLAlchemy's own DATETIME writes 26 characters of text. A timestamp sits in the
# big tables' rows and in their indexes (a ledger entry's time three times), so this is a
# fifth of a large store's file (docs/ARCHITECTURE.md, "The store's size"). Integers
# order as the times do, and SQL that needs a calendar day asks `sqlite_day_of`.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


class _Microseconds(sqlite.DATETIME):
    """The column is still declared DATETIME (what every store already has, so no table
    is rebuilt); the value passes through as the integer UTCDateTime made."""

    def bind_processor(self, dialect):
        return None

    def result_processor(self, dialect, coltype):
        return None

    def literal_processor(self, dialect):
        return lambda value: str(int(value))


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC and always read back timezone-aware.

    PostgreSQL keeps it as timestamptz. SQLite keeps no offset; it is given the integer
    of microseconds since 1970 UTC (see EPOCH above), which reads back exactly.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return _Microseconds()
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | int | None:
        if dialect.name == "sqlite":
            return _to_microseconds(value)
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(UTC)

    def process_literal_param(self, value, dialect):
        return self.process_bind_param(value, dialect)

    def process_result_value(self, value, dialect) -> datetime | None:
        if dialect.name == "sqlite":
            return _from_microseconds(value)
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    # On SQLite, each timestamp read or written goes through one plain function instead of
    # TypeDecorator's wrapper around the methods above (which asks the dialect's name for
    # every value): half the cost of a read that converts thousands of them (the follow-ups
    # due, a timeline, an export).
    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        return _to_microseconds

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return _from_microseconds


def _to_microseconds(value: datetime | None) -> int | None:
    """A UTCDateTime as SQLite keeps it."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given for a UTC column")
    return (value - EPOCH) // MICROSECOND


def _from_microseconds(value: int | None) -> datetime | None:
    return None if value is None else EPOCH + timedelta(microseconds=value)


def local_offset_seconds() -> int:
    """The shop's offset from UTC today, in seconds: the derived contact tables place a
    contact's day with it (China keeps one offset all year)."""
    return int(datetime.now().astimezone().utcoffset().total_seconds())


def sqlite_day_of(at, *modifiers):
    """SQLite's `date()` of a UTCDateTime column or expression, with date() modifiers
    such as "+28800 seconds": the integer is whole seconds after `/ 1000000` (SQLite
    divides integers exactly, dropping the fraction)."""
    seconds = type_coerce(at, BigInteger).op("/")(literal_column("1000000"))
    return func.date(seconds, "unixepoch", *modifiers)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Store-wide settings that travel with the store file (shop name, thresholds...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


# Sort keys compare byte by byte, as SQLite's default BINARY collation does; PostgreSQL needs
# the C collation for that, whatever the server's locale.
_SORT_KEY = String(200).with_variant(String(200, collation="C"), "postgresql")


class Member(Base):
    __tablename__ = "member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Short numeric code with a Damm check digit (see sqdesk.core.codes), printed on cards.
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    nickname: Mapped[str] = mapped_column(String(100), default="")
    # Normalised: 11 digits for a mainland mobile, else E.164-ish text when mobile_foreign.
    mobile: Mapped[str | None] = mapped_column(String(32), default=None)
    mobile_foreign: Mapped[bool] = mapped_column(Boolean, default=False)
    wechat_id: Mapped[str] = mapped_column(String(64), default="")
    # "", "F", "M": unknown stays unknown rather than guessed.
    gender: Mapped[str] = mapped_column(String(1), default="")
    birthday: Mapped[date | None] = mapped_column(Date, default=None)
    birthday_lunar: Mapped[bool] = mapped_column(Boolean, default=False)
    region: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(50), default="")
    referrer_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), default=None
    )
    joined_on: Mapped[date] = mapped_column(Date)
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    consent_scope: Mapped[str] = mapped_column(String(200), default="")
    remark: Mapped[str] = mapped_column(Text, default="")
    # What the member likes to order (桂花乌龙、燕麦拿铁少糖), as the shop records it: posts
    # use it as {{ 最爱 }}.
    favourites: Mapped[str] = mapped_column(String(200), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # When they were archived (None while not): the dashboard counts members as they were.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # When the person was erased at their request (PIPL): the numbers stay, the person goes.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # When the member's card was last printed (None: never), to print those not printed yet.
    card_printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # Left off leaderboards, at the member's request.
    hide_from_boards: Mapped[bool] = mapped_column(Boolean, default=False,
                                                   server_default=false())  # fmt: skip
    # The name (or nickname) as people sort it: its pinyin (sqdesk.core.pinyin.sort_key).
    # Derived data: sqdesk.core.search writes it with the member's search tokens.
    name_sort: Mapped[str] = mapped_column(_SORT_KEY, default="")

    __table_args__ = (
        # The roster lists active members by join date or name: these indexes hand SQLite
        # the ids already in order, with no sort over 100k rows.
        Index("ix_member_roster_joined", "archived", "joined_on", "id"),
        Index("ix_member_roster_name", "archived", "name_sort", "id"),
        Index("ix_member_mobile", "mobile"),
        Index("ix_member_referrer_id", "referrer_id"),
        # The dashboard's member counts (migration 0036): the few archived members, and the
        # members someone referred, by day, each without reading the roster's 100k rows.
        Index("ix_member_archived_at", "archived_at", "joined_on",
              sqlite_where=text("archived_at IS NOT NULL"),
              postgresql_where=text("archived_at IS NOT NULL")),
        Index("ix_member_referred", "joined_on", "referrer_id",
              sqlite_where=text("referrer_id IS NOT NULL"),
              postgresql_where=text("referrer_id IS NOT NULL")),
    )


# Tokens are compared byte by byte (prefix ranges): PostgreSQL needs the C collation for
# that, SQLite's default BINARY collation already is.
_TOKEN = String(64).with_variant(String(64, collation="C"), "postgresql")


class MemberToken(Base):
    """The search index sqdesk.core.search keeps current: a few tokens per member."""

    __tablename__ = "member_token"

    token: Mapped[str] = mapped_column(_TOKEN, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (
        Index("ix_member_token_member_id", "member_id"),
        {"sqlite_with_rowid": False},
    )


# --- points -------------------------------------------------------------------------------


class Visit(Base):
    """A purchase or store visit (到店/消费); amounts in integer cents (分)."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    amount_cents: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(20), default="门店")
    remark: Mapped[str] = mapped_column(Text, default="")
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A coupon's discount: amount_cents is what was paid (points are earned on it), the
    # amount before the discount is amount_cents + discount_cents.
    discount_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (
        # Both cover what the dashboard reads (docs/ARCHITECTURE.md, "Speed"): a member's
        # visits and spend within a period without reading the rows (a group's or a
        # segment's figures; since 0034), and a period's sums.
        Index("ix_visit_member_at", "member_id", "at", "voided", "amount_cents"),
        Index("ix_visit_at", "at", "voided", "amount_cents"),
    )


class LedgerEntry(Base):
    """One signed change of a member's points. Never edited or deleted (docs/ARCHITECTURE.md,
    "Reliability"): a mistake is undone by a `reverse` entry pointing at the one it
    reverses."""

    __tablename__ = "ledger_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Kind, reason, source, key and expiry are kept short on SQLite (core/compact_types.py).
    kind: Mapped[str] = mapped_column(LedgerKind(10))  # earn, redeem, adjust, expire, reverse
    amount: Mapped[int] = mapped_column(Integer)  # signed points
    reason: Mapped[str] = mapped_column(Reason, default="")
    source_type: Mapped[str] = mapped_column(LedgerSource(20), default="manual")
    source_id: Mapped[int | None] = mapped_column(Integer, default=None)
    # What paid this entry, unique: re-running a rule or re-saving a visit never pays twice.
    source_key: Mapped[str | None] = mapped_column(SourceKey(120), unique=True, default=None)
    # Unique where set (the index below): few entries reverse another.
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_entry.id", ondelete="RESTRICT"), default=None
    )
    # For entries that add points (a "lot"): when what is left of them expires.
    expires_on: Mapped[date | None] = mapped_column(DayNumber, default=None)
    actor: Mapped[str] = mapped_column(String(50), default="")

    __table_args__ = (
        # An entry is reversed once at most. Only the few entries that reverse one are in
        # the index: as a table constraint it held two million empty keys (21 MB, 0041).
        Index("uq_ledger_entry_reverses_id", "reverses_id", unique=True,
              sqlite_where=text("reverses_id IS NOT NULL"),
              postgresql_where=text("reverses_id IS NOT NULL")),
        # A member's entries in order; kind and amount (since 0034) so that a group's points
        # per kind are summed from the index without reading each entry (16 bytes a row).
        Index("ix_ledger_entry_member_at", "member_id", "at", "id", "kind", "amount"),
        # Covering index for the monthly totals: scanning it reads a fifth of the table.
        # Also how a visit's entries are found to undo it: they carry the visit's moment.
        Index("ix_ledger_entry_month", "at", "kind", "amount"),
        # Nothing is looked up by expires_on here: what is due is read from open_lot. Nor by
        # source: a visit's entries are found by member or moment (migration 0038).
    )


class LedgerConsumption(Base):
    """Which earned points an entry that takes points away used up, oldest first.

    A reversal of such an entry gives the points back to the same lots with negative rows.
    """

    __tablename__ = "ledger_consumption"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entry.id", ondelete="RESTRICT"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("ledger_entry.id", ondelete="RESTRICT"))
    points: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_ledger_consumption_entry", "entry_id"),
        Index("ix_ledger_consumption_lot", "lot_id"),
    )


class OpenLot(Base):
    """An earned lot that still has points, and how many (derived, sqdesk.core.open_lots):
    expiry and spending find what is left through this small table and its date index
    instead of summing two million entries' consumption. Kept in the transaction of every
    lot and every consumption; `check` compares it with the ledger."""

    __tablename__ = "open_lot"

    lot_id: Mapped[int] = mapped_column(
        ForeignKey("ledger_entry.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    expires_on: Mapped[date | None] = mapped_column(DayNumber, default=None)
    points_left: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_open_lot_expires", "expires_on"),
        Index("ix_open_lot_member", "member_id"),
    )


class LedgerDay(Base):
    """The ledger summed per UTC day and kind (derived, sqdesk.core.ledger_days): monthly
    totals and the dashboard's points figures read a few hundred rows, not a year of
    entries. Kept in the transaction of every entry; `check` compares it with the ledger."""

    __tablename__ = "ledger_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(LedgerKind(10), primary_key=True)  # as the entries keep it
    amount: Mapped[int] = mapped_column(BigInteger, default=0)
    entries: Mapped[int] = mapped_column(Integer, default=0)


class VisitHour(Base):
    """Visits (not undone) and what was paid, summed per UTC hour (derived,
    sqdesk.core.visit_hours): the shop-wide dashboard reads a few thousand rows for a year
    instead of its million visits. An hour, not a day: the shop's local days are whole UTC
    hours in every time zone on a whole-hour offset (China's among them). Kept in the
    transaction that records or undoes a visit; `check` compares it with the visits."""

    __tablename__ = "visit_hour"

    hour: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)  # its first moment
    visits: Mapped[int] = mapped_column(Integer, default=0)
    spend_cents: Mapped[int] = mapped_column(BigInteger, default=0)


class MemberPoints(Base):
    """Cached balance and level of a member; `check` proves it equals what the ledger says."""

    __tablename__ = "member_points"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    balance: Mapped[int] = mapped_column(Integer, default=0)
    level_id: Mapped[int | None] = mapped_column(
        ForeignKey("level.id", ondelete="SET NULL"), default=None
    )

    __table_args__ = (
        # The roster sorted by points, biggest first: its first screenful is a walk of this
        # index (members.first_ids; since 0037).
        Index("ix_member_points_balance", "balance", "member_id"),
    )


class CouponType(Base):
    """A kind of coupon the shop hands out (满50减10, 八折, a ¥9.9 trial drink ...):
    core/coupons says what each kind's value means and when a coupon of it applies."""

    __tablename__ = "coupon_type"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # coupons.KINDS
    value: Mapped[int] = mapped_column(Integer)  # cents, or a percentage (see coupons.KINDS)
    min_spend_cents: Mapped[int] = mapped_column(Integer, default=0)
    valid_days: Mapped[int | None] = mapped_column(Integer, default=30)  # from the issue day
    valid_from: Mapped[date | None] = mapped_column(Date, default=None)  # or fixed dates
    valid_to: Mapped[date | None] = mapped_column(Date, default=None)
    weekdays: Mapped[str] = mapped_column(String(7), default="")  # "2": Wednesdays; "": any
    from_minute: Mapped[int | None] = mapped_column(Integer, default=None)  # hours it applies
    to_minute: Mapped[int | None] = mapped_column(Integer, default=None)
    max_held: Mapped[int] = mapped_column(Integer, default=1)  # valid ones a member may hold
    key: Mapped[str | None] = mapped_column(String(20), unique=True, default=None)  # built-in
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Issued by itself on this event (coupons.EVENTS: joined, birthday, referral, level);
    # "" when only the shop hands it out.
    auto: Mapped[str] = mapped_column(String(12), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Coupon(Base):
    """One coupon a member holds, with its own code (digits and a check digit, printable as
    a QR). Used once, by the visit it discounted; expired when its last day has passed."""

    __tablename__ = "coupon"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str | None] = mapped_column(String(12), unique=True, default=None)
    type_id: Mapped[int] = mapped_column(ForeignKey("coupon_type.id", ondelete="RESTRICT"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    valid_from: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)  # the last day it can be used
    source: Mapped[str] = mapped_column(String(40), default="")  # "manual", "joined", ...
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visit.id", ondelete="SET NULL"), default=None
    )

    __table_args__ = (
        # A member's coupons still to use, soonest to expire first (Record Visit, Today).
        Index("ix_coupon_member_open", "member_id", "used_at", "expires_on"),
        # A type's coupons issued in a period, with what the figures count (used, expired,
        # the visit) so the dashboard's use rate reads no coupon row (since 0035).
        Index("ix_coupon_type", "type_id", "issued_at", "used_at", "expires_on", "visit_id"),
        # Coupons about to expire, everyone's (Today's reminder).
        Index("ix_coupon_open_expiry", "used_at", "expires_on"),
    )


class Draw(Base):
    """A lucky draw (抽奖): who could win (the pool, described), the seed that chose the
    winners (so the same pool and seed give the same winners again, for anyone to check),
    the prize, and when it was paid."""

    __tablename__ = "draw"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    title: Mapped[str] = mapped_column(String(100), default="")
    pool: Mapped[str] = mapped_column(String(100), default="")  # "activity:3:2026-11-30" ...
    pool_size: Mapped[int] = mapped_column(Integer, default=0)
    seed: Mapped[int] = mapped_column(BigInteger)
    prize_points: Mapped[int] = mapped_column(Integer, default=0)
    prize_coupon_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("coupon_type.id", ondelete="SET NULL"), default=None
    )
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class DrawWinner(Base):
    __tablename__ = "draw_winner"

    draw_id: Mapped[int] = mapped_column(ForeignKey("draw.id", ondelete="CASCADE"),
                                         primary_key=True)  # fmt: skip
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"),
                                           primary_key=True)  # fmt: skip
    position: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_draw_winner_member", "member_id"),)


class Reward(Base):
    """Something points buy (积分兑换)."""

    __tablename__ = "reward"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    cost: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int | None] = mapped_column(Integer, default=None)  # None: unlimited
    active_from: Mapped[date | None] = mapped_column(Date, default=None)
    active_to: Mapped[date | None] = mapped_column(Date, default=None)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Points exchanged for a coupon: redeeming issues one of this type.
    coupon_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("coupon_type.id", ondelete="SET NULL"), default=None
    )


class Level(Base):
    """A tier reached by points earned (or spend) in the last 12 months."""

    __tablename__ = "level"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    threshold: Mapped[int] = mapped_column(Integer)  # points, or cents of spend
    benefits: Mapped[str] = mapped_column(Text, default="")


class LevelChange(Base):
    __tablename__ = "level_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    from_level_id: Mapped[int | None] = mapped_column(
        ForeignKey("level.id", ondelete="SET NULL"), default=None
    )
    to_level_id: Mapped[int | None] = mapped_column(
        ForeignKey("level.id", ondelete="SET NULL"), default=None
    )

    __table_args__ = (
        Index("ix_level_change_at", "at"),
        Index("ix_level_change_member", "member_id"),
    )


class CheckIn(Base):
    """A member's check-in (签到) on a day; consecutive days earn the streak bonus."""

    __tablename__ = "check_in"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    source: Mapped[str] = mapped_column(String(50), default="")  # e.g. "jielong:12"
    at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)  # a scan's time


# --- tags and segments -----------------------------------------------------------------------


class TagGroup(Base):
    """Tags come in groups (基础标签, 行为标签, 价值分层 ...); an exclusive group allows one tag
    per member (a value layer), the others any number."""

    __tablename__ = "tag_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    name_key: Mapped[str] = mapped_column(String(50), unique=True)  # folded, for uniqueness
    exclusive: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("tag_group.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(50))
    # Case, width and spaces folded: "VIP", "ｖｉｐ" and " v i p" are one tag.
    name_key: Mapped[str] = mapped_column(String(50), unique=True)
    color: Mapped[str] = mapped_column(String(7), default="#2e7d5b")
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_tag_group_id", "group_id"),)


class MemberTag(Base):
    __tablename__ = "member_tag"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_member_tag_tag_id", "tag_id", "member_id"),)


class Segment(Base):
    """A saved filter (分层 / 人群): members are selected by rule, never stored by hand."""

    __tablename__ = "segment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    definition: Mapped[str] = mapped_column(Text)  # the filter tree, as JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MemberStats(Base):
    """Per-member visit figures for today's windows, so segments filter on indexed columns
    instead of counting a million visits per click. Derived data: rebuilt for everyone
    once a day (and when missing), and for one member whenever their visits change."""

    __tablename__ = "member_stats"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    visits_30: Mapped[int] = mapped_column(Integer, default=0)
    visits_90: Mapped[int] = mapped_column(Integer, default=0)
    spend_90: Mapped[int] = mapped_column(Integer, default=0)
    spend_prev_90: Mapped[int] = mapped_column(Integer, default=0)
    spend_365: Mapped[int] = mapped_column(Integer, default=0)
    max_purchase_30: Mapped[int] = mapped_column(Integer, default=0)
    visits_this_month: Mapped[int] = mapped_column(Integer, default=0)
    visits_last_month: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        # The roster sorted by last visit or by spend, biggest first: the first screenful
        # is a walk of one of these (members.first_ids; since 0037).
        Index("ix_member_stats_last_visit", "last_visit_at", "member_id"),
        Index("ix_member_stats_spend", "spend_365", "member_id"),
    )


class AuditEntry(Base):
    """One line of the audit log: who did what that matters (an export, an erase, a change
    of rules ...), when and on which PC. Append-only: each line carries a hash of the one
    before (sqdesk.core.audit), so `check` finds one edited or taken out."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    pc: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(10), default="")  # manager | helper
    action: Mapped[str] = mapped_column(String(20))  # audit.ACTIONS
    detail: Mapped[str] = mapped_column(Text, default="")  # never a name or a mobile
    rows: Mapped[int] = mapped_column(Integer, default=0)
    file: Mapped[str] = mapped_column(String(260), default="")  # an export's file name
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class ContactDay(Base):
    """The members the shop had contact with on one day (the shop's time), one row per day
    and kind: who came (VISITED), who came twice or more that day (AGAIN), who had another
    contact (OTHER: taking part in an activity, a note, a post copied for them). `bits` is a
    bitmap by member id, compressed (sqdesk.core.contact_days): a period's distinct
    visitors, repeat visitors and active members are a few hundred bitmaps OR-ed, not an
    index seek per member. Derived data: filled by its migration (0042), kept in every
    transaction that adds or takes away a contact, compared with its sources by `check`."""

    __tablename__ = "contact_day"

    day: Mapped[int] = mapped_column(Integer, primary_key=True)  # days since 1970-01-01
    kind: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    bits: Mapped[bytes] = mapped_column(LargeBinary)


class LastContact(Base):
    """Each member's latest contact of any kind (a visit, taking part in an activity, a note,
    a post copied for them): the losing-touch queue reads one row per member instead of
    asking four tables about each. Derived data (sqdesk.core.last_contact): built once, and
    for one member whenever one of their contacts changes. A member with no contact has no
    row."""

    __tablename__ = "last_contact"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime)  # an activity: noon of its day


class WechatGroup(Base):
    """A WeChat group the shop runs (ordinary, VIP or interest), with its latest QR image."""

    __tablename__ = "wechat_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    name_key: Mapped[str] = mapped_column(String(50), unique=True)  # folded like tag names
    kind: Mapped[str] = mapped_column(String(10), default="ordinary")  # ordinary|vip|interest
    capacity: Mapped[int] = mapped_column(Integer, default=500)  # WeChat's limit
    rules: Mapped[str] = mapped_column(Text, default="")
    welcome: Mapped[str] = mapped_column(Text, default="")
    # The group's invite QR, as the screenshot the manager imported; WeChat makes it
    # invalid 7 days after WeChat showed it, so the date it was taken matters.
    qr_image: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    qr_taken_on: Mapped[date | None] = mapped_column(Date, default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GroupMembership(Base):
    """One stay of a member in a group: joining again later is a new row."""

    __tablename__ = "group_membership"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("wechat_group.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date, default=None)
    # "left" (they left) or "removed" (removed for breaking the rules); empty while in.
    leave_reason: Mapped[str] = mapped_column(String(10), default="")

    __table_args__ = (
        Index("ix_group_membership_group", "group_id", "left_on", "member_id"),
        Index("ix_group_membership_member", "member_id", "left_on", "group_id"),
    )


class Activity(Base):
    """A calendar activity: once, or recurring by an RFC 5545 RRULE (dateutil expands it).

    Times are the shop's local wall-clock time: a 20:00 flash deal stays at 20:00.
    """

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    # daily | weekly | monthly | campaign | festival | oneoff | offline
    category: Mapped[str] = mapped_column(String(12), default="oneoff")
    color: Mapped[str] = mapped_column(String(7), default="#2e7d5b")
    start_date: Mapped[date] = mapped_column(Date)
    start_minute: Mapped[int] = mapped_column(Integer, default=600)  # minutes after 00:00
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str] = mapped_column(String(100), default="")  # a group, 门店, 线上
    # everyone | group | segment; the group id or segment key/name in audience_ref
    audience: Mapped[str] = mapped_column(String(10), default="everyone")
    audience_ref: Mapped[str] = mapped_column(String(60), default="")
    points: Mapped[int] = mapped_column(Integer, default=0)  # for taking part
    rrule: Mapped[str] = mapped_column(Text, default="")  # "" = happens once
    checkin: Mapped[bool] = mapped_column(Boolean, default=False)  # a daily 签到
    # Campaign rhythm: a warm-up N days before, a reminder on the day, a recap the day
    # after. None: no phases.
    warmup_days: Mapped[int | None] = mapped_column(Integer, default=None)
    signup: Mapped[str] = mapped_column(String(100), default="")  # 群里接龙, 私信店长 …
    # The UID of the .ics event it was imported from, so a second import adds nothing.
    uid: Mapped[str] = mapped_column(String(200), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ActivityException(Base):
    """One occurrence cancelled or moved, the others untouched (EXDATE / RECURRENCE-ID)."""

    __tablename__ = "activity_exception"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    original_date: Mapped[date] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    new_date: Mapped[date | None] = mapped_column(Date, default=None)
    new_minute: Mapped[int | None] = mapped_column(Integer, default=None)

    __table_args__ = (
        Index("ix_activity_exception_occurrence", "activity_id", "original_date", unique=True),
    )


class PhaseDone(Base):
    """A campaign phase task ticked off for one occurrence."""

    __tablename__ = "phase_done"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    occurrence_date: Mapped[date] = mapped_column(Date, primary_key=True)
    phase: Mapped[str] = mapped_column(String(10), primary_key=True)  # warmup|reminder|recap
    done_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attendance(Base):
    """Who took part in an activity occurrence (by search or from a pasted 接龙)."""

    __tablename__ = "attendance"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    occurrence_date: Mapped[date] = mapped_column(Date, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    source: Mapped[str] = mapped_column(String(10), default="")  # search | jielong
    note: Mapped[str] = mapped_column(String(100), default="")  # "+1", "带娃"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_attendance_member", "member_id"),
        # The dashboard's contacts within a period: who took part on which days.
        Index("ix_attendance_day", "occurrence_date", "member_id"),
    )


class PostTemplate(Base):
    """A post template: built-in ones (with `key`) can be edited and restored; the shop
    adds its own."""

    __tablename__ = "post_template"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str | None] = mapped_column(String(40), unique=True, default=None)  # built-in
    name: Mapped[str] = mapped_column(String(60), unique=True)
    category: Mapped[str] = mapped_column(String(20))
    audience: Mapped[str] = mapped_column(String(10), default="group")  # group | member
    body: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class PostCopy(Base):
    """One copy to the clipboard: what, for whom, when (so nothing is posted twice)."""

    __tablename__ = "post_copy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("post_template.id", ondelete="SET NULL"), default=None
    )
    template_name: Mapped[str] = mapped_column(String(60))
    rendered_for: Mapped[str] = mapped_column(String(100), default="")  # member:12, group:3 …
    label: Mapped[str] = mapped_column(String(100), default="")  # 王芳, 茶语会员1群 …
    text: Mapped[str] = mapped_column(Text)
    copied_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_post_copy_copied_at", "copied_at"),
        # A member's timeline reads the posts copied for them.
        Index("ix_post_copy_rendered_for", "rendered_for", "copied_at"),
    )


def member_of_copy():
    """The member id in a copy's `rendered_for` ("member:12", posts.target_of), in SQL:
    for copies already known to be for one member."""
    return cast(func.substr(PostCopy.rendered_for, 8), Integer)


def copy_target_of(member_id_column):
    """posts.target_of's "member:12" for each member, in SQL (to match the copy history
    through its (rendered_for, copied_at) index)."""
    return literal("member:", String) + cast(member_id_column, String)


class ActivityPost(Base):
    """The template a campaign phase copies (warm-up, reminder, recap) for one activity;
    without a row the phase uses the first template of its category."""

    __tablename__ = "activity_post"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    phase: Mapped[str] = mapped_column(String(10), primary_key=True)  # warmup|reminder|recap
    template_id: Mapped[int] = mapped_column(ForeignKey("post_template.id", ondelete="CASCADE"))


class PostRun(Base):
    """Personal messages in bulk: one template copied for members one by one ("Copy and
    next"), which can stop and resume later."""

    __tablename__ = "post_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("post_template.id", ondelete="SET NULL"), default=None
    )
    template_name: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(100), default="")  # 本周生日, 沉睡会员 …
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # A coupon of this type goes with each message, issued when it is copied (None: no coupon).
    coupon_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("coupon_type.id", ondelete="SET NULL"), default=None
    )


class PostRunMember(Base):
    """One member of a run, in order, and whether their message was copied or skipped."""

    __tablename__ = "post_run_member"

    run_id: Mapped[int] = mapped_column(
        ForeignKey("post_run.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(8), default="")  # "" | copied | skipped
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # The coupon this member's message carried (issued once, kept when the step is revisited).
    coupon_id: Mapped[int | None] = mapped_column(
        ForeignKey("coupon.id", ondelete="SET NULL"), default=None
    )


class Note(Base):
    """What the manager learned about a member (a chat at the counter, a complaint, why they
    stopped coming), with an optional follow-up. Editable for a day; after that a change is
    an amendment, a new note pointing at the one it amends, so the history is kept."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(12), default="other")  # notes.KINDS
    # Why a member stopped coming (notes.LAPSE_REASONS), on "lapse" notes; "" when not said.
    reason: Mapped[str] = mapped_column(String(12), default="", server_default="")
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(40), default="")
    follow_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    follow_up_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    outcome: Mapped[str] = mapped_column(Text, default="")
    amends_id: Mapped[int | None] = mapped_column(
        ForeignKey("note.id", ondelete="CASCADE"), default=None
    )
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    __table_args__ = (
        Index("ix_note_member_at", "member_id", "at"),
        Index("ix_note_at", "at"),  # note search lists newest first
        # Open follow-ups by due time: Today's list reads only these.
        Index("ix_note_follow_up", "follow_up_done_at", "follow_up_at"),
    )

