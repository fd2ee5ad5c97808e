"""The command line's manager PIN and audit log (wired into sqdesk.cli's parser):

    pin set            the new PIN from standard input when it is not a terminal
    audit [--json] [--limit N]
    member export-data CODE --out FILE.json|FILE.xlsx
    member erase CODE   (the manager's)
    backup [--to DIR]
    restore FILE        (the manager's)
    migrate-to URL      (the manager's: this SQLite store into an empty PostgreSQL one)

A guarded command (`as_manager`) takes the PIN from SQDESK_PIN, or asks for it on a
terminal; without it, or with a wrong one, it exits 1 with a message and does nothing.
With no PIN set, everything works as before, as the manager.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

# Loaded by sqdesk.cli's parser, after sqdesk.cli itself (see cli_coupons).
from sqdesk.cli import UsageError, _open, _print_json

PIN_ENV = "SQDESK_PIN"


def _ask(prompt: str) -> str | None:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def as_manager(store) -> None:
    """Unlock the manager's commands for this process, or raise PinError."""
    from sqdesk.core import audit, manager

    if manager.has_pin(store):
        pin = os.environ.get(PIN_ENV) or _ask("Manager PIN: ")
        if not pin:
            raise manager.PinError("pin_needed", f"this needs the manager's PIN: set {PIN_ENV} "
                                                 "or run it on a terminal")  # fmt: skip
        manager.verify(store, pin)
    audit.acting_as(audit.MANAGER)


def acting_role(store) -> None:
    """Without a PIN set there are no helpers: whoever runs a command is the manager."""
    from sqdesk.core import audit, manager

    if not manager.has_pin(store):
        audit.acting_as(audit.MANAGER)


def cmd_pin(args: argparse.Namespace) -> int:
    from sqdesk.core import manager

    if args.action != "set":
        raise UsageError("pin set")
    if sys.stdin is not None and sys.stdin.isatty():
        new = getpass.getpass("New manager PIN: ")
        if getpass.getpass("The same again: ") != new:
            print("error: the two PINs differ; nothing was changed", file=sys.stderr)
            return 1
    else:
        new = (sys.stdin.readline() if sys.stdin is not None else "").strip()
    with _open(args, write=True) as store:
        current = None
        if manager.has_pin(store):
            current = os.environ.get(PIN_ENV) or _ask("Current manager PIN: ")
            if not current:
                raise manager.PinError("pin_needed", f"the current PIN is needed: set {PIN_ENV}")
        manager.set_pin(store, new, current=current)
    print("the manager PIN is set")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from sqdesk.core import audit

    with _open(args) as store:
        as_manager(store)
        lines = audit.lines(store, limit=args.limit)
    if args.json:
        _print_json([{"id": x.id, "at": x.at.isoformat(), "pc": x.pc, "role": x.role,
                      "action": x.action, "detail": x.detail, "rows": x.rows, "file": x.file}
                     for x in lines])  # fmt: skip
        return 0
    for x in lines:
        extra = "  ".join(v for v in (x.detail, f"{x.rows} rows" if x.rows else "", x.file) if v)
        print(f"{x.at.astimezone():%Y-%m-%d %H:%M}  {x.pc}  {x.role:<7}  {x.action:<10}  {extra}")
    return 0


def add_commands(sub) -> None:
    from sqdesk.cli import _positive

    pin = sub.add_parser("pin", help="set the manager's PIN (read from standard input when it "
                                     "is not a terminal)")  # fmt: skip
    pin.add_argument("action", choices=["set"])
    pin.set_defaults(handler=cmd_pin)
    log = sub.add_parser("audit", help="the audit log, newest first (manager)")
    log.add_argument("--json", action="store_true")
    log.add_argument("--limit", type=_positive, default=100, metavar="N")
    log.set_defaults(handler=cmd_audit)
    member = sub.add_parser("member", help="a member's data requests: export-data, erase")
    member.add_argument("action", choices=["export-data", "erase"])
    member.add_argument("code", metavar="CODE")
    member.add_argument("--out", metavar="FILE", help="export-data: a .json or .xlsx file")
    member.set_defaults(handler=cmd_member)
    copy = sub.add_parser("backup", help="a checked backup copy now")
    copy.add_argument("--to", metavar="DIR", help="this folder (default: where the shop's "
                                                  "copies go)")  # fmt: skip
    copy.set_defaults(handler=cmd_backup)
    back = sub.add_parser("restore", help="go back to a backup copy (manager); the store as "
                                          "it was is kept as a copy first")  # fmt: skip
    back.add_argument("file", metavar="FILE")
    back.set_defaults(handler=cmd_restore)
    move = sub.add_parser("migrate-to", help="copy this store into an empty PostgreSQL "
                                             "database, verified (manager)")  # fmt: skip
    move.add_argument("url", metavar="URL", help="postgresql+psycopg://user@host/database")
    move.set_defaults(handler=cmd_migrate_to)


