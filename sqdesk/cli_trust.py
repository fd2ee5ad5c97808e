"""The command line's manager PIN and audit log (wired into sqdesk.cli's parser):

    pin set            the new PIN from standard input when it is not a terminal
    audit [--json] [--limit N]
    member export-data CODE --out FILE.json|FILE.xlsx
    member erase CODE   (the manager's)

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


def cmd_member(args: argparse.Namespace) -> int:
    """`member export-data CODE --out FILE` (everything held about them) and `member erase
    CODE` (the manager's: the person wiped, the numbers kept)."""
    from sqdesk.cli import _member_by_code
    from sqdesk.core import backup, pipl

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
        if store.path is not None:  # a copy just before: the erase can be undone by a restore
            backup.make_backup(store.path, kind="before-erase")
        code = pipl.erase(store, member_id)
    print(f"member {code} erased: the person is wiped, visits and points stay. Older backups "
          "still hold the data until their rotation replaces them.")
    return 0
