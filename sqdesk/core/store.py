"""The Store: one object that owns the database engine and hands out short transactions.

A store is a SQLite file (the usual case: one shop, one PC) or any SQLAlchemy URL
(PostgreSQL for a shop with several PCs). Opening a store brings its schema up to date with
the Alembic migrations shipped in `sqdesk/core/migrations`, after a backup copy when it
already holds data. A store written by a newer sqdesk is refused without being touched.

    store = Store.open("~/shop.sqdesk")
    with store.session() as s:      # a write: BEGIN IMMEDIATE ... COMMIT
        s.add(member)
    with store.read() as s:         # a read: no write lock taken
        s.scalar(select(func.count(Member.id)))
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, Select, create_engine, event, func, inspect, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sqdesk.core import backup, migrate, paths, search
from sqdesk.core.checkpoints import BACKSTOP_PAGES, Checkpointer
from sqdesk.core.errors import StoreError, StoreReadOnly, StoreTooNewError
from sqdesk.core.jobs import (
    Cancelled,
    Progress,
    ShouldStop,
    interrupt_requested,
    never_stop,
    no_progress,
    stoppable,
)
from sqdesk.core.lock import StoreLock, StoreLocked
from sqdesk.core.models import Base

STORE_SUFFIX = ".sqdesk"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
SQLITE_HEAP_LIMIT = 32 << 20  # bytes, for every connection in the process together
# SQLite steps between two looks at whether to stop: about 12 ms of a query here (70,000 a
# millisecond), well under a second on a slow PC. A look is a call into Python that needs the
# interpreter lock: while another thread runs Python, each waits up to the 5 ms switch
# interval, so at 20,000 (a look every 0.3 ms) the dashboard's counts ran one after another
# instead of side by side (its 12 months 1.33 -> 1.11 s with fewer looks).
PROGRESS_STEPS = 1_000_000

# The steps of opening that can take a while (Store.open's `progress`), in order; only the
# first two can be stopped: nothing is changed until the migrations commit.
OPEN_STEPS = ("backup", "upgrade", "tidy", "index")
STOPPABLE_STEPS = frozenset({"backup", "upgrade"})
SQLITE_POOL = 16  # connections kept open to a store file
SERVER_TIMEOUT_S = 10  # seconds to reach a PostgreSQL server before saying it cannot be

__all__ = [
    "Store",
    "StoreError",
    "StoreInfo",
    "StoreLocked",
    "StoreReadOnly",
    "StoreTooNewError",
    "to_url",
]


@dataclass(frozen=True)
class StoreInfo:
    location: str
    revision: str | None
    head: str
    counts: dict[str, int]


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def to_url(target: str | Path) -> URL:
    """A SQLAlchemy URL for a file path or a URL given as text; StoreError for a URL of a
    database sqdesk does not run on."""
    text = str(target)
    if "://" not in text:
        path = Path(text).expanduser().resolve()
        return URL.create("sqlite+pysqlite", database=str(path))
    try:
        url = make_url(text)
    except ArgumentError:
        raise StoreError("bad_url", f"{text!r} is neither a file path nor a database URL",
                         url=text) from None  # fmt: skip
    if url.get_backend_name() not in SUPPORTED_BACKENDS:
        raise StoreError(
            "unsupported_database",
            f"sqdesk keeps its data in a SQLite file or on a PostgreSQL server "
            f"(postgresql+psycopg://user:password@host/shop), not in {url.get_backend_name()}",
            backend=url.get_backend_name(),
        )
    return url


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _install_sqlite_pragmas(engine: Engine, *, read_only: bool = False,
                            checkpoints: Checkpointer | None = None) -> None:  # fmt: skip
    """WAL + synchronous=FULL + foreign keys on every connection; writes BEGIN IMMEDIATE.
    With `checkpoints`, the log is folded into the file by its thread, told of every
    commit; a commit folds it in only past BACKSTOP_PAGES (sqdesk.core.checkpoints).

    pysqlite's own transaction handling begins lazily and DEFERRED; under WAL a deferred
    read-then-write transaction fails at once with SQLITE_BUSY_SNAPSHOT when another
    connection wrote in between, whatever the busy timeout. So the driver is put in
    autocommit and SQLAlchemy's begin emits the BEGIN itself (SQLAlchemy's documented recipe).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        with closing(dbapi_connection.cursor()) as cur:
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not read_only:  # WAL is a property of the file: only a writer sets it
                cur.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit the user saw survives a power cut, not only a crash.
            cur.execute("PRAGMA synchronous = FULL")
            if checkpoints is not None:  # folded in by its thread; a commit, rarely
                cur.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
            cur.execute("PRAGMA foreign_keys = ON")
            # Each connection may cache up to 64 MiB of pages (default 2 MiB)...
            cur.execute("PRAGMA cache_size = -65536")
            # ...but all of SQLite in the process keeps to 32 MiB: the app's connections
            # (the window's, the background counts') would otherwise fill 64 MiB each. A
            # page let go is read again from the system's file cache in microseconds
            # (docs/ARCHITECTURE.md, "Start-up and memory"). Process-wide, set on each.
            cur.execute(f"PRAGMA soft_heap_limit = {SQLITE_HEAP_LIMIT}")
        # Long statements end at once when the work they belong to is asked to stop
        # (sqdesk.core.jobs.stoppable): a quit never waits for a rebuild to finish.
        dbapi_connection.set_progress_handler(interrupt_requested, PROGRESS_STEPS)

    if checkpoints is not None:
        event.listen(engine, "commit", lambda _conn: checkpoints.wrote())

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        if conn.get_execution_options().get("sqdesk_read"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def whole_cache(s: Session) -> Iterator[None]:
    """Around a bulk load (the demo, an import): SQLite's process-wide memory budget is
    lifted while it runs, so the pages of the indexes it writes into stay cached (on the
    100k demo the budget cost about 12%: 115 → 129 s). Put back after, whatever happens."""
    conn = s.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    # On the driver's connection: the setting is no part of the transaction, and a
    # transaction that failed still gets it put back.
    driver = conn.connection.dbapi_connection
    driver.execute("PRAGMA soft_heap_limit = 0")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA soft_heap_limit = {SQLITE_HEAP_LIMIT}")
        # The pages this connection cached while unbounded are let go: kept, they held the
        # whole budget for as long as the connection lived, and no other connection could
        # cache a page (SQLite frees no other connection's pages to make room).
        driver.execute("PRAGMA shrink_memory")


def is_server(target: str | Path) -> bool:
    """True for a database server's URL (PostgreSQL), which the window opens in the
    background: reaching it can take seconds, or fail only after SERVER_TIMEOUT_S."""
    try:
        return to_url(target).get_backend_name() == "postgresql"
    except StoreError:
        return False


def needs_upgrade(target: str | Path) -> bool:
    """True when the store at `target` is a SQLite file with data of an older schema: opening
    it upgrades it, which can take a minute (the window opens it in the background). False
    for anything else, a store that cannot be read included: opening it says why."""
    try:
        file = _sqlite_path(to_url(target))
        if file is None or not file.is_file() or file.stat().st_size == 0:
            return False
        revision = _peek_sqlite_revision(file)
    except (StoreError, OSError):
        return False
    return revision in migrate.known_revisions() and revision != migrate.head_revision()


def _peek_sqlite_revision(path: Path) -> str | None:
    """Read the schema revision without writing a byte (no WAL switch, no journal)."""
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError("not_sqlite", f"{path} is not a sqdesk store (not an SQLite database "
                         "file).", path=str(path))
    uri = path.as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            row = conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if row is None:
                return None
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError("unreadable", f"{path} cannot be read: {exc}.", path=str(path),
                         detail=str(exc)) from exc
    return found[0] if found else None


class Store:
    def __init__(self, engine: Engine, *, location: str,
                 write_engine: Engine | None = None) -> None:  # fmt: skip
        self.engine = engine
        self.location = location
        self.read_only = False
        self._lock: StoreLock | None = None
        self._checkpoints: Checkpointer | None = None
        self._write_engine = write_engine
        self._writer = sessionmaker(bind=write_engine or engine, expire_on_commit=False)
        self._reader = sessionmaker(
            bind=engine.execution_options(sqdesk_read=True), expire_on_commit=False
        )

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        target: str | Path | None = None,
        *,
        create: bool = True,
        read_only: bool = False,
        lock: bool = False,
        progress: Progress = no_progress,
        should_stop: ShouldStop = never_stop,
        copy_first: bool = True,
    ) -> Store:
        """Open (and if needed create and migrate) the store at a path or URL.

        `None` opens the default store in the user's data folder. `read_only` (for a store
        another copy of the app has open) writes nothing, not even a migration. `lock`
        (the app) holds the store's lock until close(), or raises StoreLocked naming who
        has it open.

        Opening is quick, but the first start after an upgrade is not: a backup copy, the
        migrations (0041 takes 39 s on a 100,000-member store), giving back the freed
        pages, the search index. `progress(step, len(OPEN_STEPS))` is told as each step
        starts. A stop asked for (`should_stop`, and inside a statement through
        sqdesk.core.jobs.stoppable) before the migrations are committed raises Cancelled
        and leaves the store as it was; after that the steps finish. `copy_first=False`
        upgrades without the backup copy before it: for a file that is itself a copy
        (sqdesk.core.restoring).
        """
        url = to_url(target if target is not None else paths.default_store_path())
        file = _sqlite_path(url)
        if file is not None and file.is_dir():
            raise StoreError("is_folder", f"{file} is a folder, not a store file",
                             path=str(file))  # fmt: skip
        if file is not None:
            if file.exists() and file.stat().st_size > 0:
                revision = _peek_sqlite_revision(file)
                migrate.refuse_unknown_revision(revision, location=str(file))
                if read_only and revision != migrate.head_revision():
                    raise StoreError(
                        "upgrade_needs_writer",
                        f"{file.name} needs an upgrade, which a read-only copy cannot do. "
                        "Open it in the copy of sqdesk that has it open.",
                        name=file.name,
                    )
            elif not create or read_only:
                raise StoreError("no_store", f"There is no store at {file}.", path=str(file))
            else:
                file.parent.mkdir(parents=True, exist_ok=True)
        held = None
        if lock and not read_only and file is not None:
            held = StoreLock(file)
            held.acquire()  # before any migration: two copies never upgrade one file
        if read_only and file is not None:
            # SQLite's own read-only mode: a bug here cannot write a byte.
            url = URL.create("sqlite+pysqlite", database=f"file:{file.as_posix()}?mode=ro",
                             query={"uri": "true"})  # fmt: skip
        # A SQLite file keeps up to 16 connections open: the Dashboard page counts with about
        # ten at once, and each opened anew (the file, the pragmas, the schema read) cost it
        # 0.1 s; SQLite's memory stays within SQLITE_HEAP_LIMIT whatever their number.
        # A server that does not answer (a mistyped address) is given up on after
        # SERVER_TIMEOUT_S, not after the system's own minutes of retries.
        server = url.get_backend_name() == "postgresql"
        engine = create_engine(url, pool_pre_ping=file is None,
                               **({"pool_size": SQLITE_POOL} if file is not None else {}),
                               **({"connect_args": {"connect_timeout": SERVER_TIMEOUT_S}}
                                  if server else {}))  # fmt: skip
        checkpoints = Checkpointer(file) if file is not None and not read_only else None
        # The writes of a SQLite file have a connection of their own. The pages a write
        # reads (the visit's tables, their indexes) then stay in its cache: shared with the
        # reads, the pool handed each write the connection used longest ago, whose cache
        # held the roster's pages and could not grow past SQLITE_HEAP_LIMIT: after the
        # roster's key presses a visit read 72 pages from the file, on its own connection
        # its member's 15 (docs/ARCHITECTURE.md, "Start-up and memory"). Two writes (a job's,
        # the window's) wait for each other in SQLite anyway; the second has a connection
        # of its own for the while.
        writes = (create_engine(url, pool_size=1, max_overflow=SQLITE_POOL)
                  if file is not None and not read_only else None)  # fmt: skip
        if engine.url.get_backend_name() == "sqlite":
            for each in (engine, writes) if writes is not None else (engine,):
                _install_sqlite_pragmas(each, read_only=read_only, checkpoints=checkpoints)
        store = cls(engine, location=str(file) if file is not None else _safe_url(url),
                    write_engine=writes)  # fmt: skip
        store.read_only = read_only
        store._lock = held
        store._checkpoints = checkpoints
        try:
            if not read_only:
                store._bring_up_to_date(progress, should_stop, copy_first=copy_first)
        except Exception:
            store.close()
            raise
        return store

    def _bring_up_to_date(self, progress: Progress, should_stop: ShouldStop, *,
                          copy_first: bool = True) -> None:  # fmt: skip
        def step(name: str) -> None:
            if name in STOPPABLE_STEPS and should_stop():
                raise Cancelled()
            progress(OPEN_STEPS.index(name), len(OPEN_STEPS))

        try:
            with self.engine.connect() as conn:
                current = migrate.current_revision(conn)
                has_tables = bool(inspect(conn).get_table_names())
        except DBAPIError as exc:
            raise StoreError("cannot_open", f"{self.location} cannot be opened: {exc.orig}.",
                             location=self.location, detail=str(exc.orig)) from exc
        migrate.refuse_unknown_revision(current, location=self.location)
        if current != migrate.head_revision():
            if has_tables and self.path is not None and copy_first:
                step("backup")
                backup.backup_before_upgrade(self.path, from_revision=current)
            step("upgrade")
            migrate.upgrade(self.engine, tidying=lambda: step("tidy"))
        # Derived data (the search index) is rebuilt when its format changed. Past the
        # upgrade nothing is stopped: the store opens whole (a stop would only send the
        # next start through the same rebuild).
        with stoppable(never_stop):
            with self.read() as s:
                current_index = search.index_is_current(s)
            if not current_index:
                step("index")
                with self.session() as s:
                    search.rebuild_index(s)

    def close(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.close()
            self._checkpoints = None
        self.engine.dispose()
        if self._write_engine is not None:
            self._write_engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- facts ---------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        if self.engine.url.database and self.engine.url.database.startswith("file:"):
            return Path(self.engine.url.database[5:].split("?", 1)[0])
        return _sqlite_path(self.engine.url)

    @property
    def write_engine(self) -> Engine:
        """The engine `session()` writes through: a SQLite file's own writing connection,
        otherwise the one engine."""
        return self._write_engine or self.engine

    @property
    def is_sqlite(self) -> bool:
        return self.engine.url.get_backend_name() == "sqlite"

    @property
    def display_name(self) -> str:
        return self.path.stem if self.path is not None else self.location

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def info(self) -> StoreInfo:
        counts: dict[str, int] = {}
        with self.read() as s:
            for table in Base.metadata.sorted_tables:
                counts[table.name] = s.scalar(select(func.count()).select_from(table)) or 0
        return StoreInfo(
            location=self.location,
            revision=self.revision(),
            head=migrate.head_revision(),
            counts=counts,
        )

    # --- units of work -------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction: commits when the block ends, rolls back on an exception."""
        if self.read_only:
            raise StoreReadOnly("read_only", f"{self.display_name} is open read-only: nothing "
                                "can be changed.", name=self.display_name)
        try:
            with self._writer.begin() as s:
                yield s
        except OperationalError as exc:
            # The disk filled up, or the file was made read-only under the app: the
            # transaction rolled back whole; say so plainly instead of SQLite's words.
            text = str(exc.orig if exc.orig is not None else exc).lower()
            if "full" in text:
                raise StoreError("disk_full", f"the disk is full: nothing of this was saved "
                                 f"({self.display_name})", name=self.display_name) from exc
            if "readonly" in text or "read-only" in text:
                raise StoreError("became_read_only", f"{self.display_name} cannot be written "
                                 "any more (its file was made read-only): nothing of this was "
                                 "saved", name=self.display_name) from exc  # fmt: skip
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; it never takes the write lock."""
        s = self._reader()
        try:
            yield s
        finally:
            s.rollback()
            s.close()


def sync_id_sequence(s: Session, table_name: str) -> None:
    """After rows were inserted with explicit ids (bulk paths do, to link rows to them),
    move PostgreSQL's id sequence past them; SQLite needs nothing (it uses max(rowid))."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), "
            f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table_name}"
        )


def first_column(s: Session, stmt: Select) -> list:
    """The first column of every row of `stmt`, read through the driver's own cursor.

    For the roster's id lists (100k rows) SQLAlchemy's result machinery costs two to three
    times the query itself; the statement is still built and compiled by SQLAlchemy, for
    whichever database the store is on. Statements whose parameters need conversion
    (dates, expanding IN lists) go the ordinary way.
    """
    conn = s.connection()
    compiled = stmt.compile(dialect=conn.dialect)
    plain = all(
        not p.expanding and isinstance(compiled.params.get(name), str | int | bool | None)
        for name, p in compiled.binds.items()
    )
    if not plain:  # dates and the like need SQLAlchemy's conversion for this database
        return list(s.scalars(stmt))
    if compiled.positiontup is not None:
        params: tuple | dict = tuple(compiled.params[name] for name in compiled.positiontup)
    else:
        params = compiled.params
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


def _safe_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def safe_location(target: str | Path) -> str:
    """A store as the user is told of it: a file's path, a server's address with its
    password hidden."""
    url = to_url(target)
    return str(target) if _sqlite_path(url) is not None else _safe_url(url)