def cmd_member(args: argparse.Namespace) -> int:
    """`member export-data CODE --out FILE` (everything held about them) and `member erase
    CODE` (the manager's: the person wiped, the numbers kept)."""
    from sqdesk.cli import _member_by_code
    from sqdesk.core import pipl

    if args.action == "export-data":
        if not args.out:
            raise UsageError("member export-data CODE --out FILE.json")
        with _open(args) as store:
            member_id = _member_by_code(store, args.code)
            if member_id is None:
                return 1
            records = pipl.export_data(store, member_id, Path(args.out))
        print(f"{records} records about {args.code}: {args.out}")
        return 0
    with _open(args, write=True) as store:
        member_id = _member_by_code(store, args.code)
        if member_id is None:
            return 1
        as_manager(store)
        code = pipl.erase(store, member_id)  # a backup copy is made just before
    print(f"member {code} erased: the person is wiped, visits and points stay. Older backups "
          "still hold the data until their rotation replaces them.")
    return 0


def _refused(exc: Exception) -> int:
    """A copy that cannot be made or restored is the command's finding (exit 1), not a
    store that cannot be opened (exit 2)."""
    print(f"error: {exc}", file=sys.stderr)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    """`backup [--to DIR]`: a checked copy now, in DIR or where the shop's copies go."""
    from sqdesk.core import backup

    try:
        return _backup(args)
    except backup.BackupError as exc:
        return _refused(exc)


def _backup(args: argparse.Namespace) -> int:
    from sqdesk.core import backup

    with _open(args) as store:
        if store.path is None:
            raise UsageError("a PostgreSQL store is backed up by its server")
        folder = Path(args.to) if args.to else backup.folder_for(store)
        if args.to and not folder.is_dir():
            raise backup.BackupError("no_folder", f"there is no folder {folder}",
                                     folder=str(folder))  # fmt: skip
        copy = backup.make_backup(store.path, kind="manual", folder=folder)
    print(f"backed up to {copy}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """`restore FILE` (the manager's): the store becomes that copy; the store as it was is
    kept as a "before-restore" copy first."""
    from sqdesk.core import backup

    try:
        return _restore(args)
    except (backup.RestoreError, backup.BackupError) as exc:
        return _refused(exc)


def _restore(args: argparse.Namespace) -> int:
    from sqdesk.core import audit, backup
    from sqdesk.core.store import Store

    source = Path(args.file)
    if not source.is_file():
        raise backup.RestoreError("no_file", f"there is no file {source}", name=source.name)
    with _open(args, write=True) as store:
        if store.path is None:
            raise UsageError("a PostgreSQL store is restored by its server")
        as_manager(store)
        path = store.path
    safety = backup.restore(path, source)
    with Store.open(path, lock=True) as store:  # the restored store's own log says so
        audit.acting_as(audit.MANAGER)
        audit.record_now(store, "restore", file=source.name)
    print(f"restored {source.name}; the store as it was is kept as {safety.name}")
    return 0


def cmd_migrate_to(args: argparse.Namespace) -> int:
    """`migrate-to URL`: copy this SQLite store into an empty PostgreSQL database, verified
    (counts, every balance, `check`), all or nothing."""
    from sqdesk.core.migrate_to import MigrateError, migrate_to
    from sqdesk.core.store import Store

    with _open(args, write=True) as source:
        as_manager(source)
        try:
            with Store.open(args.url, lock=True) as target:
                moved = migrate_to(source, target)
        except MigrateError as exc:
            return _refused(exc)
    print(f"moved {moved.members} members ({moved.rows} rows in {moved.tables} tables) to "
          f"PostgreSQL and checked them; run sqdesk with --db and that address from now on")
    return 0
